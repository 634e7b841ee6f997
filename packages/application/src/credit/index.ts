/** Credit and points: practitioners and their 医保支付资格 points, the daily pass of consequences, joint-punishment notices, publication (曝光). */
export {
  applyQualificationConsequences,
  approvePublication,
  issueNotice,
  proposePublication,
  recordPoints,
  registerPractitioner
} from "./credit.js"
