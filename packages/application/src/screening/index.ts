/** Screening (筛查): the runs of the rule library over claims extracts. */
export { requestRerun } from "./requestRerun.js"
