/**
 * The calls of 审计日志 (search, export and verify the audit log), each an endpoint of
 * `@fundguard/contracts` called through the shared client's `call` and `download`.
 */
import * as Audit from "@fundguard/contracts/Audit"
import { urlOf, type ApiClient } from "../../shared/api.js"

/**
 * The query string of the audit list (the filter and a page) or of its export (the filter alone),
 * as the client sends it.
 */
export const auditQuery = (
  filter: Audit.AuditFilter,
  paging?: { readonly page: number; readonly pageSize: number }
): string => {
  const url = urlOf(Audit.searchAudit, { query: { ...filter, ...paging } })
  return url.slice(Audit.searchAudit.path.length)
}

export const auditCalls = (api: ApiClient) => ({
  audit: (filter: Audit.AuditFilter, page: number, pageSize: number) =>
    api.call(Audit.searchAudit, { query: { ...filter, page, pageSize } }),
  exportAudit: (filter: Audit.AuditFilter) => api.download(Audit.exportAudit, { query: filter }),
  verifyAudit: () => api.call(Audit.verifyAudit)
})

export type AuditCalls = ReturnType<typeof auditCalls>
