/**
 * The screening job that the CLI and the nightly worker share: import an extract, run the rules,
 * write the JSONL, and record the run and its suspicions through a `RunRecorder` (the operational
 * database implements it; this package does not depend on it).
 *
 * @since 0.1.0
 */
import * as Effect from "effect/Effect"
import * as Schema from "effect/Schema"
import { ClaimsExtracts, type ExtractHandle, type ImportOptions } from "./Extract.js"
import { readManifest } from "./Manifest.js"
import { readRegionParams, regionParamsPath } from "./RegionParams.js"
import { ruleLibrary } from "./RuleLibrary.js"
import { runScreening, type ScreeningProgress, type ScreeningResult } from "./Runner.js"
import { resolveConfig, ScreeningConfigInvalid } from "./ScreeningConfig.js"
import { writeSuspicionsJsonl } from "./SuspicionsJsonl.js"

/**
 * Where a run's record goes. `finish` must file the suspicions and close the run atomically, so
 * that a run that dies half-way leaves the previous results as they were.
 *
 * @category models
 */
export interface RunRecorder {
  start(run: {
    readonly trigger: "cli" | "schedule" | "api" | "seed"
    readonly extract: string
    readonly admdvs: string | null
    readonly periodFrom: string | null
    readonly periodTo: string | null
    readonly params: Record<string, unknown>
  }): Promise<{ readonly id: string }>
  finish(runId: string, result: ScreeningResult): Promise<{ readonly created: number }>
  fail(runId: string, error: string): Promise<void>
  /** Optional: how far a running run has got (the rule starting, rules done of all), for the runs page. */
  progress?(
    runId: string,
    progress: { readonly rule: string; readonly done: number; readonly total: number }
  ): Promise<void>
}

/**
 * Recording the run failed (the database, not the data).
 *
 * @category errors
 */
export class RecordingFailed extends Schema.TaggedError<RecordingFailed>()("RecordingFailed", {
  step: Schema.String,
  reason: Schema.String
}) {
  override get message(): string {
    return `recording the screening run failed (${this.step}): ${this.reason}`
  }
}

/**
 * Progress of a job: the import, then the run's own progress (`ScreeningProgress`).
 *
 * @category models
 */
export type JobProgress =
  | { readonly _tag: "RegionParams"; readonly admdvs: string; readonly file: string }
  | { readonly _tag: "Importing"; readonly dir: string }
  | { readonly _tag: "Imported"; readonly rows: number; readonly durationMs: number }
  | ScreeningProgress

/** @category models */
export interface JobOptions {
  readonly extractDir: string
  /** The extract of `extractDir` already imported by the caller (left open); imported here when absent. */
  readonly extract?: ExtractHandle
  /** Where to write `suspicions.jsonl`; none when absent. */
  readonly outFile?: string
  /**
   * Rule parameters. When absent, those of the extract's region (the manifest's `admdvs`, e.g.
   * `params/500235.json`) apply, else the library's defaults — the same choice for every caller.
   */
  readonly params?: unknown
  readonly rules?: ReadonlyArray<string>
  readonly trigger: "cli" | "schedule" | "api" | "seed"
  readonly importOptions?: ImportOptions
  /** Called as the job goes (a CLI progress bar, a worker's log); synchronously, keep it cheap. */
  readonly onProgress?: ((event: JobProgress) => void) | undefined
}

/** @category models */
export interface JobResult {
  readonly runId: string
  readonly created: number
  readonly result: ScreeningResult
}

const recorded = <A>(step: string, f: () => Promise<A>) =>
  Effect.tryPromise({
    try: f,
    catch: (e) => new RecordingFailed({ step, reason: e instanceof Error ? e.message : String(e) })
  })

/**
 * The rule parameters of an extract's region: the region file named by its manifest's `admdvs`, or
 * null when the manifest names no region or the region has no file.
 *
 * @category jobs
 */
export const regionParamsOf = (extractDir: string) =>
  Effect.gen(function* () {
    const { manifest } = yield* readManifest(extractDir)
    if (manifest?.admdvs === undefined) return null
    const admdvs = manifest.admdvs
    const params = yield* readRegionParams(admdvs).pipe(
      Effect.mapError(
        (e) =>
          new ScreeningConfigInvalid({
            problems: [
              { source: "params", key: "", message: `${regionParamsPath(admdvs)} cannot be read: ${e.message}` }
            ]
          })
      )
    )
    return params === null ? null : { admdvs, file: regionParamsPath(admdvs), params }
  })

/**
 * Runs the whole job. Configuration and extract problems fail before anything is recorded; a
 * failure after the run was recorded marks it failed.
 *
 * @category jobs
 */
export const screenAndRecord = (options: JobOptions, recorder: RunRecorder) =>
  Effect.scoped(
    Effect.gen(function* () {
      const report = options.onProgress ?? (() => undefined)
      const region = options.params === undefined ? yield* regionParamsOf(options.extractDir) : null
      if (region !== null) report({ _tag: "RegionParams", admdvs: region.admdvs, file: region.file })
      const params = options.params ?? region?.params
      // A typo in params or rules is not a run: check the configuration before recording anything.
      yield* resolveConfig(ruleLibrary, { params, rules: options.rules })
      const importStarted = performance.now()
      if (options.extract === undefined) report({ _tag: "Importing", dir: options.extractDir })
      const extract =
        options.extract ??
        (yield* Effect.flatMap(ClaimsExtracts, (extracts) => extracts.open(options.extractDir, options.importOptions)))
      report({
        _tag: "Imported",
        rows: Object.values(extract.rowCounts).reduce((sum, n) => sum + (n ?? 0), 0),
        durationMs: Math.round(performance.now() - importStarted)
      })
      let runId: string | null = null
      const work = runScreening({
        extract,
        // Progress is a gauge: a failed write must not fail the run.
        onProgress: (e) => {
          report(e)
          if (e._tag === "RuleStarted" && runId !== null && recorder.progress !== undefined) {
            recorder.progress(runId, { rule: e.code, done: e.index, total: e.total }).catch(() => undefined)
          }
        },
        ...(params === undefined ? {} : { params }),
        ...(options.rules === undefined ? {} : { rules: options.rules })
      })
      const run = yield* recorded("start", () =>
        recorder.start({
          trigger: options.trigger,
          extract: options.extractDir,
          admdvs: extract.manifest?.admdvs ?? null,
          periodFrom: extract.manifest?.period?.from ?? null,
          periodTo: extract.manifest?.period?.to ?? null,
          params: (params ?? {}) as Record<string, unknown>
        })
      )
      runId = run.id
      const outcome = yield* Effect.either(
        Effect.gen(function* () {
          const result = yield* work
          if (options.outFile !== undefined) yield* writeSuspicionsJsonl(options.outFile, result.suspicions)
          const { created } = yield* recorded("finish", () => recorder.finish(run.id, result))
          return { runId: run.id, created, result } satisfies JobResult
        })
      )
      if (outcome._tag === "Left") {
        yield* recorded("fail", () => recorder.fail(run.id, outcome.left.message)).pipe(Effect.ignore)
        return yield* Effect.fail(outcome.left)
      }
      return outcome.right
    })
  )
