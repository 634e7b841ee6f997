/** Enforcement after a lead is confirmed: cases (案件) and their procedure. */
export { openCase, takeCaseStep, viewCase, type CaseRequester } from "./cases.js"
