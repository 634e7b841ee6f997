/**
 * The suspicion list (疑点) with its filters, and the screening runs (筛查批次) that filed the leads.
 */
import { Review, Screening } from "@fundguard/contracts"
import {
  findRun,
  listRunsWithFigures,
  reapInterruptedRuns,
  requestRerun,
  searchSuspicions,
  stampFirstReviewDeadlines,
  systemActor,
  type Db,
  type RuleStat
} from "@fundguard/db"
import { bureauDate, type WorkingCalendarShape } from "@fundguard/domain/kernel"
import type { FastifyInstance } from "fastify"
import { currentUser } from "../plugins/auth.js"
import { mount } from "../plugins/contracts.js"
import { Problem } from "../plugins/errors.js"
import { actorOf } from "../responsibilities/context.js"
import { filterOf } from "../review/filters.js"
import { presentSuspicion } from "../review/present.js"

type RunWithFigures = Awaited<ReturnType<typeof listRunsWithFigures>>[number]

const presentRun = (r: RunWithFigures): Screening.ScreeningRun => {
  const rules = (r.ruleStats as unknown as Array<RuleStat & { kind?: string }> | null) ?? []
  return {
    id: r.id,
    startedAt: r.startedAt.toISOString(),
    finishedAt: r.finishedAt?.toISOString() ?? null,
    durationMs: r.finishedAt === null ? null : r.finishedAt.getTime() - r.startedAt.getTime(),
    status: r.status as Screening.RunStatus,
    trigger: r.trigger,
    extract: r.extract,
    admdvs: r.admdvs,
    periodFrom: r.periodFrom,
    periodTo: r.periodTo,
    suspicionCount: r.suspicionCount,
    newCount: r.newCount,
    statusCounts: r.statusCounts,
    ruleCounts: Object.fromEntries(rules.map((s) => [s.code, s.count])),
    rules,
    progress: r.status === "running" ? ((r.progress as Screening.ScreeningRun["progress"]) ?? null) : null,
    heartbeatAt: r.status === "running" ? (r.heartbeatAt?.toISOString() ?? null) : null,
    error: r.error
  }
}

/** Suspicions (疑点) and the screening runs that filed them. */
export const suspicionRoutes = async (
  app: FastifyInstance,
  options: { readonly db: Db; readonly now: () => Date; readonly calendar: WorkingCalendarShape }
) => {
  mount(app, Review.listSuspicions, async ({ query, request }) => {
    await stampFirstReviewDeadlines(options.db, options.calendar)
    const user = currentUser(request)
    const today = bureauDate(options.now())
    const { page, pageSize, ...filters } = query
    const result = await searchSuspicions(options.db, filterOf(filters, user.id, await request.scope()), today, {
      ...(page === undefined ? {} : { page }),
      ...(pageSize === undefined ? {} : { pageSize })
    })
    return {
      total: result.total,
      totalAmount: result.totalAmount,
      items: result.items.map((s) => presentSuspicion(s, user.role, today))
    }
  })

  // A run whose process died is shown as interrupted, not as running forever.
  const reap = () => reapInterruptedRuns(options.db, systemActor("api"), options.now())

  mount(app, Screening.listRuns, async () => {
    await reap()
    return { items: (await listRunsWithFigures(options.db)).map(presentRun) }
  })

  mount(app, Screening.getRun, async ({ params }) => {
    await reap()
    const run = await findRun(options.db, params.id)
    if (run === null) throw new Problem("NotFound", `筛查批次 ${params.id} 不存在`)
    return presentRun(run)
  })

  mount(app, Screening.rerun, async ({ params, request }) => {
    await reap()
    const run = await requestRerun(options.db, actorOf(request), params.id)
    return presentRun((await findRun(options.db, run.id))!)
  })
}
