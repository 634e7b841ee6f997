import { demoExtractDir, demoRegister, DuckDbClaimFrames } from "@fundguard/screening"
/**
 * A demo county for the security suites: 奉节's organisation, duties and this year's tasks (with
 * completions and evidence), one account per role in a different unit, two leads — one a
 * 卫生院 oversees, one it does not — and a screening run. Every account shares one password.
 */
import { chineseWorkingCalendar } from "@fundguard/calendar"
import * as Application from "@fundguard/application"
import { finishRun, startRun, systemActor, upsertInstitutions, upsertUser, type Db } from "@fundguard/db"
import { decidePenaltyCase, runUseCase, seedResponsibilitiesDemo } from "@fundguard/demo"
import type { Role } from "@fundguard/domain/access"
import * as Effect from "effect/Effect"
import type { FastifyInstance } from "fastify"

export const password = "Fundguard-Test-2025!"
export const today = "2025-11-20"
export const now = () => new Date(`${today}T02:00:00Z`)

/** The accounts: who they are, where they sit. */
export const accounts = [
  { username: "admin", displayName: "管理员", role: "admin", unitId: "BUREAU" },
  { username: "jihe", displayName: "王稽核", role: "supervisor", unitId: "SEC-JJJG" },
  { username: "shenhe", displayName: "李审核", role: "reviewer", unitId: "CENTRE" },
  { username: "caotang", displayName: "张医保", role: "reviewer", unitId: "HC-CAOTANG" },
  { username: "weijian", displayName: "卫健委", role: "department", unitId: null }
] as const satisfies ReadonlyArray<{ username: string; displayName: string; role: Role; unitId: string | null }>
export type Username = (typeof accounts)[number]["username"]

/** Ids of the county's objects, by whose scope they are in. */
export interface CountyFixture {
  /** A lead on a village clinic of 草堂镇 (its 卫生院 oversees it), and one on the county hospital. */
  readonly leads: { readonly caotang: string; readonly hospital: string }
  /** A case (from a complaint) on the same two institutions as the leads. */
  readonly cases: { readonly caotang: string; readonly hospital: string }
  /** An inspection (drawn, team of the handling centre) on the same two institutions as the leads. */
  readonly inspections: { readonly caotang: string; readonly hospital: string }
  /** An agreement measure (追回, which needs a hearing before its decision) and a rectification order on each. */
  readonly measures: { readonly caotang: string; readonly hospital: string }
  readonly rectifications: { readonly caotang: string; readonly hospital: string }
  /** A task of each of these units, with evidence where one was recorded. */
  readonly tasks: Readonly<Record<"HC-CAOTANG" | "HC-TUXIANG" | "CENTRE", string>>
  readonly evidence: Readonly<Record<"HC-CAOTANG" | "HC-TUXIANG", string>>
  readonly runId: string
  /** A run over the demo extract, and a claim sample drawn from it on the same two institutions as the leads. */
  readonly demoRunId: string
  readonly samples: { readonly caotang: string; readonly hospital: string }
  /** A complaint (accepted, carried into the case) on each of the same two institutions, and a paid reward on each. */
  readonly complaints: { readonly caotang: string; readonly hospital: string }
  readonly rewards: { readonly caotang: string; readonly hospital: string }
  /**
   * With `{ credit: true }`: a registered practitioner on each of the same two institutions, and a
   * penalty case decided on each (the whole procedure) whose publication (曝光) is already approved.
   */
  readonly credit?: {
    readonly practitioners: { readonly caotang: string; readonly hospital: string }
    readonly publications: { readonly caotang: string; readonly hospital: string }
  }
  /** An outgoing transfer (drafted, awaiting the head's approval) to the health commission on each of the same two institutions. */
  readonly transfers: { readonly caotang: string; readonly hospital: string }
  readonly userIds: Readonly<Record<Username, string>>
}

const lead = (code: string, key: string, amount: number) => ({
  rule: "PRICE_OVER_CAP",
  ruleVersion: 1,
  level: "line" as const,
  fixmedins_code: code,
  psn_no: `50023519900101${key}`,
  mdtrt_id: `M-${key}`,
  setl_id: null,
  feedetl_sn: [`F-${key}`],
  med_list_codg: "X",
  date: "2025-11-02",
  amount,
  violation: "A38-3-OVER_STANDARD_CHARGE",
  evidence: { psn_name: "王小明" },
  message: "单价超过限价"
})

