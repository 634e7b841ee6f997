/**
 * The pre-settlement check's calls for the bureau: the report per institution and doctor, and the
 * institutions' interface keys — each an endpoint of `@fundguard/contracts` called through the shared client.
 */
import { Precheck } from "@fundguard/contracts"
import type { ApiClient } from "../../shared/api.js"

export const precheckCalls = (api: ApiClient) => ({
  report: (from: string, to: string) => api.call(Precheck.report, { query: { from, to } }),
  clients: async () => (await api.call(Precheck.listClients)).items,
  createClient: (institutionCode: string, name: string) =>
    api.call(Precheck.createClient, { body: { institutionCode, name } }),
  rotateClient: (id: string) => api.call(Precheck.rotateClient, { params: { id } }),
  revokeClient: (id: string) => api.call(Precheck.revokeClient, { params: { id } })
})

/** The calls' type. */
export type PrecheckCalls = ReturnType<typeof precheckCalls>
