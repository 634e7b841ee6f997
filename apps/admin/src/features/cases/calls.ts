/**
 * The case calls (list, proposals, opening, one case, its steps, its documents), each an endpoint of
 * `@fundguard/contracts` called through the shared client: paths and shapes are the contract's.
 */
import * as Cases from "@fundguard/contracts/Cases"
import * as Transfers from "@fundguard/contracts/Transfers"
import type { ParamsOf } from "@fundguard/contracts/Endpoint"
import type { CaseAction, CaseOpening } from "@fundguard/domain/enforcement"
import { checkBody, type ApiClient } from "../../shared/api.js"

/** A document of a case, by kind. */
export type DocumentKind = ParamsOf<typeof Cases.caseDocumentHtml>["kind"]

/** The case calls over a client. */
export const casesCalls = (api: ApiClient) => ({
  list: (query: { status?: Cases.CaseSummary["status"]; page?: number; pageSize?: number } = {}) =>
    api.call(Cases.listCases, { query }),
  proposals: async () => (await api.call(Cases.listProposals)).items,
  /** Opens a case; the body is checked against the contract first (problems named as the server would). */
  open: async (body: typeof CaseOpening.Encoded) => api.call(Cases.openCase, { body: checkBody(Cases.openCase, body) }),
  detail: (id: string) => api.call(Cases.getCase, { params: { id } }),
  step: (id: string, action: CaseAction, revision: number, input: unknown) =>
    api.call(Cases.takeCaseStep, { params: { id }, body: { action, revision, input } }),
  documentHtml: (id: string, kind: DocumentKind) => api.download(Cases.caseDocumentHtml, { params: { id, kind } }),
  documentPdf: (id: string, kind: DocumentKind) => api.download(Cases.caseDocumentPdf, { params: { id, kind } }),
  violations: () => api.violations(),
  /** The transfers recorded on the case (部门移送), for its page. */
  transfers: async (caseId: string) => (await api.call(Transfers.listTransfers, { query: { caseId } })).items
})

/** The case calls' type. */
export type CasesCalls = ReturnType<typeof casesCalls>
