/**
 * Screening runs (筛查批次): the list with counts per rule and live progress, one run, and reruns.
 * A run whose process died is shown as interrupted, never as running forever.
 */
import * as Application from "@fundguard/application"
import { Screening } from "@fundguard/contracts"
import { findRun, listRunsWithFigures, reapInterruptedRuns, systemActor, type Db, type RuleStat } from "@fundguard/db"
import type { FastifyInstance } from "fastify"
import { mount } from "../plugins/contracts.js"
import { Problem } from "../plugins/errors.js"
import { actorOf } from "../responsibilities/context.js"

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
    error: r.error,
    partitions: r.partitions.map((p) => ({
      job: p.job,
      index: p.index,
      count: p.count,
      status: p.status,
      attempts: p.attempts,
      worker: p.worker,
      startedAt: p.startedAt?.toISOString() ?? null,
      finishedAt: p.finishedAt?.toISOString() ?? null,
      durationMs: p.durationMs,
      suspicions: p.suspicions
    }))
  }
}

/** The screening-run routes. */
export const runRoutes = async (app: FastifyInstance, options: { readonly db: Db; readonly now: () => Date }) => {
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
    const run = await app.run(Application.Screening.requestRerun({ runId: params.id, actor: actorOf(request) }))
    return presentRun((await findRun(options.db, run.id))!)
  })
}
