/**
 * Complaints and tips (举报投诉): intake, the informant's identity kept apart, triage into leads with
 * deadlines, rewards (举报奖励) within the national bounds, retaliation against an informant.
 *
 * @since 0.5.0
 */
export * from "./Complaints.js"
export * from "./Deadlines.js"
export * from "./NationalImport.js"
export * from "./Rewards.js"
export * from "./Repository.js"
