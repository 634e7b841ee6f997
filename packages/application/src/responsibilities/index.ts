/** Responsibilities (职责): duty tasks, their generation and their completions. */
export { completeTask, type CompletionRequest } from "./completeTask.js"
export { generateTasks } from "./generateTasks.js"
