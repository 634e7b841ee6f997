/** Review of suspicions (疑点处理). */
export { assignLead, type AssignRequest } from "./assign.js"
export { takeReviewStep, type StepRequest } from "./takeStep.js"
