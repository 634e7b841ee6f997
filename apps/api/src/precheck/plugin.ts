/**
 * The pre-settlement check's HTTP door (`precheck.md`, docs/domain/precheck.md): `POST /api/v1/precheck` for
 * institutions' systems (3101/3102/3103, their own claims only), and the administration of their keys.
 *
 * Answers are in the national interface's form, failures included: this context renders every error as
 * `{ infcode: -1, err_msg }` (with the HTTP status of the problem), never a stack trace.
 */
import {
  createInstitutionClient,
  listInstitutionClients,
  precheckReport,
  PrecheckWarningNotFound,
  recordPrecheckFeedback,
  revokeInstitutionClient,
  rotateInstitutionClient,
  startPrecheckWriter,
  type Db,
  type PrecheckWriter
} from "@fundguard/db"
import { Precheck } from "@fundguard/contracts"
import { Problem as Problems } from "@fundguard/contracts"
import { precheckError, precheckFeedbackTaken, type PrecheckRequest } from "@fundguard/domain/screening"
import {
  answerPrecheck,
  decodePrecheckMessage,
  type ClaimLine,
  loadReferenceDir,
  memoryHistory,
  type PrecheckRule,
  precheckRules,
  type Reference
} from "@fundguard/screening"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import type { FastifyInstance } from "fastify"
import fp from "fastify-plugin"
import { randomUUID } from "node:crypto"
import { currentUser } from "../plugins/auth.js"
import { mount } from "../plugins/contracts.js"
import { Problem, problemOf } from "../plugins/errors.js"
import { groupCommit, type HistoryCache, openHistoryCache } from "./store.js"

/** The reference data and rules in force, swapped whole when reloaded. */
interface Loaded {
  readonly reference: Reference
  readonly rules: ReadonlyArray<PrecheckRule>
  readonly dir: string
  readonly loadedAt: Date
}

/** Loads a reference directory and the rules with its region's parameters, or says why it cannot. */
const load = async (dir: string, now: Date): Promise<Either.Either<Loaded, string>> => {
  const loaded = await Effect.runPromise(Effect.either(loadReferenceDir(dir)))
  if (Either.isLeft(loaded)) return Either.left(`参考数据无法读取：${loaded.left.message}`)
  const rules = precheckRules(loaded.right.params)
  if (Either.isLeft(rules)) return Either.left(`规则参数有误：${rules.left.map((p) => p.code).join("、")}`)
  return Either.right({ reference: loaded.right.reference, rules: rules.right, dir, loadedAt: now })
}

/** The days a request's lines fall on, per patient. */
const daysOf = (patient: PrecheckRequest["input"]["data"]["patient_dtos"][number]): ReadonlyArray<string> => [
  ...new Set(patient.fsi_encounter_dtos.flatMap((e) => e.fsi_order_dtos.map((o) => o.drord_begn_date.slice(0, 10))))
]

