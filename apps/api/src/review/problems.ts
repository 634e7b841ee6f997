/**
 * The review workflow's failures as HTTP problems: a lead that changed meanwhile or whose state does
 * not allow the step is a 409; a person the rules keep from the step (role, 三级审核 separation of
 * duties, another person's assignment) a 403; bad input a 400 naming the field. Messages are the
 * domain's Chinese sentences, shown to the user as they are.
 */
import { AssigneeNotFound, StaleRevision, SuspicionNotFound } from "@fundguard/db"
import { InvalidReviewInput, ReviewRefused } from "@fundguard/domain"
import { HttpProblem } from "../plugins/errors.js"

const refusalTag: Readonly<Record<ReviewRefused["reason"], readonly [number, string]>> = {
  status: [409, "WrongStatus"],
  category: [409, "WrongCategory"],
  not_yet_due: [409, "NotYetDue"],
  role: [403, "Forbidden"],
  separation_of_duties: [403, "SeparationOfDuties"],
  not_assignee: [403, "NotAssignee"]
}

/** The HTTP problem for a workflow failure, or null for anything else (left to the error handler). */
export const reviewProblem = (error: unknown): HttpProblem | null => {
  if (error instanceof ReviewRefused) {
    const [status, tag] = refusalTag[error.reason]
    return new HttpProblem(status, tag, error.detail)
  }
  if (error instanceof InvalidReviewInput) {
    return new HttpProblem(400, "InvalidReviewInput", "输入有误，请根据提示修改", error.problems)
  }
  if (error instanceof StaleRevision) return new HttpProblem(409, "StaleRevision", error.message)
  if (error instanceof SuspicionNotFound) return new HttpProblem(404, "NotFound", error.message)
  if (error instanceof AssigneeNotFound) {
    return new HttpProblem(400, "InvalidRequest", error.message, [{ path: "$.assigneeId", message: error.message }])
  }
  return null
}

/** Runs a workflow call, turning its failures into HTTP problems. */
export const asHttp = async <A>(f: () => Promise<A>): Promise<A> => {
  try {
    return await f()
  } catch (error) {
    throw reviewProblem(error) ?? error
  }
}
