/**
 * Enforcement in the demo county: the two largest violation leads of one institution carried through
 * the review to 确认违规 with disposition 立案查处 (so that 案件办理 proposes them as a case), and a
 * case opened on a complaint and filed, waiting for its investigation. Every step goes through the
 * use cases, by the demo users who may take it (初审 李审核, 复审 王稽核, 审批 系统管理员).
 */
import * as Application from "@fundguard/application"
import type { Db } from "@fundguard/db"
import type { ReviewAction } from "@fundguard/domain/review"
import { runUseCase, type DemoOptions } from "./responsibilities.js"

const staff = async (db: Db, username: string) => {
  const user = await db.user.findUniqueOrThrow({ where: { username } })
  return {
    id: user.id,
    name: user.displayName,
    role: user.role as "admin" | "supervisor" | "reviewer",
    ip: null,
    auditName: `${user.displayName}（${user.username}）`
  }
}

/** What the enforcement demo loaded. */
export interface EnforcementDemo {
  readonly confirmedLeads: number
  readonly caseId: string | null
}

/**
 * Loads the enforcement demo once: does nothing when a case or a confirmed lead already exists, or
 * when the screening found no two violation leads of one institution.
 */
export const seedEnforcementDemo = async (db: Db, options: DemoOptions): Promise<EnforcementDemo> => {
  if ((await db.enforcementCase.count()) > 0 || (await db.reviewOutcome.count()) > 0)
    return { confirmedLeads: 0, caseId: null }
  const leads = await db.suspicion.findMany({
    where: { violation: { not: null }, status: "pending_first_review" },
    orderBy: [{ amount: "desc" }, { id: "asc" }],
    take: 200
  })
  const institution = leads.find(
    (l) => leads.filter((m) => m.fixmedinsCode === l.fixmedinsCode).length >= 2
  )?.fixmedinsCode
  const chosen = leads.filter((l) => l.fixmedinsCode === institution).slice(0, 2)
  const [shenhe, jihe, admin] = [await staff(db, "shenhe"), await staff(db, "jihe"), await staff(db, "admin")]
  const step = async (id: string, actor: typeof shenhe, action: ReviewAction, input: unknown = {}) => {
    const { revision } = await db.suspicion.findUniqueOrThrow({ where: { id } })
    await runUseCase(
      db,
      options,
      Application.Review.takeReviewStep({ suspicionId: id, revision, action, input, actor })
    )
  }
  for (const lead of chosen) {
    await step(lead.id, shenhe, "first_review_confirm", { reason: "规则命中，金额属实，提交复审" })
    await step(lead.id, jihe, "second_review_push", { reason: "同意推送机构" })
    await step(lead.id, shenhe, "record_response", {
      response: { kind: "accepted", statement: "认可疑点，无异议", receivedOn: options.today }
    })
    await step(lead.id, shenhe, "start_verification")
    await step(lead.id, shenhe, "propose_confirm", {
      reason: "核实属实，建议立案查处",
      proposal: { disposition: "case" }
    })
    await step(lead.id, admin, "approve")
  }
  // A complaint (举报) on another institution, filed by three people and waiting for its investigation.
  const other = await db.institution.findFirst({
    where: { orgKind: "pharmacy", ...(institution ? { code: { not: institution } } : {}) },
    orderBy: { code: "asc" }
  })
  if (other === null) return { confirmedLeads: chosen.length, caseId: null }
  const asRequester = (a: typeof shenhe) => ({ actor: { id: a.id, name: a.name, ip: null }, role: a.role })
  const { id } = await runUseCase(
    db,
    options,
    Application.Enforcement.openCase({
      opening: {
        source: "complaint",
        institutionCode: other.code,
        discoveredOn: options.today,
        summary: "群众举报该药店使用医保卡购买生活用品（洗发水、食用油），并串换为药品上传结算",
        references: ["奉医保举〔2026〕12号"]
      },
      ...asRequester(shenhe)
    })
  )
  const caseStep = async (
    a: typeof shenhe,
    action: "submit_filing" | "review_filing" | "approve_filing",
    opinion: string
  ) => {
    const { revision } = await db.enforcementCase.findUniqueOrThrow({ where: { id } })
    await runUseCase(
      db,
      options,
      Application.Enforcement.takeCaseStep({ caseId: id, action, revision, input: { opinion }, ...asRequester(a) })
    )
  }
  await caseStep(shenhe, "submit_filing", "举报线索具体，拟立案调查")
  await caseStep(jihe, "review_filing", "同意立案")
  await caseStep(admin, "approve_filing", "同意立案，由李审核、王稽核承办")
  return { confirmedLeads: chosen.length, caseId: id }
}
