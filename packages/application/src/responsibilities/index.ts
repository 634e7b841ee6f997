/**
 * Responsibilities (职责): the organisation, duties and ranking schemes as versions, duty tasks, their
 * generation and their completions.
 */
export { changeOrganisation } from "./changeOrganisation.js"
export { completeTask, type CompletionRequest } from "./completeTask.js"
export { generateTasks } from "./generateTasks.js"
export { retireDuty, saveDuties, saveRankingScheme, seedDuties } from "./versions.js"
