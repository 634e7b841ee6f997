/** Enforcement after a lead is confirmed: cases (案件) and their procedure. */
export {
  openCase,
  refreshCaseDeadlines,
  takeCaseStep,
  viewCase,
  type CaseReminder,
  type CaseRequester
} from "./cases.js"
export {
  addInspectionFile,
  createPlan,
  drawPlan,
  publishDraw,
  recordOnsite,
  saveInspector,
  verifyDraw,
  viewInspection,
  type DutyTaskOutcome
} from "./inspections.js"
export {
  campaignFactors,
  decideMeasure,
  escalateOverdueRectifications,
  issueRectification,
  proposeMeasure,
  recordMeasureStatement,
  recordRectification,
  reviewMeasure,
  saveCampaign,
  saveSelfCheckReport
} from "./followUp.js"
export { concludeSample, drawSample, recordSampleReview, viewSample, type SampleSource } from "./samples.js"
export { listChecklists, saveChecklist } from "./checklists.js"
