/**
 * Changing the organisation — one edit in the UI or a whole spreadsheet: merged with what is
 * stored, checked as a whole against the institution register, written with an audit entry per
 * entity, or refused with every problem named and nothing written.
 */
import {
  applyOrganisationChange,
  OrganisationRejected,
  OrganisationRepository,
  organisationProblems,
  type CompletionActor,
  type OrganisationChange
} from "@fundguard/domain/responsibilities"
import * as Effect from "effect/Effect"

/**
 * Applies a change. Fails with `OrganisationRejected` when the result would be inconsistent
 * (unknown parents, areas, units or institutions); answers the organisation as it now is and how
 * many entities were written.
 */
export const changeOrganisation = Effect.fn("Organisation.change")(function* (request: {
  readonly change: OrganisationChange
  /** Where the change came from (`api`, `import:<file>`, `seed`), kept in each audit entry. */
  readonly source: string
  readonly actor: CompletionActor
}) {
  const organisations = yield* OrganisationRepository
  const current = yield* organisations.load
  const next = applyOrganisationChange(current, request.change)
  const problems = organisationProblems(next, yield* organisations.institutionCodes)
  if (problems.length > 0) return yield* new OrganisationRejected({ rows: problems })
  const { written } = yield* organisations.write(request.change, request.source, request.actor)
  return { organisation: next, written }
})
