/**
 * The frame of a claim sample (抽样推算): one institution's effective settlements in a claims extract,
 * read with DuckDB — the domain's `ClaimFrames` service.
 *
 * "Effective" is the screening's own definition (`fg_setl` in `Prepared.ts`, `screening-rules.md`
 * "Conventions"): a reversal (`setlinfo.refd_setl_flag` = 1) is not a claim, and the settlement it
 * cancels (same `mdtrt_id`, same absolute `medfee_sumamt`) is no longer one. What the fund paid is
 * `setlinfo.fund_pay_sumamt` (基金支付: all funds together, `claims-extract.md`).
 *
 * @since 0.4.0
 */
import { ClaimFrameUnavailable, ClaimFrames, type FrameClaim, type SamplePeriod } from "@fundguard/domain/enforcement"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import { ClaimsExtracts } from "./Extract.js"
import { formatProblem } from "./ExtractProblem.js"
import { preparedRelations } from "./Prepared.js"

const problem = (path: string, message: string) => new ClaimFrameUnavailable({ problems: [{ path, message }] })

/**
 * Reads the effective settlements of `institutionCode` in the extract at `extract`, settled within
 * `period` when given, in settlement-id order. Fails with `ClaimFrameUnavailable` naming `$.extract`
 * (the extract cannot be read or is invalid: each file, line and column in the message) or
 * `$.institutionCode` (no such settlement).
 *
 * @category constructors
 */
export const readClaimFrame = Effect.fn("ClaimFrame.read")(function* (request: {
  readonly extract: string
  readonly institutionCode: string
  readonly period: SamplePeriod | null
}) {
  return yield* Effect.scoped(
    Effect.gen(function* () {
      const handle = yield* Effect.flatMap(ClaimsExtracts, (extracts) =>
        extracts.open(request.extract, { duckdb: { threads: "2" } })
      ).pipe(
        Effect.mapError((invalid) =>
          problem(
            "$.extract",
            `数据包 ${request.extract} 无法读取或有误（${invalid.problems.length}${invalid.truncated ? "+" : ""} 处）：${invalid.problems
              .slice(0, 5)
              .map(formatProblem)
              .join("；")}`
          )
        )
      )
      const setl = preparedRelations(handle.manifest).find((r) => r.name === "fg_setl")!
      const rows = yield* Effect.promise(async () => {
        await handle.connection.run(`CREATE OR REPLACE TEMP TABLE fg_setl AS ${setl.sql}`)
        const reader = await handle.connection.runAndReadAll(
          `SELECT setl_id, mdtrt_id, psn_no, strftime(setl_time, '%Y-%m-%d %H:%M:%S') AS settled_at, med_type,
                  round(CAST(fund_pay_sumamt AS DOUBLE), 2) AS paid
           FROM fg_setl
           WHERE fixmedins_code = $1 AND effective
             AND ($2::DATE IS NULL OR day >= $2::DATE) AND ($3::DATE IS NULL OR day <= $3::DATE)
           ORDER BY setl_id`,
          [request.institutionCode, request.period?.from ?? null, request.period?.to ?? null]
        )
        return reader.getRowObjectsJson()
      })
      if (rows.length === 0)
        return yield* problem(
          "$.institutionCode",
          `数据包 ${request.extract} 的 setlinfo（结算表）中没有机构 ${request.institutionCode}（fixmedins_code）${
            request.period === null ? "" : `在 ${request.period.from} 至 ${request.period.to} 期间（setl_time）`
          }的有效结算记录`
        )
      return rows.map(
        (r): FrameClaim => ({
          id: String(r["setl_id"]),
          visitId: String(r["mdtrt_id"]),
          psnNo: String(r["psn_no"]),
          settledAt: String(r["settled_at"]),
          medType: String(r["med_type"]),
          paid: Number(r["paid"])
        })
      )
    })
  )
})

/**
 * The DuckDB frame reader as the domain's `ClaimFrames` service (extracts opened through
 * `ClaimsExtracts`, DuckDB by default).
 *
 * @category layers
 */
export const DuckDbClaimFrames: Layer.Layer<ClaimFrames> = Layer.succeed(ClaimFrames, {
  read: (request) => readClaimFrame(request)
})
