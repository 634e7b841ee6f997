/**
 * The bundled benchmarks (national default and the provinces the reference has numbers for) and the choice
 * of the benchmark for a case: the most specific file covering the case's region and in force on the
 * decision date, completed section by section from the national default.
 *
 * @since 0.2.0
 */
import * as Schema from "effect/Schema"
import {
  BenchmarkFile,
  missingSections,
  sectionNames,
  type CompleteSections,
  type Confidence,
  type SectionName
} from "./Benchmark.js"
import { bundledBenchmarkJson } from "./BenchmarkData.js"
import type { IsoDate } from "../kernel/IsoDate.js"
import { divisionCoverage } from "../kernel/Institution.js"

const decode = Schema.decodeUnknownSync(BenchmarkFile, { errors: "all", onExcessProperty: "error" })

/**
 * Every bundled benchmark file, decoded (a broken file fails at import and in the tests).
 *
 * @category benchmarks
 */
export const bundledBenchmarks: ReadonlyArray<BenchmarkFile> = bundledBenchmarkJson.map((json) => decode(json))

/** The region code of the national default. */
export const NATIONAL = "000000"

const nationals = bundledBenchmarks.filter((b) => b.regions.includes(NATIONAL))
for (const n of nationals) {
  const missing = missingSections(n)
  if (missing.length > 0) throw new Error(`national benchmark ${n.id} lacks sections: ${missing.join(", ")}`)
}

/**
 * The benchmark an assessment used: every section present, with where it came from.
 *
 * @category models
 */
export interface ResolvedBenchmark extends CompleteSections {
  readonly id: string
  /** The region the file is published for (its entry that covers the case), `000000` for the national default. */
  readonly region: string
  readonly name: string
  readonly version: string
  readonly effectiveFrom: IsoDate
  readonly source: string
  readonly confidence: Confidence
  readonly notes: ReadonlyArray<string>
  /** True when no file covers the case's region and the national default was used. */
  readonly fallback: boolean
  /** True when the file was supplied by the caller (a bureau's own file). */
  readonly custom: boolean
  /** Sections the file does not carry, taken from the national default. */
  readonly inherited: ReadonlyArray<SectionName>
  /** Files supplied by the caller that do not cover this region or date (so were not used). */
  readonly ignoredCustom: ReadonlyArray<string>
}

/**
 * How specifically a file's region covers a case's region: 3 county, 2 city, 1 province, 0 nationwide
 * (`000000`), or null when it does not cover it.
 *
 * @category rules
 */
export const regionCoverage = (fileRegion: string, caseRegion: string): number | null =>
  divisionCoverage(fileRegion, caseRegion)

const inForceOn = (file: BenchmarkFile, date: IsoDate) =>
  file.effectiveFrom <= date && (file.effectiveTo === null || date <= file.effectiveTo)

/**
 * The national default in force on `date` (before the first one took effect, the earliest).
 *
 * @category benchmarks
 */
export const nationalDefault = (date: IsoDate): BenchmarkFile =>
  nationals.find((n) => inForceOn(n, date)) ?? nationals.reduce((a, b) => (b.effectiveFrom < a.effectiveFrom ? b : a))

const best = (files: ReadonlyArray<BenchmarkFile>, region: string, date: IsoDate) =>
  files
    .filter((f) => inForceOn(f, date))
    .flatMap((f) =>
      f.regions.flatMap((r) => {
        const level = regionCoverage(r, region)
        return level === null ? [] : [{ f, r, level }]
      })
    )
    .sort((a, b) => b.level - a.level || (b.f.effectiveFrom < a.f.effectiveFrom ? -1 : 1))[0]

/**
 * Chooses the benchmark for a case. The caller's files come first (a bureau's own benchmark), then the
 * bundled province files; among them the most specific region wins, then the latest in force. A caller's
 * nationwide file (`000000`) replaces the national default. Missing sections come from the national default.
 *
 * @category benchmarks
 */
export const selectBenchmark = (
  region: string,
  date: IsoDate,
  custom: ReadonlyArray<BenchmarkFile> = []
): ResolvedBenchmark => {
  const national = nationalDefault(date)
  const own = best(custom, region, date)
  const bundled = best(
    bundledBenchmarks.filter((b) => !b.regions.includes(NATIONAL)),
    region,
    date
  )
  const chosen = own ?? bundled
  const file = chosen?.f ?? national
  const sections = Object.fromEntries(
    sectionNames.map((name) => [name, file[name] ?? national[name]])
  ) as CompleteSections
  return {
    ...sections,
    id: file.id,
    region: chosen?.r ?? NATIONAL,
    name: file.name,
    version: file.version,
    effectiveFrom: file.effectiveFrom,
    source: file.source,
    confidence: file.confidence,
    notes: file.notes,
    fallback: chosen === undefined || (chosen.r === NATIONAL && own === undefined),
    custom: own !== undefined,
    inherited: chosen === undefined ? [] : missingSections(file),
    ignoredCustom: custom.filter((c) => c !== own?.f).map((c) => c.id)
  }
}
