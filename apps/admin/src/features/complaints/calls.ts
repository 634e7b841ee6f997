/**
 * The calls of 举报投诉 (complaints, the national export, triage, the informant's reveal, rewards),
 * each an endpoint of `@fundguard/contracts` called through the shared client.
 */
import * as Complaints from "@fundguard/contracts/Complaints"
import type {
  ComplaintIntake,
  ComplaintOutcome,
  ComplaintReply,
  RetaliationReport,
  RewardPayment,
  RewardProposal,
  TriageDecision
} from "@fundguard/domain/complaints"
import { checkBody, type ApiClient } from "../../shared/api.js"

/** The complaint calls over a client. */
export const complaintCalls = (api: ApiClient) => ({
  list: async () => (await api.call(Complaints.listComplaints)).items,
  get: (id: string) => api.call(Complaints.getComplaint, { params: { id } }),
  intake: (body: typeof ComplaintIntake.Encoded) =>
    api.call(Complaints.intakeComplaint, { body: checkBody(Complaints.intakeComplaint, body) }),
  importFile: (fileName: string, format: "csv" | "json", content: string) =>
    api.call(Complaints.importComplaints, { body: { fileName, format, content } }),
  importFormat: async () => (await api.call(Complaints.importFormat)).columns,
  triage: (id: string, body: typeof TriageDecision.Encoded) =>
    api.call(Complaints.triageComplaint, { params: { id }, body: checkBody(Complaints.triageComplaint, body) }),
  openCase: (id: string) => api.call(Complaints.openCase, { params: { id }, body: {} }),
  outcome: (id: string, body: typeof ComplaintOutcome.Encoded) =>
    api.call(Complaints.recordOutcome, { params: { id }, body: checkBody(Complaints.recordOutcome, body) }),
  reply: (id: string, body: typeof ComplaintReply.Encoded) =>
    api.call(Complaints.recordReply, { params: { id }, body: checkBody(Complaints.recordReply, body) }),
  retaliation: (id: string, body: typeof RetaliationReport.Encoded) =>
    api.call(Complaints.recordRetaliation, { params: { id }, body: checkBody(Complaints.recordRetaliation, body) }),
  reveal: (id: string, reason: string) => api.call(Complaints.revealInformant, { params: { id }, body: { reason } }),
  proposeReward: (id: string, body: typeof RewardProposal.Encoded) =>
    api.call(Complaints.proposeReward, { params: { id }, body: checkBody(Complaints.proposeReward, body) }),
  reviewReward: (id: string, note: string) => api.call(Complaints.reviewReward, { params: { id }, body: { note } }),
  approveReward: (id: string, note: string) => api.call(Complaints.approveReward, { params: { id }, body: { note } }),
  returnReward: (id: string, note: string) => api.call(Complaints.returnReward, { params: { id }, body: { note } }),
  payReward: (id: string, body: typeof RewardPayment.Encoded) =>
    api.call(Complaints.payReward, { params: { id }, body: checkBody(Complaints.payReward, body) })
})

/** The complaint calls' type. */
export type ComplaintCalls = ReturnType<typeof complaintCalls>
