/**
 * What the responsibility routes share: the database, the clock (tests fix it), the working-day
 * calendar and where evidence files are stored; and small request helpers.
 */
import { chineseWorkingCalendar } from "@fundguard/calendar"
import { defaultEvidenceDir, type Db } from "@fundguard/db"
import { actorNameOf, type AuditActor } from "@fundguard/domain/access"
import { bureauDate, parsePeriodKey, type Period, type WorkingCalendarShape } from "@fundguard/domain/kernel"
import { unitInScope } from "@fundguard/domain/responsibilities"
import type { FastifyRequest } from "fastify"
import { currentUser } from "../plugins/auth.js"
import { Problem } from "../plugins/errors.js"

/** The routes' options. */
export interface ResponsibilityOptions {
  readonly db: Db
  readonly now: () => Date
  readonly calendar?: WorkingCalendarShape
  readonly evidenceDir?: string
}

/** Resolved options. */
export interface ResponsibilityContext {
  readonly db: Db
  readonly calendar: WorkingCalendarShape
  readonly evidenceDir: string
  /** Today in the bureau's time zone. */
  readonly today: () => string
}

export const contextOf = (options: ResponsibilityOptions): ResponsibilityContext => ({
  db: options.db,
  calendar: options.calendar ?? chineseWorkingCalendar(),
  evidenceDir: options.evidenceDir ?? defaultEvidenceDir(),
  today: () => bureauDate(options.now())
})

/** The signed-in user as the audit log's actor. */
export const actorOf = (request: FastifyRequest): AuditActor => {
  const user = currentUser(request)
  return { id: user.id, name: actorNameOf(user), ip: request.ip }
}

/**
 * The units a task query covers, within the caller's data scope: asking for a unit outside it is a
 * 403 naming `$.query.unit`; asking for none means every unit in scope.
 */
export const scopedUnits = async (
  request: FastifyRequest,
  query: { readonly unit?: string | undefined; readonly includeSupervised?: boolean | undefined }
) => {
  const scope = await request.scope()
  if (query.unit !== undefined && !unitInScope(scope, query.unit))
    throw new Problem("OutOfScope", `无权查看单位 ${query.unit} 的数据`, [
      { path: "$.query.unit", message: "不在本人所属单位及其监管的单位之内" }
    ])
  return {
    ...(query.unit === undefined ? {} : { unitId: query.unit }),
    ...(query.includeSupervised === undefined ? {} : { includeSupervised: query.includeSupervised }),
    ...(scope.all ? {} : { allowedUnitIds: [...scope.unitIds] })
  }
}

/** A period key from the query, or a 400 naming the parameter. */
export const periodParam = (key: string, name = "period"): Period => {
  const period = parsePeriodKey(key)
  if (period === null)
    throw new Problem("InvalidRequest", `${name} 须为 2026、2026-H1、2026-Q3 或 2026-07 这样的期间`, [
      { path: `$.query.${name}`, message: "not a period key" }
    ])
  return period
}