const plugin = async (
  app: FastifyInstance,
  options: { readonly db: Db; readonly now: () => Date; readonly referenceDir: string | null }
) => {
  const { db, now } = options
  let current: Either.Either<Loaded, string> =
    options.referenceDir === null
      ? Either.left("参考数据未配置（FUNDGUARD_PRECHECK_REFERENCE）")
      : await load(options.referenceDir, now())
  if (Either.isLeft(current)) app.log.warn({ reason: current.left }, "pre-settlement check has no reference data")
  // The writer thread starts with the first records to write: a server no institution calls needs none.
  let thread: PrecheckWriter | null = null
  const writer = groupCommit((batch) => (thread ??= startPrecheckWriter(db)).write(batch), app.log)
  // Each request's records carry its own instant, strictly after the previous one's: a visit checked again
  // is later than the warning it answers, even within the same millisecond (the report's "saved").
  let lastStamp = 0
  const stamp = (): Date => {
    lastStamp = Math.max(now().getTime(), lastStamp + 1)
    return new Date(lastStamp)
  }
  // The history cache is opened by the first check (it reads the newest days of the database), not when the
  // server is built: building the app (the OpenAPI document, tests) needs no database read.
  let opening: Promise<HistoryCache> | null = null
  const historyCache = () =>
    (opening ??= openHistoryCache(db).catch((error: unknown) => {
      opening = null
      throw error
    }))
  // A clean stop writes what is queued.
  app.addHook("onClose", async () => {
    await writer.flush()
    await thread?.close()
  })
  app.decorate("precheckRecordsWritten", writer.flush)

  // The institutions' door: every failure in the interface's own form.
  await app.register(async (door) => {
    door.setErrorHandler((error, request, reply) => {
      const problem = problemOf(error)
      // A fault of the server is logged (the caller is told only that it happened).
      if (problem === null) request.log.error({ err: error }, "pre-settlement check failed")
      const status = problem === null ? 500 : Problems.problemDetails(problem.tag, problem.detail).status
      const message =
        problem === null
          ? "服务器内部错误，请联系医保局"
          : [problem.detail, ...(problem.errors ?? []).map((e) => `${e.path}：${e.message}`)].join("；")
      return reply.status(status).send(precheckError(message))
    })
    mount(
      door,
      Precheck.check,
      async ({ body, request }) => {
        const message = decodePrecheckMessage(body)
        if (Either.isLeft(message)) return precheckError(message.left)
        const caller = request.institutionClient
        if (caller === null) throw new Problem("Forbidden", "只有定点医药机构接口账户可以调用事前事中审核")
        if (message.right.infno === "3103") {
          const data = message.right.input.data
          const user = currentUser(request)
          // The warning may still be queued.
          await writer.flush()
          try {
            await recordPrecheckFeedback(
              db,
              { id: user.id, name: user.displayName, ip: request.ip },
              {
                institutionCode: caller.institutionCode,
                jrId: data.warn_rslt_id,
                way: data.dspo_way,
                reason: data.dspo_way_rea ?? null,
                at: now()
              }
            )
          } catch (e) {
            if (e instanceof PrecheckWarningNotFound) return precheckError(e.message)
            throw e
          }
          return precheckFeedbackTaken
        }
        const requestData = message.right.input.data
        const others = requestData.patient_dtos.flatMap((p, i) =>
          p.fsi_encounter_dtos.flatMap((e, j) =>
            e.medins_id === caller.institutionCode
              ? []
              : [`$.input.data.patient_dtos[${i}].fsi_encounter_dtos[${j}].medins_id`]
          )
        )
        if (others.length > 0)
          throw new Problem(
            "Forbidden",
            `只能审核本机构（${caller.institutionCode}）的就诊：${others.slice(0, 5).join("、")} 不是本机构`
          )
        const loaded = current
        if (Either.isLeft(loaded)) return precheckError(loaded.left)
        // The history of each patient's days, from what was checked before (other visits).
        const cache = await historyCache()
        const history = memoryHistory()
        for (const patient of requestData.patient_dtos) {
          const days = daysOf(patient)
          await cache.load(patient.patn_id, caller.institutionCode, days)
          const visits = new Set(patient.fsi_encounter_dtos.map((e) => e.mdtrt_id))
          const byVisit = new Map<string, Array<ClaimLine>>()
          for (const day of days)
            for (const h of cache.lines(patient.patn_id, caller.institutionCode, day, visits)) {
              const lines = byVisit.get(h.mdtrt_id)
              if (lines === undefined) byVisit.set(h.mdtrt_id, [h.line])
              else lines.push(h.line)
            }
          for (const [mdtrtId, lines] of byVisit)
            history.add({ mdtrt_id: mdtrtId, psn_no: patient.patn_id, fixmedins_code: caller.institutionCode, lines })
        }
        const answered = answerPrecheck(message.right, {
          reference: loaded.right.reference,
          rules: loaded.right.rules,
          history,
          newId: randomUUID,
          taskId: randomUUID()
        })
        for (const visit of answered.checked) cache.record(visit)
        writer.add({
          at: stamp(),
          visits: answered.checked,
          warnings: answered.warnings.map((w) => ({
            infno: message.right.infno,
            ruleCode: w.rule.code,
            ruleVersion: w.rule.version,
            institutionCode: caller.institutionCode,
            psnNo: w.visit.psn_no,
            doctorCode: w.doctor,
            day: w.visit.begntime.slice(0, 10),
            amount: w.amount,
            answer: w.warning
          }))
        })
        return answered.response
      },
      { decodeBodyInHandler: true }
    )
  })

  // The bureau's administration of the keys.
  mount(app, Precheck.listClients, async () => ({ items: await listInstitutionClients(db) }))
  mount(app, Precheck.createClient, async ({ body, request }) => {
    const user = currentUser(request)
    return createInstitutionClient(db, body, { id: user.id, name: user.displayName, ip: request.ip })
  })
  mount(app, Precheck.rotateClient, async ({ params, request }) => {
    const user = currentUser(request)
    const rotated = await rotateInstitutionClient(
      db,
      params.id,
      { id: user.id, name: user.displayName, ip: request.ip },
      now()
    )
    app.forgetInstitutionKeys()
    return rotated
  })
  mount(app, Precheck.revokeClient, async ({ params, request }) => {
    const user = currentUser(request)
    await revokeInstitutionClient(db, params.id, { id: user.id, name: user.displayName, ip: request.ip }, now())
    app.forgetInstitutionKeys()
  })

  // The bureau's report: its own institutions only (the caller's data scope).
  mount(app, Precheck.report, async ({ query, request }) => {
    if (query.to < query.from)
      throw new Problem("InvalidRequest", "结束日期不能早于开始日期", [
        { path: "$.query.to", message: "结束日期不能早于开始日期" }
      ])
    await writer.flush()
    const scope = await request.scope()
    const rows = await precheckReport(db, {
      from: query.from,
      to: query.to,
      institutions: scope.all ? null : [...scope.institutionCodes]
    })
    const names = new Map(
      (
        await db.institution.findMany({
          where: { code: { in: [...new Set(rows.institutions.map((r) => r.institutionCode))] } },
          select: { code: true, name: true }
        })
      ).map((i) => [i.code, i.name])
    )
    const named = (r: (typeof rows.institutions)[number]) => ({
      ...r,
      institutionName: names.get(r.institutionCode) ?? null
    })
    return {
      from: query.from,
      to: query.to,
      institutions: rows.institutions.map(named),
      doctors: rows.doctors.map(named)
    }
  })

  // The old data serves until the new is loaded; a directory that cannot be read leaves it in place.
  mount(app, Precheck.reloadReference, async () => {
    if (options.referenceDir === null)
      throw new Problem("InvalidRequest", "参考数据目录未配置（FUNDGUARD_PRECHECK_REFERENCE）")
    const next = await load(options.referenceDir, now())
    if (Either.isLeft(next)) throw new Problem("InvalidRequest", next.left)
    current = next
    return { dir: next.right.dir, loadedAt: next.right.loadedAt.toISOString() }
  })
}

/** The pre-settlement check (its records' writer is the server's: `precheckRecordsWritten`). */
export const precheckPlugin = fp(plugin, { name: "precheck", dependencies: ["auth"] })

declare module "fastify" {
  interface FastifyInstance {
    /** Resolves when every pre-settlement check answered so far has its records written. */
    precheckRecordsWritten: () => Promise<void>
  }
}