/** Loads the county into a migrated database. */
export const seedCounty = async (
  db: Db,
  evidenceDir: string,
  seedOptions: { readonly credit?: boolean } = {}
): Promise<CountyFixture> => {
  const actor = systemActor("test")
  await upsertInstitutions(db, actor, demoRegister())
  await seedResponsibilitiesDemo(db, actor, { calendar: chineseWorkingCalendar(), today, evidenceDir })
  const userIds: Record<string, string> = {}
  for (const a of accounts) {
    // The department account is the county health commission's: its inbox holds that commission's transfers.
    const department = a.role === "department" ? "奉节县卫生健康委员会" : null
    const user = await upsertUser(db, actor, { ...a, department, password })
    userIds[a.username] = user.id
  }
  const run = await startRun(db, actor, {
    trigger: "cli",
    extract: "/srv/extracts/500235-2025-11",
    admdvs: "500235",
    periodFrom: null,
    periodTo: null,
    params: {}
  })
  await finishRun(db, actor, run.id, {
    rules: [{ code: "PRICE_OVER_CAP", version: 1, status: "ran", count: 2, durationMs: 1 }],
    suspicions: [lead("H50023500008", "1111", 347.52), lead("H50023500001", "2222", 1200)]
  })
  const demoRun = await startRun(db, actor, {
    trigger: "cli",
    extract: demoExtractDir,
    admdvs: "500235",
    periodFrom: "2025-01-01",
    periodTo: "2025-03-31",
    params: {}
  })
  await finishRun(db, actor, demoRun.id, { rules: [], suspicions: [] })
  const sampleOn = async (code: string) =>
    (
      await runUseCase(
        db,
        { calendar: chineseWorkingCalendar(), today, evidenceDir },
        Application.Enforcement.drawSample({
          institutionCode: code,
          source: { runId: demoRun.id },
          size: 3,
          seed: `county-${code}`,
          actor: { id: actor.id, name: actor.name, ip: null }
        }).pipe(Effect.provide(DuckDbClaimFrames))
      )
    ).id
  const leadOf = async (code: string) => (await db.suspicion.findFirstOrThrow({ where: { fixmedinsCode: code } })).id
  const taskOf = async (unitId: string) =>
    (await db.dutyTask.findFirstOrThrow({ where: { unitId }, orderBy: { deadline: "asc" } })).id
  /** A completion with one file on a task of the unit, so that its evidence can be asked for. */
  const evidenceOf = async (unitId: string) => {
    const existing = await db.evidenceFile.findFirst({ where: { completion: { task: { unitId } } } })
    if (existing !== null) return existing.id
    const task = await db.dutyTask.findFirstOrThrow({ where: { unitId, completedOn: null } })
    const completion = await runUseCase(
      db,
      { calendar: chineseWorkingCalendar(), today, evidenceDir },
      Application.Responsibilities.completeTask({
        taskId: task.id,
        completedOn: task.periodStart,
        record: "检查记录",
        values: {},
        files: [{ fileName: "记录.pdf", mediaType: "application/pdf", bytes: Buffer.from("%PDF-1.4 test") }],
        actor: { id: actor.id, name: actor.name, ip: null }
      })
    ).catch(() => null)
    const file =
      completion === null ? null : await db.evidenceFile.findFirst({ where: { completionId: completion.completionId } })
    if (file === null) throw new Error(`no evidence could be recorded for ${unitId}`)
    return file.id
  }
  const caseOn = async (code: string) =>
    (
      await runUseCase(
        db,
        { calendar: chineseWorkingCalendar(), today, evidenceDir },
        Application.Enforcement.openCase({
          opening: {
            source: "complaint",
            institutionCode: code,
            discoveredOn: today,
            summary: "举报：串换药品",
            references: [`JB-${code}`]
          },
          actor: { id: actor.id, name: actor.name, ip: null },
          role: "admin"
        })
      )
    ).id
  /** Two inspectors of the handling centre and a draw of every village clinic and the 一级 hospital. */
  const inspectionsOn = async () => {
    const run = <A, E>(effect: Parameters<typeof runUseCase<A, E>>[2]) =>
      runUseCase(db, { calendar: chineseWorkingCalendar(), today, evidenceDir }, effect)
    const who = { id: actor.id, name: actor.name, ip: null }
    for (const staffCode of ["JC-CENTRE-1", "JC-CENTRE-2"])
      await run(
        Application.Enforcement.saveInspector({
          entry: { staffCode, name: staffCode, unitId: "CENTRE", badge: staffCode, active: true, conflicts: [] },
          actor: who
        })
      )
    const plan = await run(
      Application.Enforcement.createPlan({
        plan: { kind: "routine", title: "测试检查", periodFrom: today, periodTo: today },
        actor: who
      })
    )
    const draw = await run(
      Application.Enforcement.drawPlan({
        planId: plan.id,
        spec: {
          method: "random",
          seed: "county",
          strata: [
            { name: "村卫生室", orgKinds: ["village_clinic"], share: 1 },
            { name: "一级医院", orgKinds: ["public_hospital"], hospitalLevels: ["1"], share: 1 }
          ],
          excludeDays: 0,
          plannedOn: today
        },
        actor: who
      })
    )
    const of = (code: string) => draw.inspectionIds[draw.result.targets.indexOf(code)]!
    return { caotang: of("H50023500008"), hospital: of("H50023500001") }
  }
  const followUp = async (code: string) => {
    const options = { calendar: chineseWorkingCalendar(), today, evidenceDir }
    const who = { id: actor.id, name: actor.name, ip: null }
    const measure = await runUseCase(
      db,
      options,
      Application.Enforcement.proposeMeasure({
        proposal: { institutionCode: code, action: "recover", reason: "超限价收费", amount: 100 },
        actor: who
      })
    )
    const order = await runUseCase(
      db,
      options,
      Application.Enforcement.issueRectification({
        issue: { institutionCode: code, source: "notice", violations: [], problems: "处方不规范", dueOn: "2025-12-31" },
        actor: who
      })
    )
    // Reviewed already (复审), so that reaching it again changes nothing: a second review is refused.
    await runUseCase(
      db,
      options,
      Application.Enforcement.reviewMeasure({
        id: measure.id,
        actor: { id: userIds["jihe"]!, name: "王稽核", ip: null }
      })
    )
    return { measure: measure.id, rectification: order.id }
  }
  /**
   * A complaint on the institution, accepted and carried into its case, with a reward already paid:
   * every step on them is refused by their state (so reaching them changes nothing).
   */
  const complaintOn = async (code: string, caseId: string) => {
    const options = { calendar: chineseWorkingCalendar(), today, evidenceDir }
    const who = { id: actor.id, name: actor.name, ip: null }
    const { id } = await runUseCase(
      db,
      options,
      Application.Complaints.intakeComplaint({
        input: {
          channel: "phone",
          receivedOn: today,
          subject: { kind: "institution", institutionCode: code },
          content: "举报：串换药品",
          informant: { anonymous: false, name: "测试举报人", phone: "13800000000" }
        },
        actor: who
      })
    )
    await runUseCase(
      db,
      options,
      Application.Complaints.triageComplaint({ id, input: { decision: "accept" }, actor: who })
    )
    await db.complaint.update({ where: { id }, data: { caseId } })
    const reward = await db.complaintReward.create({
      data: {
        id: `RW-${code}`,
        complaintId: id,
        status: "paid",
        amount: 200,
        caseValue: 1000,
        insider: false,
        basis: "测试",
        proposedByName: "测试",
        proposedOn: today,
        paidOn: today,
        paidAmount: 200
      }
    })
    return { complaint: id, reward: reward.id }
  }
  const [caotangFollowUp, hospitalFollowUp] = [await followUp("H50023500008"), await followUp("H50023500001")]
  const [caotangCase, hospitalCase] = [await caseOn("H50023500008"), await caseOn("H50023500001")]
  const [caotangComplaint, hospitalComplaint] = [
    await complaintOn("H50023500008", caotangCase),
    await complaintOn("H50023500001", hospitalCase)
  ]
  /** Credit on the institution: a practitioner, and a decided case published (proposed by 王稽核, approved by the admin). */
  const creditOn = async (code: string, orgKind: string, hospLv: string, n: number) => {
    const options = { calendar: chineseWorkingCalendar(), today, evidenceDir }
    const as = (username: Username, role: Role) => ({
      actor: { id: userIds[username]!, name: username, ip: null },
      role
    })
    const practitioner = await runUseCase(
      db,
      options,
      Application.Credit.registerPractitioner({
        input: { nationalCode: `D50023500010${n}`, name: `测试医师${n}`, kind: "doctor", institutionCode: code },
        actor: as("jihe", "supervisor").actor
      })
    )
    const decided = await decidePenaltyCase(db, options, {
      institutionCode: code,
      summary: "超标准收费 3000 元",
      reference: `JB-CREDIT-${code}`,
      facts: {
        subject: { kind: "institution", orgKind, hospLv },
        violations: [
          { code: "A38-3-OVER_STANDARD_CHARGE", amount: 3000, occurredFrom: "2025-06-01", occurredTo: "2025-06-30" }
        ]
      },
      openedOn: "2025-10-01",
      officers: {
        handler: as("shenhe", "reviewer"),
        reviewer: as("jihe", "supervisor"),
        approver: as("admin", "admin")
      }
    })
    const publication = await runUseCase(
      db,
      options,
      Application.Credit.proposePublication({
        proposal: { caseId: decided.id, title: "测试曝光", summary: "超标准收费" },
        actor: as("jihe", "supervisor").actor
      })
    )
    await runUseCase(
      db,
      options,
      Application.Credit.approvePublication({ id: publication.id, actor: as("admin", "admin").actor })
    )
    return { practitioner: practitioner.id, publication: publication.id }
  }
  const credit =
    seedOptions.credit === true
      ? await (async () => {
          const [caotang, hospital] = [
            await creditOn("H50023500008", "village_clinic", "9", 1),
            await creditOn("H50023500001", "public_hospital", "1", 2)
          ]
          return {
            practitioners: { caotang: caotang.practitioner, hospital: hospital.practitioner },
            publications: { caotang: caotang.publication, hospital: hospital.publication }
          }
        })()
      : undefined
  const transferOn = async (code: string) =>
    (
      await runUseCase(
        db,
        { calendar: chineseWorkingCalendar(), today, evidenceDir },
        Application.Departments.draftTransfer({
          draft: {
            department: "health_commission",
            institutionCode: code,
            violations: ["A38-2-OVER_EXAMINATION"],
            facts: "无指征检查",
            officers: ["王稽核", "张稽核"],
            materials: [{ kind: "transfer_letter", title: "移送书", pages: 1 }]
          },
          institution: (c) =>
            Effect.promise(async () => {
              const row = await db.institution.findUnique({ where: { code: c } })
              return row === null ? null : { code: row.code, name: row.name, region: row.admdvs }
            }),
          bureauRegion: "500235",
          actor: { id: userIds["jihe"]!, name: "王稽核", ip: null },
          at: new Date(`${today}T02:00:00Z`)
        })
      )
    ).id
  const transfers = { caotang: await transferOn("H50023500008"), hospital: await transferOn("H50023500001") }
  return {
    transfers,
    ...(credit === undefined ? {} : { credit }),
    measures: { caotang: caotangFollowUp.measure, hospital: hospitalFollowUp.measure },
    rectifications: { caotang: caotangFollowUp.rectification, hospital: hospitalFollowUp.rectification },
    inspections: await inspectionsOn(),
    leads: { caotang: await leadOf("H50023500008"), hospital: await leadOf("H50023500001") },
    cases: { caotang: caotangCase, hospital: hospitalCase },
    complaints: { caotang: caotangComplaint.complaint, hospital: hospitalComplaint.complaint },
    rewards: { caotang: caotangComplaint.reward, hospital: hospitalComplaint.reward },
    tasks: {
      "HC-CAOTANG": await taskOf("HC-CAOTANG"),
      "HC-TUXIANG": await taskOf("HC-TUXIANG"),
      CENTRE: await taskOf("CENTRE")
    },
    evidence: { "HC-CAOTANG": await evidenceOf("HC-CAOTANG"), "HC-TUXIANG": await evidenceOf("HC-TUXIANG") },
    runId: run.id,
    demoRunId: demoRun.id,
    samples: { caotang: await sampleOn("H50023500008"), hospital: await sampleOn("H50023500001") },
    userIds: userIds as Record<Username, string>
  }
}

/** Signs every account in; resolves their bearer tokens. */
export const signInAll = async (app: FastifyInstance): Promise<Record<Username, string>> => {
  const tokens: Record<string, string> = {}
  for (const a of accounts) {
    const res = await app.inject({
      method: "POST",
      url: "/api/auth/login",
      payload: { username: a.username, password }
    })
    if (res.statusCode !== 200) throw new Error(`${a.username} could not sign in: ${res.body}`)
    tokens[a.username] = (res.json() as { token: string }).token
  }
  return tokens as Record<Username, string>
}

/** Creates one more account (a role in a unit) beside the county's and signs it in: its bearer token. */
export const signInNewAccount = async (
  app: FastifyInstance,
  db: Db,
  account: { readonly username: string; readonly displayName?: string; readonly role: Role; readonly unitId: string }
): Promise<string> => {
  const { username, role, unitId } = account
  await upsertUser(db, systemActor("test"), {
    username,
    displayName: account.displayName ?? username,
    role,
    unitId,
    department: null,
    password
  })
  const res = await app.inject({ method: "POST", url: "/api/auth/login", payload: { username, password } })
  if (res.statusCode !== 200) throw new Error(`${username} could not sign in: ${res.body}`)
  return (res.json() as { token: string }).token
}
