/**
 * FundGuard's HTTP contracts, one namespace per context.
 *
 * @since 0.1.0
 */
export * as Audit from "./Audit.js"
export * as Auth from "./Auth.js"
export * as Bounded from "./Bounded.js"
export * as Cases from "./Cases.js"
export * as Checklists from "./Checklists.js"
export * as Complaints from "./Complaints.js"
export * as Credit from "./Credit.js"
export * as Duties from "./Duties.js"
export * as Endpoint from "./Endpoint.js"
export * as FollowUp from "./FollowUp.js"
export * as Inspections from "./Inspections.js"
export * as Institutions from "./Institutions.js"
export * as Organisation from "./Organisation.js"
export * as Penalties from "./Penalties.js"
export * as Precheck from "./Precheck.js"
export * as Problem from "./Problem.js"
export * as Reports from "./Reports.js"
export * as Review from "./Review.js"
export * as Samples from "./Samples.js"
export * as Screening from "./Screening.js"
export * as Tasks from "./Tasks.js"
export * as Transfers from "./Transfers.js"
export * as Users from "./Users.js"
