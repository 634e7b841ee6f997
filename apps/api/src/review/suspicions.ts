/**
 * The suspicion list (疑点) with its filters, within the caller's data scope.
 */
import { Review } from "@fundguard/contracts"
import { readySuspicionReads, recordAudit, searchSuspicions, type Db } from "@fundguard/db"
import { can } from "@fundguard/domain/access"
import { bureauDate, type WorkingCalendarShape } from "@fundguard/domain/kernel"
import type { FastifyInstance } from "fastify"
import { currentUser } from "../plugins/auth.js"
import { mount } from "../plugins/contracts.js"
import { filterOf } from "./filters.js"
import { presentSuspicion } from "./present.js"
import { Problem } from "../plugins/errors.js"
import { actorOf } from "../responsibilities/context.js"

/** The suspicion list (疑点), within the caller's scope. */
export const suspicionRoutes = async (
  app: FastifyInstance,
  options: { readonly db: Db; readonly now: () => Date; readonly calendar: WorkingCalendarShape }
) => {
  mount(app, Review.listSuspicions, async ({ query, request }) => {
    const stamp = await readySuspicionReads(options.db, options.calendar)
    const user = currentUser(request)
    const today = bureauDate(options.now())
    const { page, pageSize, after, ...filters } = query
    if (page !== undefined && after !== undefined) {
      throw new Problem("InvalidRequest", "按页码翻页（page）与按位置翻页（after）不能同时使用", [
        { path: "$.query.after", message: "不能与 page 同时使用" }
      ])
    }
    const result = await searchSuspicions(
      options.db,
      filterOf(filters, user.id, await request.scope()),
      today,
      {
        ...(page === undefined ? {} : { page }),
        ...(pageSize === undefined ? {} : { pageSize }),
        ...(after === undefined ? {} : { after })
      },
      stamp
    )
    // A page shown unmasked reads personal data (人员编号) as the detail does: who listed which leads is on the record.
    const personal = result.items.filter((s) => s.psnNo !== null)
    if (personal.length > 0 && can(user.role, "personal-data:unmasked"))
      await recordAudit(options.db, actorOf(request), {
        action: "suspicion.list",
        entityType: "suspicion",
        entityId: null,
        details: { unmasked: true, ids: personal.map((s) => s.id) }
      })
    return {
      total: result.total,
      totalAmount: result.totalAmount,
      items: result.items.map((s) => presentSuspicion(s, user.role, today)),
      nextCursor: result.nextCursor
    }
  })
}
