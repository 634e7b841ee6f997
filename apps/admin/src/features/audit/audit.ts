/**
 * The audit log page (审计日志): the filter form and its checks (the server's limits, at the paths
 * the server names: `$.query.from` …), the rows of the list, and the outcome of a hash-chain check in
 * words. Times are the bureau's (Asia/Shanghai).
 */
import type { AuditEntry, AuditFilter, AuditVerification } from "@fundguard/contracts/Audit"
import { empty, formatDateTime, isIsoDate } from "../../shared/format.js"
import type { FieldProblem } from "../../shared/problems.js"

export type { AuditEntry, AuditFilter, AuditVerification }

/** The filter form (`""` = not filtered). */
export interface AuditFilterForm {
  actor: string
  entityType: string
  entityId: string
  action: string
  from: string
  to: string
}

export const emptyAuditFilter = (): AuditFilterForm => ({
  actor: "",
  entityType: "",
  entityId: "",
  action: "",
  from: "",
  to: ""
})

/** The server's paths of the filter's fields (query parameters). */
export const auditPaths = {
  actor: "$.query.actor",
  entityType: "$.query.entityType",
  entityId: "$.query.entityId",
  action: "$.query.action",
  from: "$.query.from",
  to: "$.query.to"
} as const

/** The longest text each filter accepts (the contract's `AuditFilter`). */
const maxLength: Readonly<Record<"actor" | "entityType" | "entityId" | "action", number>> = {
  actor: 64,
  entityType: 64,
  entityId: 100,
  action: 64
}

/** What is wrong with the filter before it is sent (empty when nothing is). */
export const auditFilterProblems = (form: AuditFilterForm): ReadonlyArray<FieldProblem> => {
  const problems: Array<FieldProblem> = []
  for (const key of Object.keys(maxLength) as Array<keyof typeof maxLength>) {
    const length = Array.from(form[key].trim()).length
    if (length > maxLength[key])
      problems.push({ path: auditPaths[key], message: `长度不得超过 ${maxLength[key]} 个字符（现为 ${length} 个）` })
  }
  for (const key of ["from", "to"] as const)
    if (form[key] !== "" && !isIsoDate(form[key]))
      problems.push({ path: auditPaths[key], message: "须为 yyyy-MM-dd 格式的日期" })
  if (isIsoDate(form.from) && isIsoDate(form.to) && form.to < form.from)
    problems.push({ path: auditPaths.to, message: "结束日期不得早于开始日期" })
  return problems
}

/** The filter the API takes: trimmed, empty fields left out. */
export const auditFilterOf = (form: AuditFilterForm): AuditFilter => {
  const filter: Record<string, string> = {}
  for (const key of Object.keys(form) as Array<keyof AuditFilterForm>) {
    const value = form[key].trim()
    if (value !== "") filter[key] = value
  }
  return filter as AuditFilter
}

/** Chinese names of the actions the product records; others are shown as their code. */
export const auditActionLabel: Readonly<Record<string, string>> = {
  "auth.login": "登录",
  "auth.logout": "退出登录",
  "auth.login_failed": "登录失败",
  "auth.login_lockout": "登录失败（账户锁定）",
  "auth.login_locked": "锁定期间尝试登录",
  "user.upsert": "初始化用户",
  "user.create": "创建用户",
  "user.update": "修改用户",
  "user.reset_password": "重置密码",
  "user.change_password": "修改密码",
  "user.revoke_sessions": "强制下线",
  "audit.export": "导出审计日志",
  "suspicion.view": "查看疑点",
  "suspicion.list": "查看疑点清单（人员编号未遮蔽）",
  "complaint.view": "查看举报",
  "complaint.list": "查看举报清单",
  "transfer.view": "查看移送",
  "transfer.list": "查看移送清单（含涉及个人的移送）",
  "case.view": "查看案件",
  "suspicion.export": "导出疑点清单",
  "suspicion.assign": "分派疑点",
  "screening.start": "开始筛查",
  "screening.finish": "完成筛查",
  "screening.fail": "筛查失败",
  "screening.interrupted": "筛查中断",
  "screening.rerun_requested": "申请重新筛查",
  "screening.start_partitioned": "开始分区筛查",
  "screening.partition_taken": "领取分区",
  "screening.partition_done": "完成分区",
  "screening.merge_claimed": "开始合并分区结果",
  "screening.merge_released": "放弃合并（合并失败，交还队列）",
  "institution.create": "新增机构",
  "institution.update": "修改机构",
  "task.complete": "填报任务完成情况",
  "tasks.generate": "生成任务",
  "duty.create": "新增职责",
  "duty.revise": "修订职责",
  "duty.retire": "停用职责"
}

/** Chinese names of the kinds of object; others are shown as their code. */
export const auditEntityLabel: Readonly<Record<string, string>> = {
  user: "用户",
  session: "登录会话",
  audit: "审计日志",
  suspicion: "疑点",
  complaint: "举报投诉",
  transfer: "移送",
  case: "案件",
  screening_run: "筛查批次",
  institution: "机构",
  task: "任务",
  duty: "职责",
  ranking_scheme: "考核方案",
  org_unit: "单位",
  area: "区域"
}

export const auditActionText = (action: string): string => {
  const label = auditActionLabel[action]
  return label === undefined ? action : `${label}（${action}）`
}

/** Any JSON value on one line, cut at `max` characters (`—` for none). */
export const compactJson = (value: unknown, max: number = 200): string => {
  if (value === null || value === undefined) return empty
  let text: string
  try {
    text = JSON.stringify(value) ?? String(value)
  } catch {
    text = String(value)
  }
  const chars = Array.from(text)
  return chars.length > max ? `${chars.slice(0, max - 1).join("")}…` : text
}

/** The first characters of a hash, enough to tell entries apart on screen. */
export const hashPrefix = (hash: string | null, length: number = 12): string =>
  hash === null || hash === "" ? empty : hash.slice(0, length)

/** The entries as rows of the list, in the order the server gives them (newest first). */
export const auditRows = (items: ReadonlyArray<AuditEntry>, page: number = 1) =>
  items.map((e, i) => ({
    // seq is null only for entries that predate the chain; they still need a unique row id.
    id: e.seq === null ? `p${page}-${i}` : String(e.seq),
    seq: e.seq === null ? empty : String(e.seq),
    at: formatDateTime(e.at, undefined, { seconds: true }),
    actor: e.actorName,
    ip: e.ip ?? empty,
    action: auditActionText(e.action),
    object: `${auditEntityLabel[e.entityType] ?? e.entityType}${e.entityId === null ? "" : ` ${e.entityId}`}`,
    details: compactJson(e.details),
    hash: hashPrefix(e.hash)
  }))

/** The outcome of a check of the hash chain, in words. */
export const verificationText = (v: AuditVerification): string => {
  if (v.ok)
    return v.head === null
      ? `哈希链完整：共 ${v.entries} 条记录（尚无链头）`
      : `哈希链完整：共 ${v.entries} 条记录，链头为第 ${v.head.seq} 条，哈希 ${v.head.hash}`
  const b = v.broken
  if (b === null) return `哈希链校验未通过：共 ${v.entries} 条记录`
  const where = b.seq === null ? (b.id === null ? "某条记录" : `记录 ${b.id}`) : `第 ${b.seq} 条记录`
  return `哈希链校验未通过：${where}（${b.reason}）${b.message}`
}
