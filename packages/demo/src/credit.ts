/**
 * Credit and points in the demo county: two penalty cases on the county's public hospital decided
 * through the whole procedure (立案 → 调查 → 裁量 → 告知 → 决定, three people), three registered staff
 * scored against them — one reaching 12 points (终止), one 9 (暂停), one 4 — the consequences applied by
 * the daily pass, a joint-punishment notice to the health commission, and one decision published
 * (proposed by 王稽核, approved by 系统管理员). Every step goes through the use cases.
 */
import * as Application from "@fundguard/application"
import type { Db } from "@fundguard/db"
import type { Role } from "@fundguard/domain/access"
import type { CaseAction } from "@fundguard/domain/enforcement"
import { addDays, isoDate } from "@fundguard/domain/kernel"
import { runUseCase, type DemoOptions } from "./responsibilities.js"

/** A person acting on a case: who, and the role the rules check. */
export interface CaseRequester {
  readonly actor: { readonly id: string | null; readonly name: string; readonly ip: null }
  readonly role: Role
}

/** What the engine assesses: the subject and the violations (region and dates are the case's). */
export interface CaseFacts {
  readonly subject: Readonly<Record<string, unknown>>
  readonly violations: ReadonlyArray<Readonly<Record<string, unknown>>>
}

/**
 * Opens a complaint case on `openedOn` and carries it to a penalty decision 14 days later by three
 * people (承办 `handler`, 复审 `reviewer`, 审批 `approver`): filing, an inquiry by two officers, evidence,
 * the assessment, the 事先告知 served the same day, then — after the statement period — the decision.
 * Answers the case's id and the day it was decided.
 */
export const decidePenaltyCase = async (
  db: Db,
  options: Omit<DemoOptions, "today">,
  request: {
    readonly institutionCode: string
    readonly summary: string
    readonly reference: string
    readonly facts: CaseFacts
    readonly openedOn: string
    readonly officers: {
      readonly handler: CaseRequester
      readonly reviewer: CaseRequester
      readonly approver: CaseRequester
    }
  }
): Promise<{ readonly id: string; readonly decidedOn: string }> => {
  const { handler, reviewer, approver } = request.officers
  const opened = isoDate(request.openedOn)
  const decidedOn = addDays(opened, 14)
  const { id } = await runUseCase(
    db,
    { ...options, today: opened },
    Application.Enforcement.openCase({
      opening: {
        source: "complaint",
        institutionCode: request.institutionCode,
        discoveredOn: opened,
        summary: request.summary,
        references: [request.reference]
      },
      ...handler
    })
  )
  const step = async (who: CaseRequester, action: CaseAction, input: unknown, on: string) => {
    const { revision } = await db.enforcementCase.findUniqueOrThrow({ where: { id } })
    await runUseCase(
      db,
      { ...options, today: on },
      Application.Enforcement.takeCaseStep({ caseId: id, action, revision, input, ...who })
    )
  }
  await step(handler, "submit_filing", { opinion: "举报线索具体，拟立案调查" }, opened)
  await step(reviewer, "review_filing", { opinion: "同意立案" }, opened)
  await step(approver, "approve_filing", { opinion: "同意立案" }, opened)
  await step(
    handler,
    "record_inquiry",
    {
      on: opened,
      startTime: "09:30",
      endTime: "10:30",
      place: "机构办公室",
      person: { name: "孙建国", position: "医务科科长" },
      officers: [
        { name: handler.actor.name, badge: "FJ-001" },
        { name: reviewer.actor.name, badge: "FJ-002" }
      ],
      recorder: handler.actor.name,
      questions: [{ question: "对检查发现的问题有无异议？", answer: "无异议" }]
    },
    opened
  )
  await step(
    handler,
    "record_evidence",
    { items: [{ name: "结算明细", kind: "书证", source: "医保结算系统" }] },
    opened
  )
  await step(handler, "assess", { summary: request.summary, facts: request.facts }, opened)
  await step(handler, "serve_notice", { servedOn: opened, method: "direct", contact: handler.actor.name }, opened)
  await step(handler, "submit_decision", { opinion: "拟按裁量基准处罚" }, decidedOn)
  await step(reviewer, "review_decision", { opinion: "同意" }, decidedOn)
  await step(approver, "approve_decision", { opinion: "同意" }, decidedOn)
  return { id, decidedOn }
}

const requester = async (db: Db, username: string): Promise<CaseRequester> => {
  const user = await db.user.findUniqueOrThrow({ where: { username } })
  return { actor: { id: user.id, name: user.displayName, ip: null }, role: user.role as Role }
}

