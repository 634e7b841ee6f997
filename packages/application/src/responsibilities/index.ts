/** Responsibilities (职责): the organisation, duty tasks, their generation and their completions. */
export { changeOrganisation } from "./changeOrganisation.js"
export { completeTask, type CompletionRequest } from "./completeTask.js"
export { generateTasks } from "./generateTasks.js"
