/**
 * What the enforcement routes share: the institutions the caller may see, the scope check of a case,
 * and the caller as a requester of the use cases.
 */
import { institutionOfCase, type Db } from "@fundguard/db"
import { can, maskIdentifier, maskName, type Role } from "@fundguard/domain/access"
import { CaseNotFound, type CaseEntry } from "@fundguard/domain/enforcement"
import { institutionInScope } from "@fundguard/domain/responsibilities"
import type { FastifyRequest } from "fastify"
import { currentUser } from "../plugins/auth.js"
import { Problem } from "../plugins/errors.js"

/** The institutions the caller may see, or null for all. */
export const visibleInstitutions = async (request: FastifyRequest): Promise<ReadonlyArray<string> | null> => {
  const scope = await request.scope()
  return scope.all ? null : [...scope.institutionCodes]
}

/**
 * An object of an institution outside the caller's data scope (or of none: no such object) is
 * answered as if it did not exist: `notFound` is thrown.
 */
export const objectWithinScope = async (
  request: FastifyRequest,
  institution: string | null,
  notFound: () => Error
): Promise<void> => {
  if (institution === null || !institutionInScope(await request.scope(), institution)) throw notFound()
}

/** Acting on an institution outside the caller's data scope is refused (403, naming it). */
export const institutionWithinScope = async (request: FastifyRequest, code: string): Promise<void> => {
  if (!institutionInScope(await request.scope(), code))
    throw new Problem("OutOfScope", `机构 ${code} 不在本人数据范围内`)
}

/** A case outside the caller's data scope is answered as if it did not exist. */
export const caseWithinScope = async (db: Db, request: FastifyRequest, id: string): Promise<void> =>
  objectWithinScope(request, await institutionOfCase(db, id), () => new CaseNotFound({ id }))

/**
 * The caller as a case's requester: who (for the record — the name printed on the case's documents,
 * so the display name) and the role (for the rules).
 */
export const requesterOf = (request: FastifyRequest) => {
  const user = currentUser(request)
  return { actor: { id: user.id, name: user.displayName, ip: request.ip }, role: user.role }
}

/**
 * A case's entries as a role may see them: the person questioned in an inquiry (name, ID number) is
 * masked for roles without `personal-data:unmasked`. Whether the case holds such data at all is
 * answered too, for the audit entry of the read.
 */
export const entriesFor = (
  entries: ReadonlyArray<CaseEntry>,
  role: Role
): { readonly entries: ReadonlyArray<CaseEntry>; readonly personal: boolean; readonly unmasked: boolean } => {
  const unmasked = can(role, "personal-data:unmasked")
  const personal = entries.some((e) => e.action === "record_inquiry")
  if (unmasked || !personal) return { entries, personal, unmasked }
  return {
    personal,
    unmasked,
    entries: entries.map((e) => {
      if (e.action !== "record_inquiry") return e
      const details = e.details as { person?: { name?: string; idNumber?: string; position?: string } }
      const person = details.person ?? {}
      return {
        ...e,
        details: {
          ...details,
          person: {
            ...person,
            ...(person.name === undefined ? {} : { name: maskName(person.name) }),
            ...(person.idNumber === undefined ? {} : { idNumber: maskIdentifier(person.idNumber) })
          }
        }
      }
    })
  }
}
