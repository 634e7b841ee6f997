/**
 * The institution register as a claims extract carries it (`fixmedins`), decoded into the domain's
 * `Institution` — so the bureau's register and the claims it screens agree.
 *
 * @since 0.1.0
 */
import { Institution } from "@fundguard/domain/kernel"
import * as Effect from "effect/Effect"
import * as ParseResult from "effect/ParseResult"
import * as Schema from "effect/Schema"
import { readFileSync } from "node:fs"
import { dirname, join } from "node:path"
import { fileURLToPath } from "node:url"
import type { ExtractHandle } from "./Extract.js"
import { asNumber, asString, query } from "./internal/Duck.js"

/**
 * A `fixmedins` row does not describe a valid institution (e.g. an unknown `org_kind`).
 *
 * @category errors
 */
export class RegisterInvalid extends Schema.TaggedError<RegisterInvalid>()("RegisterInvalid", {
  problems: Schema.Array(Schema.String)
}) {
  override get message(): string {
    return ["the extract's institution register (fixmedins) is invalid:", ...this.problems.map((p) => `  ${p}`)].join(
      "\n"
    )
  }
}

/**
 * The demo county's claims extract shipped with this package (奉节县 500235, 2025 Q1).
 *
 * @category demo
 */
export const demoExtractDir = join(dirname(fileURLToPath(import.meta.url)), "..", "demo", "extract")

const decode = Schema.decodeUnknownEither(Institution)

/**
 * Reads every institution of an imported extract.
 *
 * @category register
 */
export const readInstitutions = (handle: ExtractHandle) =>
  Effect.gen(function* () {
    const rows = yield* query(
      handle.connection,
      "SELECT fixmedins_code, fixmedins_name, org_kind, hosp_lv, admdvs, aprv_bed_cnt, supervisor_code FROM fixmedins ORDER BY fixmedins_code"
    ).pipe(Effect.mapError((e) => new RegisterInvalid({ problems: [e.message] })))
    const institutions: Array<Institution> = []
    const problems: Array<string> = []
    for (const row of rows) {
      const beds = row["aprv_bed_cnt"]
      const level = asString(row["hosp_lv"])
      const decoded = decode({
        code: asString(row["fixmedins_code"]),
        name: asString(row["fixmedins_name"]),
        orgKind: asString(row["org_kind"]),
        hospitalLevel: level === null || level === "" ? null : level,
        admdvs: asString(row["admdvs"]) ?? handle.manifest?.admdvs ?? null,
        approvedBeds: beds === null || beds === undefined ? null : asNumber(beds),
        supervisorCode: asString(row["supervisor_code"]) || null
      })
      if (decoded._tag === "Right") institutions.push(decoded.right)
      else
        problems.push(`${asString(row["fixmedins_code"])}: ${ParseResult.TreeFormatter.formatErrorSync(decoded.left)}`)
    }
    if (problems.length > 0) return yield* new RegisterInvalid({ problems })
    return institutions as ReadonlyArray<Institution>
  })

/**
 * The demo county's register, read straight from the demo extract's `fixmedins.csv` (no import):
 * for seeds and tests that need the institutions without screening anything. The file is plain
 * CSV without quoted fields.
 *
 * @category demo
 */
export const demoRegister = (): ReadonlyArray<Institution> => {
  const [header, ...lines] = readFileSync(join(demoExtractDir, "fixmedins.csv"), "utf8").trim().split("\n")
  const columns = header!.split(",")
  return lines.map((line) => {
    const cell = Object.fromEntries(line.split(",").map((value, i) => [columns[i], value]))
    return Schema.decodeUnknownSync(Institution)({
      code: cell["fixmedins_code"],
      name: cell["fixmedins_name"],
      orgKind: cell["org_kind"],
      hospitalLevel: cell["hosp_lv"] === "" ? null : cell["hosp_lv"],
      admdvs: cell["admdvs"],
      approvedBeds: cell["aprv_bed_cnt"] === "" ? null : Number(cell["aprv_bed_cnt"]),
      supervisorCode: cell["supervisor_code"] === "" ? null : cell["supervisor_code"]
    })
  })
}
