/**
 * Embeds `benchmarks/*.json` into `src/penalty/BenchmarkData.ts`, so the library carries its benchmarks without
 * reading files at run time (browsers, bundlers). Run after editing a benchmark file:
 *
 *   node scripts/bundle-benchmarks.mjs && pnpm exec prettier --write src/penalty/BenchmarkData.ts
 *
 * `test/Benchmarks.test.ts` fails when the embedded data and the JSON files differ.
 */
import { readdirSync, readFileSync, writeFileSync } from "node:fs"
import { join } from "node:path"

const root = join(import.meta.dirname, "..")
const dir = join(root, "benchmarks")
const files = readdirSync(dir)
  .filter((f) => f.endsWith(".json"))
  .sort()
const entries = files.map(
  (f) => `  // benchmarks/${f}\n  ${JSON.stringify(JSON.parse(readFileSync(join(dir, f), "utf8")))}`
)
const text = `/**
 * The bundled benchmark files, generated from \`benchmarks/*.json\` by \`scripts/bundle-benchmarks.mjs\` —
 * edit the JSON files, not this module.
 *
 * @since 0.2.0
 */
import type { BenchmarkFileJson } from "./Benchmark.js"

/**
 * The JSON of every bundled benchmark file, in file-name order.
 *
 * @category benchmarks
 */
export const bundledBenchmarkJson: ReadonlyArray<BenchmarkFileJson> = [
${entries.join(",\n")}
]

/** The file each entry of \`bundledBenchmarkJson\` was generated from. */
export const bundledBenchmarkFiles: ReadonlyArray<string> = ${JSON.stringify(files)}
`
writeFileSync(join(root, "src", "penalty", "BenchmarkData.ts"), text)
console.log(`bundled ${files.length} benchmark files into src/penalty/BenchmarkData.ts`)
