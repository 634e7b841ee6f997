/** Review of suspicions (疑点处理). */
export { takeReviewStep, type StepRequest } from "./takeStep.js"
