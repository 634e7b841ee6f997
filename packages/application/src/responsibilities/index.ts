/** Responsibilities (职责): duty tasks and their completions. */
export { completeTask, type CompletionRequest } from "./completeTask.js"
