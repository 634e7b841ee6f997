/**
 * The calls of 部门移送: the bureau's ledger and steps, the department's inbox, and the departments' API
 * clients — each an endpoint of `@fundguard/contracts` called through the shared client.
 */
import * as Transfers from "@fundguard/contracts/Transfers"
import type { Department, IncomingTransfer, TransferDraft, TransferStep } from "@fundguard/domain/departments"
import { checkBody, type ApiClient } from "../../shared/api.js"

/** Which side the page works for: the bureau (its ledger) or a department (its inbox). */
export type TransferSide = "bureau" | "inbox"

/** The transfer calls over a client. */
export const transferCalls = (api: ApiClient) => ({
  list: async (query: { direction?: "outgoing" | "incoming" } = {}) =>
    (await api.call(Transfers.listTransfers, { query })).items,
  notices: async () => (await api.call(Transfers.inboxNotices)).items,
  inbox: async () => (await api.call(Transfers.inbox, { query: {} })).items,
  draft: (body: typeof TransferDraft.Encoded) =>
    api.call(Transfers.draftTransfer, { body: checkBody(Transfers.draftTransfer, body) }),
  recordIncoming: (department: Department, transfer: typeof IncomingTransfer.Encoded) =>
    api.call(Transfers.recordIncomingTransfer, {
      body: checkBody(Transfers.recordIncomingTransfer, { department, transfer })
    }),
  sendToBureau: (transfer: typeof IncomingTransfer.Encoded) =>
    api.call(Transfers.sendToBureau, { body: checkBody(Transfers.sendToBureau, transfer) }),
  detail: (side: TransferSide, id: string) =>
    side === "bureau"
      ? api.call(Transfers.getTransfer, { params: { id } })
      : api.call(Transfers.inboxTransfer, { params: { id } }),
  step: (side: TransferSide, id: string, revision: number, step: typeof TransferStep.Encoded) =>
    side === "bureau"
      ? api.call(Transfers.takeTransferStep, { params: { id }, body: { revision, step } as never })
      : api.call(Transfers.inboxStep, { params: { id }, body: { revision, step } as never }),
  openCase: (id: string, revision: number) =>
    api.call(Transfers.openCaseFromTransfer, { params: { id }, body: { revision } }),
  document: (side: TransferSide, id: string, kind: "letter" | "receipt", format: "pdf" | "html") =>
    side === "bureau"
      ? api.download(Transfers.transferDocument, { params: { id }, query: { kind, format } })
      : api.download(Transfers.inboxDocument, { params: { id }, query: { kind, format } }),
  report: (year: number, department: Department) =>
    api.download(Transfers.transferReport, { params: { year }, query: { department } }),
  submitReport: (year: number, department: Department) =>
    api.call(Transfers.submitTransferReport, { params: { year }, body: { department } }),
  clients: async () => (await api.call(Transfers.listClients)).items,
  createClient: (department: Department, name: string) =>
    api.call(Transfers.createClient, { body: { department, name } }),
  rotateClient: (id: string) => api.call(Transfers.rotateClient, { params: { id } }),
  revokeClient: (id: string) => api.call(Transfers.revokeClient, { params: { id } })
})

/** The transfer calls' type. */
export type TransferCalls = ReturnType<typeof transferCalls>
