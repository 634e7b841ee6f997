/**
 * `pnpm fundguard draw`: a 双随机 draw from two CSV files — the institutions (the `fixmedins` table of
 * a claims extract) and the inspector register — with a recorded seed, so that the published result
 * can be drawn again by anyone (`docs/domain/draws.md`).
 */
import { drawAlgorithm, drawInspections, type Inspector } from "@fundguard/domain/enforcement"
import * as Either from "effect/Either"
import { parseArgs } from "node:util"
import { CliFailure, ExitCode, note, positiveInteger, seedOption, type Command } from "../cli.js"
import { readCsvFile, requiredCell } from "../csv.js"

const help = `Usage: pnpm fundguard draw --targets FILE --inspectors FILE --count N [--seed S] [--json]

Draws N institutions to inspect, each with two inspectors who have no conflict of interest on it
(双随机一公开), by the published algorithm ${drawAlgorithm} (docs/domain/draws.md): the same files
and seed give the same draw, byte for byte; every institution has the same chance.

  --targets FILE      CSV in the fixmedins format of claims-extract.md (fixmedins_code per row)
  --inspectors FILE   CSV with staff_code, staff_name, unit and an optional conflicts column
                      (fixmedins codes separated by ;)
  --count N           how many institutions to draw
  --seed S            any text; without it a random seed is made — and printed, to publish
  --json              print the draw as one JSON object: seed, algorithm, targets, teams

Exit codes: 0 drawn, 2 invalid input (names the file, line and column), 1 other failure.`

/** `draw`. */
export const drawCommand: Command = {
  name: "draw",
  summary: "draw --targets FILE --inspectors FILE --count N [--seed S] [--json] — 双随机 draw of targets and teams",
  help,
  run: async (args) => {
    const { values } = parseArgs({
      args: [...args],
      options: {
        targets: { type: "string" },
        inspectors: { type: "string" },
        count: { type: "string" },
        seed: { type: "string" },
        json: { type: "boolean", default: false },
        help: { type: "boolean", short: "h", default: false }
      }
    })
    if (values.help) {
      process.stdout.write(`${help}\n`)
      return ExitCode.ok
    }
    if (values.targets === undefined) throw new CliFailure(`--targets: 请指定备选机构文件\n\n${help}`, ExitCode.invalid)
    if (values.inspectors === undefined)
      throw new CliFailure(`--inspectors: 请指定检查人员文件\n\n${help}`, ExitCode.invalid)
    const count = positiveInteger(values.count, "--count")
    const seed = seedOption(values.seed)

    const targets = readCsvFile(values.targets, "--targets", ["fixmedins_code"]).map((row) =>
      requiredCell(values.targets!, row, "fixmedins_code")
    )

    const inspectors = readCsvFile(values.inspectors, "--inspectors", ["staff_code", "staff_name", "unit"]).map(
      (row): Inspector => ({
        staffCode: requiredCell(values.inspectors!, row, "staff_code"),
        name: requiredCell(values.inspectors!, row, "staff_name"),
        unit: row.cells["unit"] ?? "",
        conflicts: (row.cells["conflicts"] ?? "")
          .split(";")
          .map((c) => c.trim())
          .filter((c) => c !== "")
      })
    )

    const result = drawInspections({ seed, count, targets, inspectors })
    // A refusal names each input at fault by its option.
    if (Either.isLeft(result))
      throw new CliFailure(result.left.problems.map((p) => `--${p.path}: ${p.message}`).join("\n"), ExitCode.invalid)
    const drawn = result.right
    if (values.json) process.stdout.write(`${JSON.stringify(drawn)}\n`)
    else {
      const names = new Map(inspectors.map((i) => [i.staffCode, i.name]))
      drawn.targets.forEach((target, i) => {
        const team = drawn.teams[i]!
        process.stdout.write(`${i + 1}\t${target}\t${team.map((s) => `${names.get(s)}（${s}）`).join("、")}\n`)
      })
    }
    note(`抽取 ${drawn.targets.length} 家（共 ${targets.length} 家），随机种子 ${seed}，算法 ${drawn.algorithm}`)
    return ExitCode.ok
  }
}
