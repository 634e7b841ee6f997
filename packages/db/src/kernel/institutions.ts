/**
 * The institution register.
 */
import type { HospitalLevel, Institution, OrgKind } from "@fundguard/domain/kernel"
import { recordAudits, type Actor, type AuditEntry } from "../access/audit.js"
import type { Db } from "../client.js"
import { forgetScopes } from "../responsibilities/organisation.js"

/** Filters for listing institutions. */
export interface InstitutionQuery {
  readonly q?: string
  readonly orgKind?: OrgKind
  readonly page?: number
  readonly pageSize?: number
  /** The caller's data scope: only these institutions (undefined = every institution). */
  readonly withinCodes?: ReadonlyArray<string>
}

/**
 * Search text as a Prisma `contains` that matches it literally. Prisma passes `%` and `_` through to
 * LIKE (and SQLite's LIKE has no escape character), so text with wildcard characters is searched
 * with each of them as a single-character wildcard — a superset — and `matches` keeps the exact
 * hits. `exact` is true when the database's answer needs no such filtering.
 */
export const literalSearch = (text: string) => {
  const wild = /[%_\\]/
  return {
    contains: text.replace(/[%_\\]/g, "_"),
    exact: !wild.test(text),
    matches: (value: string) => value.includes(text)
  }
}

/** An institution row as the register holds it (kinds and levels were checked when written). */
const asRegistered = <R extends { orgKind: string; hospitalLevel: string | null }>(row: R) => ({
  ...row,
  orgKind: row.orgKind as OrgKind,
  hospitalLevel: row.hospitalLevel as HospitalLevel | null
})

/** A page of institutions and the total that match; `q` matches name or code literally. */
export const listInstitutions = async (db: Db, query: InstitutionQuery = {}) => {
  const pageSize = Math.min(Math.max(query.pageSize ?? 50, 1), 500)
  const page = Math.max(query.page ?? 1, 1)
  const search = query.q === undefined || query.q === "" ? null : literalSearch(query.q)
  const where = {
    ...(query.withinCodes === undefined ? {} : { code: { in: [...query.withinCodes] } }),
    ...(query.orgKind === undefined ? {} : { orgKind: query.orgKind }),
    ...(search === null
      ? {}
      : { OR: [{ name: { contains: search.contains } }, { code: { contains: search.contains } }] })
  }
  if (search !== null && !search.exact) {
    const all = (await db.institution.findMany({ where, orderBy: { code: "asc" } })).filter(
      (i) => search.matches(i.name) || search.matches(i.code)
    )
    return { items: all.slice((page - 1) * pageSize, page * pageSize).map(asRegistered), total: all.length }
  }
  const [items, total] = await Promise.all([
    db.institution.findMany({ where, orderBy: { code: "asc" }, skip: (page - 1) * pageSize, take: pageSize }),
    db.institution.count({ where })
  ])
  return { items: items.map(asRegistered), total }
}

/**
 * Inserts or updates institutions by code, recording one audit entry per change (an unchanged institution is
 * neither written nor audited). Reads and writes in bulk, so that a province's register (ten thousand
 * institutions and more) is one short transaction.
 */
export const upsertInstitutions = async (db: Db, actor: Actor, institutions: ReadonlyArray<Institution>) =>
  writeInstitutions(db, actor, institutions).finally(() => forgetScopes(db))

const writeInstitutions = async (db: Db, actor: Actor, institutions: ReadonlyArray<Institution>) =>
  db.$transaction(
    async (tx) => {
      // A register may list a code twice: the last row stands, as when each row was written in turn.
      const unique = [...new Map(institutions.map((i) => [i.code, i] as const)).values()]
      const existing = new Map<string, Record<string, unknown>>()
      const codes = unique.map((i) => i.code)
      for (let i = 0; i < codes.length; i += 1000) {
        for (const row of await tx.institution.findMany({ where: { code: { in: codes.slice(i, i + 1000) } } }))
          existing.set(row.code, row)
      }
      const fresh: Array<{ code: string } & InstitutionData> = []
      const audits: Array<AuditEntry> = []
      let updated = 0
      for (const institution of unique) {
        const data: InstitutionData = {
          name: institution.name,
          orgKind: institution.orgKind,
          hospitalLevel: institution.hospitalLevel,
          admdvs: institution.admdvs,
          approvedBeds: institution.approvedBeds,
          supervisorCode: institution.supervisorCode
        }
        const known = existing.get(institution.code)
        if (known === undefined) {
          fresh.push({ code: institution.code, ...data })
        } else if (Object.entries(data).some(([k, v]) => known[k] !== v)) {
          await tx.institution.update({ where: { code: institution.code }, data })
          updated++
        } else continue
        audits.push({
          action: known === undefined ? "institution.create" : "institution.update",
          entityType: "institution",
          entityId: institution.code,
          details: data
        })
      }
      for (let i = 0; i < fresh.length; i += 1000) await tx.institution.createMany({ data: fresh.slice(i, i + 1000) })
      await recordAudits(tx, actor, audits)
      return { created: fresh.length, updated }
    },
    { timeout: 120_000 }
  )

type InstitutionData = {
  readonly name: string
  readonly orgKind: string
  readonly hospitalLevel: string | null
  readonly admdvs: string
  readonly approvedBeds: number | null
  readonly supervisorCode: string | null
}
