/**
 * Duties (职责) and their tasks: the organisation and its jurisdiction, duties as versioned data, task planning and state, evidence and completions, coverage and the ranking of units.
 *
 * @since 0.3.0
 */
export * from "./Coverage.js"
export * from "./Duty.js"
export * from "./DutyCatalogue.js"
export * from "./DutyRows.js"
export * from "./Evidence.js"
export * from "./Organisation.js"
export * from "./OrganisationChange.js"
export * from "./OrganisationImport.js"
export * from "./Performance.js"
export * from "./Ranking.js"
export * from "./TaskCompletion.js"
export * from "./TaskPlan.js"
export * from "./TaskState.js"
export * from "./Versions.js"
