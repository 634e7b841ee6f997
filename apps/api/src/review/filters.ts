/**
 * The list's query parameters as a repository filter: comma lists split, statuses checked against
 * the domain's, `assignee=me` resolved to the caller.
 */
import { type DataScope } from "@fundguard/domain/responsibilities"
import { SuspicionStatus } from "@fundguard/domain/screening"
import type { SuspicionFilter } from "@fundguard/db"
import { Problem } from "../plugins/errors.js"
import type { Review } from "@fundguard/contracts"

const statuses: ReadonlyArray<string> = SuspicionStatus.literals

/** The filter of a query within the caller's data scope; 400 naming `$.query.<field>` for a bad value. */
export const filterOf = (query: Review.SuspicionFilter, callerId: string, scope: DataScope): SuspicionFilter => {
  const status = query.status?.split(",")
  const unknown = status?.filter((s) => !statuses.includes(s)) ?? []
  if (unknown.length > 0) {
    throw new Problem("InvalidRequest", `未知的审核状态：${unknown.join("、")}`, [
      { path: "$.query.status", message: `须为 ${statuses.join("、")} 之一` }
    ])
  }
  if (query.minAmount !== undefined && query.maxAmount !== undefined && query.minAmount > query.maxAmount) {
    throw new Problem("InvalidRequest", "最低金额不能大于最高金额", [
      { path: "$.query.maxAmount", message: "不得小于最低金额" }
    ])
  }
  return {
    ...(query.rule === undefined ? {} : { rule: query.rule.split(",") }),
    ...(query.institution === undefined ? {} : { institution: query.institution }),
    ...(status === undefined ? {} : { status: status as Array<SuspicionStatus> }),
    ...(query.minAmount === undefined ? {} : { minAmount: query.minAmount }),
    ...(query.maxAmount === undefined ? {} : { maxAmount: query.maxAmount }),
    ...(query.category === undefined ? {} : { category: query.category }),
    ...(query.overdue === true ? { overdue: true } : {}),
    ...(query.assignee === undefined ? {} : { assigneeId: query.assignee === "me" ? callerId : query.assignee }),
    ...(query.runId === undefined ? {} : { runId: query.runId }),
    ...(scope.all ? {} : { withinInstitutions: [...scope.institutionCodes] })
  }
}
