/**
 * Per-region parameter files: a bureau keeps the parameters of its region's local rules in
 * `params/<admdvs>.json` (e.g. `500235.json` for 奉节县), in the format `--params` reads — a JSON
 * object keyed by rule code, merged over the defaults (`screening-rules.md`, "Parameters") — plus
 * `$schema` and `$comment` annotations. `params/schema.json` is the JSON Schema of such a file,
 * generated from the rule library, so that an editor checks a file as it is written; the runner
 * checks it again (`ScreeningConfig.ts`) and names the offending key.
 *
 * @since 0.1.0
 */
import * as Effect from "effect/Effect"
import * as JSONSchema from "effect/JSONSchema"
import * as Schema from "effect/Schema"
import { readFile } from "node:fs/promises"
import { dirname, join } from "node:path"
import { fileURLToPath } from "node:url"
import type { Rule } from "./Rule.js"
import { ruleLibrary } from "./RuleLibrary.js"

/**
 * The directory of the region parameter files shipped with this package.
 *
 * @category region
 */
export const regionParamsDir = join(dirname(fileURLToPath(import.meta.url)), "..", "params")

/**
 * The parameter file of a region (6-digit admdvs), whether or not it exists.
 *
 * @category region
 */
export const regionParamsPath = (admdvs: string): string => join(regionParamsDir, `${admdvs}.json`)

/**
 * A region parameter file as an effect Schema over the library: each rule code optional, with
 * that rule's parameters in the form a file writes them.
 *
 * @category region
 */
export const RegionParams = (library: ReadonlyArray<Rule> = ruleLibrary) =>
  Schema.Struct({
    $schema: Schema.optional(Schema.String),
    $comment: Schema.optional(Schema.String),
    ...Object.fromEntries(
      library.map((r) => [
        r.code,
        Schema.optional(Schema.encodedBoundSchema(r.parameters).annotations({ description: r.title.en }))
      ])
    )
  }).annotations({ title: "FundGuard screening parameters", description: "screening-rules.md, Parameters" })

/**
 * The JSON Schema (draft 07) of a region parameter file, as `params/schema.json` holds it.
 *
 * @category region
 */
export const regionParamsJsonSchema = (library: ReadonlyArray<Rule> = ruleLibrary): object => {
  const schema = JSONSchema.make(RegionParams(library)) as { properties: Record<string, unknown> }
  // A rule without parameters takes an empty object; the generic encoding of `{}` would allow any.
  for (const r of library) {
    if (Object.keys(r.defaults).length === 0) {
      schema.properties[r.code] = { type: "object", additionalProperties: false, description: r.title.en }
    }
  }
  return schema
}

/**
 * Reads the parameter file of a region: its JSON, or `null` when the region has none. A file that
 * is not JSON fails; its content is checked when a run resolves it.
 *
 * @category region
 */
export const readRegionParams = (admdvs: string): Effect.Effect<unknown, Error> =>
  Effect.tryPromise({
    try: () =>
      readFile(regionParamsPath(admdvs), "utf8").then(
        (text) => JSON.parse(text) as unknown,
        (e: NodeJS.ErrnoException) => {
          if (e.code === "ENOENT") return null
          throw e
        }
      ),
    catch: (e) => (e instanceof Error ? e : new Error(String(e)))
  })
