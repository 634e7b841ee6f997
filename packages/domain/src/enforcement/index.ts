/**
 * Enforcement after a lead is confirmed: inspections and their 双随机一公开 draws (more — cases,
 * documents, rectification, self-inspection — is to come here).
 *
 * @since 0.4.0
 */
export * from "./Draw.js"
export * from "./Sampling.js"
export * from "./ProcedureLimits.js"
export * from "./CaseDeadlines.js"
export * from "./Checklists.js"
export * from "./InternalControl.js"
export * from "./SelfInspection.js"
export * from "./Rectification.js"
export * from "./Leads.js"
export * from "./AgreementActions.js"
export * from "./CaseProcedure.js"
export * from "./Cases.js"
export * from "./Inspections.js"
export * from "./FollowUp.js"
export * from "./Samples.js"
export * from "./ChecklistVersions.js"
