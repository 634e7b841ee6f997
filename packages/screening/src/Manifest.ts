/**
 * `manifest.json`, the optional description of an extract: its format version, region and period.
 *
 * @since 0.1.0
 */
import { IsoDate } from "@fundguard/domain/kernel"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import * as ParseResult from "effect/ParseResult"
import * as Schema from "effect/Schema"
import { readFile } from "node:fs/promises"
import { join } from "node:path"
import type { ExtractProblem } from "./ExtractProblem.js"

/**
 * The manifest. Unknown keys are tolerated (producers may add their own), known ones are checked.
 *
 * @category models
 */
export const Manifest = Schema.Struct({
  format: Schema.Literal("claims-extract/1"),
  admdvs: Schema.optional(Schema.String.pipe(Schema.pattern(/^\d{6}$/, { message: () => "a 6-digit admdvs code" }))),
  period: Schema.optional(
    Schema.Struct({ from: IsoDate, to: IsoDate }).pipe(
      Schema.filter((p) => p.from <= p.to || "period.from must not be after period.to")
    )
  )
}).annotations({ identifier: "Manifest" })
/** @category models */
export type Manifest = typeof Manifest.Type

/** The file name of the manifest inside an extract directory. */
export const manifestFile = "manifest.json"

const decode = Schema.decodeUnknownEither(Manifest)

/**
 * Reads and checks `manifest.json`. Returns the manifest or the problems with it; a directory
 * without a manifest is fine and yields `null`.
 *
 * @category constructors
 */
export const readManifest = (
  dir: string
): Effect.Effect<{ readonly manifest: Manifest | null; readonly problems: ReadonlyArray<ExtractProblem> }> =>
  Effect.promise(() =>
    readFile(join(dir, manifestFile), "utf8").then(
      (text) => ({ text }),
      (e: NodeJS.ErrnoException) => (e.code === "ENOENT" ? { text: null } : { error: e.message })
    )
  ).pipe(
    Effect.map((read) => {
      const problem = (message: string): ExtractProblem => ({ file: manifestFile, line: null, column: null, message })
      if ("error" in read) return { manifest: null, problems: [problem(`cannot be read (${read.error})`)] }
      const text = read.text
      if (text === null) return { manifest: null, problems: [] }
      let json: unknown
      try {
        json = JSON.parse(text.replace(/^\uFEFF/, ""))
      } catch (e) {
        return { manifest: null, problems: [problem(`not valid JSON (${e instanceof Error ? e.message : String(e)})`)] }
      }
      return Either.match(decode(json), {
        onLeft: (error) => ({
          manifest: null,
          problems: ParseResult.ArrayFormatter.formatErrorSync(error).map((issue) => ({
            file: manifestFile,
            line: null,
            column: issue.path.length === 0 ? null : issue.path.join("."),
            message: issue.message
          }))
        }),
        onRight: (manifest) => ({ manifest, problems: [] })
      })
    })
  )
