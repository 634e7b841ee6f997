/**
 * The calls of 职责清单 (list, save, import and export duties), each an endpoint of
 * `@fundguard/contracts` called through the shared client's `call` and `download`: paths and shapes
 * are the contract's.
 */
import * as Duties from "@fundguard/contracts/Duties"
import type { BodyOf } from "@fundguard/contracts/Endpoint"
import type { ApiClient } from "../../shared/api.js"

/** The calls of 职责清单. */
export const dutiesCalls = (api: ApiClient) => ({
  duties: (all = false) => api.call(Duties.listDuties, { query: all ? { all: true } : {} }),
  saveDuty: (duty: BodyOf<typeof Duties.saveDuty>) => api.call(Duties.saveDuty, { body: duty }),
  importDuties: (upload: BodyOf<typeof Duties.importDuties>) => api.call(Duties.importDuties, { body: upload }),
  exportDuties: () => api.download(Duties.exportDuties)
})

export type DutiesCalls = ReturnType<typeof dutiesCalls>
