/**
 * Problems with a form, by the JSON path the API names them with (`$.newPassword`, `$.unitId`,
 * `$.query.from`): the page shows each next to its field, and the ones no field claims in a list.
 * The client's own checks use the same paths, so both kinds land in the same place.
 */
import type { FieldProblem } from "@fundguard/contracts/Endpoint"
import type { ApiError } from "./api.js"

export type { FieldProblem }

/** The messages of the problems at `path`. */
export const messagesAt = (problems: ReadonlyArray<FieldProblem>, path: string): ReadonlyArray<string> =>
  problems.filter((p) => p.path === path).map((p) => p.message)

/** The problems whose path is none of `shown` (they go into a general list). */
export const otherProblems = (
  problems: ReadonlyArray<FieldProblem>,
  shown: ReadonlyArray<string>
): ReadonlyArray<FieldProblem> => problems.filter((p) => !shown.includes(p.path))

/**
 * The problems of a failed call: the fields the problem names (`errors`), or else its title and
 * detail as one problem at `fallbackPath` (`""` = not tied to a field).
 */
export const problemsOfError = (error: ApiError, fallbackPath: string = ""): ReadonlyArray<FieldProblem> =>
  error.errors.length > 0 ? error.errors : [{ path: fallbackPath, message: error.message }]
