/** Complaints and tips (举报投诉) and rewards (举报奖励). */
export {
  deadlinesOf,
  importNationalExport,
  intakeComplaint,
  openCaseFromComplaint,
  payReward,
  proposeReward,
  recordComplaintOutcome,
  recordComplaintReply,
  recordRetaliation,
  revealInformant,
  rewardStep,
  triageComplaint,
  viewComplaint
} from "./complaints.js"