/** What the credit demo loaded. */
export interface CreditDemo {
  readonly practitioners: number
  readonly cases: ReadonlyArray<string>
}

/**
 * Loads the credit demo once (nothing when a practitioner is already registered, or the register
 * has no public hospital): the decided cases, the staff and their points, the daily pass, a notice
 * and a publication.
 */
export const seedCreditDemo = async (db: Db, options: DemoOptions): Promise<CreditDemo> => {
  if ((await db.practitioner.count()) > 0) return { practitioners: 0, cases: [] }
  const hospital = await db.institution.findFirst({ where: { orgKind: "public_hospital" }, orderBy: { code: "asc" } })
  if (hospital === null) return { practitioners: 0, cases: [] }
  const [shenhe, jihe, admin] = [
    await requester(db, "shenhe"),
    await requester(db, "jihe"),
    await requester(db, "admin")
  ]
  const officers = { handler: shenhe, reviewer: jihe, approver: admin }
  const today = isoDate(options.today)
  const facts = (code: string, amount: number, from: string): CaseFacts => ({
    subject: { kind: "institution", orgKind: hospital.orgKind, hospLv: hospital.hospitalLevel ?? "2" },
    violations: [{ code, amount, occurredFrom: from, occurredTo: addDays(isoDate(from), 27) }]
  })
  const first = await decidePenaltyCase(db, options, {
    institutionCode: hospital.code,
    summary: "超标准收费：住院护理费超出限价收费 6000 元",
    reference: "奉医保举〔2026〕21号",
    facts: facts("A38-3-OVER_STANDARD_CHARGE", 6000, addDays(today, -120)),
    openedOn: addDays(today, -80),
    officers
  })
  const second = await decidePenaltyCase(db, options, {
    institutionCode: hospital.code,
    summary: "过度检查：无指征开展肿瘤标志物组合检查 8000 元",
    reference: "奉医保举〔2026〕27号",
    facts: facts("A38-2-OVER_PRESCRIPTION", 8000, addDays(today, -90)),
    openedOn: addDays(today, -50),
    officers
  })
  const run = <A, E>(effect: Parameters<typeof runUseCase<A, E>>[2]) => runUseCase(db, options, effect)
  const staff = [
    { nationalCode: "D500236000101", name: "陈立华", kind: "doctor" },
    { nationalCode: "Y500236000102", name: "周敏", kind: "pharmacist" },
    { nationalCode: "N500236000103", name: "刘志强", kind: "nurse" }
  ]
  const ids: Array<string> = []
  for (const s of staff)
    ids.push(
      (
        await run(
          Application.Credit.registerPractitioner({
            input: { ...s, institutionCode: hospital.code },
            actor: admin.actor
          })
        )
      ).id
    )
  const points = (who: number, source: { id: string; decidedOn: string }, n: number, extra: object = {}) =>
    run(
      Application.Credit.recordPoints({
        practitionerId: ids[who]!,
        input: {
          decidedOn: addDays(isoDate(source.decidedOn), 3),
          points: n,
          responsibility: n >= 6 ? "primary" : n >= 5 ? "important" : "general",
          source: "case",
          sourceId: source.id,
          event: "机构因条例第三十八条受到行政处罚，本人负有责任",
          ...extra
        },
        actor: jihe.actor
      })
    )
  await points(0, first, 6)
  await points(1, first, 5)
  await points(0, second, 6)
  await points(1, second, 4, { suspensionMonths: 2 })
  await points(2, second, 4)
  await run(Application.Credit.applyQualificationConsequences({ actor: { id: null, name: "demo", ip: null } }))
  await run(
    Application.Credit.issueNotice({
      input: {
        department: "health_commission",
        subject: "practitioner",
        subjectId: ids[0]!,
        reason: "该医师年度累计记分达到12分，已终止医保支付资格",
        request: "请依据《医师法》等规定对其执业行为依法处理，并将结果反馈我局"
      },
      actor: jihe.actor
    })
  )
  const publication = await run(
    Application.Credit.proposePublication({
      proposal: {
        caseId: second.id,
        title: `${hospital.name}过度检查案`,
        summary: `经查，${hospital.name}无指征开展肿瘤标志物组合检查，涉及医保基金 8000 元，责任医师陈立华。我局已依法作出行政处罚，并对相关责任人员记分。`,
        persons: ["陈立华"]
      },
      actor: jihe.actor
    })
  )
  await run(Application.Credit.approvePublication({ id: publication.id, actor: admin.actor }))
  return { practitioners: ids.length, cases: [first.id, second.id] }
}
