/**
 * The calls of 信用与记分 (practitioners and their points, an institution's credit record,
 * joint-punishment notices, publications), each an endpoint of `@fundguard/contracts` called through
 * the shared client: paths and shapes are the contract's.
 */
import * as Credit from "@fundguard/contracts/Credit"
import type { NoticeInput, PointEventInput, PractitionerInput, PublicationProposal } from "@fundguard/domain/credit"
import { checkBody, type ApiClient } from "../../shared/api.js"

/** The credit calls over a client. */
export const creditCalls = (api: ApiClient) => ({
  practitioners: () => api.call(Credit.listPractitioners),
  register: (body: typeof PractitionerInput.Encoded) =>
    api.call(Credit.registerPractitioner, { body: checkBody(Credit.registerPractitioner, body) }),
  history: (id: string) => api.call(Credit.practitionerHistory, { params: { id } }),
  recordPoints: (id: string, body: typeof PointEventInput.Encoded) =>
    api.call(Credit.recordPoints, { params: { id }, body: checkBody(Credit.recordPoints, body) }),
  institution: (code: string) => api.call(Credit.institutionCredit, { params: { code } }),
  notices: async () => (await api.call(Credit.listNotices)).items,
  issueNotice: (body: typeof NoticeInput.Encoded) =>
    api.call(Credit.issueNotice, { body: checkBody(Credit.issueNotice, body) }),
  publications: async () => (await api.call(Credit.listPublications)).items,
  propose: (body: typeof PublicationProposal.Encoded) =>
    api.call(Credit.proposePublication, { body: checkBody(Credit.proposePublication, body) }),
  approve: (id: string) => api.call(Credit.approvePublication, { params: { id } })
})

/** The credit calls' type. */
export type CreditCalls = ReturnType<typeof creditCalls>
