import {
  answerPrecheck,
  decodePrecheckMessage,
  formatProblem,
  type GivenWarning,
  loadReferenceDir,
  memoryHistory,
  precheckRules
} from "@fundguard/screening"
import {
  precheckError,
  precheckFeedbackTaken,
  type PrecheckResponse,
  unknownWarningMessage
} from "@fundguard/domain/screening"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import { existsSync, statSync } from "node:fs"
import { resolve } from "node:path"
import { createInterface } from "node:readline"
import { parseArgs } from "node:util"
import { CliFailure, ExitCode, type Command } from "../cli.js"

const help = `Usage: pnpm fundguard precheck --reference DIR < requests.jsonl > responses.jsonl

Answers pre-settlement check requests (shared/spec/precheck.md) as the HTTP door does: one request per
line in (3101 事前, 3102 事中, 3103 反馈), one response per line out, in order. 3101/3102 are checked
by the rule library's pre-settlement checks — the same rules the nightly screening runs — with the
history of the lines before (the visits of earlier requests count, as for FREQUENCY_EXCEEDED); 3103
records what was done with a warning of an earlier line. A malformed line is answered with infcode -1
and err_msg naming the field; the following lines are still answered.

Options:
  -r, --reference DIR  the reference data in the claims-extract format (catalog, catalog_pair,
                       fixmedins, deaths, optionally psn and the claims tables); its manifest's
                       admdvs selects the region's rule parameters, as for the nightly run
  -h, --help           show this help
Exit codes: 0 done (whatever the answers), 2 unreadable reference directory or options.`

const line = (response: PrecheckResponse): string => `${JSON.stringify(response)}\n`

/** `precheck`. */
export const precheckCommand: Command = {
  name: "precheck",
  summary: "precheck --reference DIR — answer 3101/3102/3103 requests (JSONL on stdin) like the HTTP door",
  help,
  run: async (args) => {
    const { values } = parseArgs({
      args: [...args],
      options: {
        reference: { type: "string", short: "r" },
        help: { type: "boolean", short: "h", default: false }
      }
    })
    if (values.help) {
      process.stdout.write(`${help}\n`)
      return ExitCode.ok
    }
    if (values.reference === undefined) throw new CliFailure(`--reference is required\n\n${help}`, ExitCode.invalid)
    const dir = resolve(values.reference)
    if (!existsSync(dir) || !statSync(dir).isDirectory())
      throw new CliFailure(`--reference ${values.reference}: 目录不存在`, ExitCode.invalid)
    const loaded = await Effect.runPromise(Effect.either(loadReferenceDir(dir)))
    if (Either.isLeft(loaded)) {
      const e = loaded.left
      const detail =
        e._tag === "ExtractInvalid"
          ? e.problems.map(formatProblem).join("\n")
          : e._tag === "ScreeningConfigInvalid"
            ? e.problems.map((p) => `${p.source} ${p.key}: ${p.message}`).join("\n")
            : e.message
      throw new CliFailure(`--reference ${values.reference}: 参考数据无法读取\n${detail}`, ExitCode.invalid)
    }
    const rules = precheckRules(loaded.right.params)
    if (Either.isLeft(rules))
      throw new CliFailure(
        `--reference ${values.reference}: 规则参数有误\n${rules.left.map((p) => `${p.code}: ${p.issues.map((i) => `${i.key} ${i.message}`).join("; ")}`).join("\n")}`,
        ExitCode.invalid
      )
    const history = memoryHistory()
    const warnings = new Map<string, GivenWarning>()
    let number = 0
    const input = createInterface({ input: process.stdin, crlfDelay: Infinity })
    for await (const text of input) {
      number += 1
      if (text.trim() === "") continue
      let json: unknown
      try {
        json = JSON.parse(text)
      } catch (error) {
        process.stdout.write(
          line({ infcode: -1, err_msg: `第 ${number} 行不是有效的 JSON：${(error as Error).message}`, output: null })
        )
        continue
      }
      const message = decodePrecheckMessage(json)
      if (Either.isLeft(message)) {
        process.stdout.write(line({ infcode: -1, err_msg: message.left, output: null }))
        continue
      }
      if (message.right.infno === "3103") {
        const feedback = message.right.input.data
        if (!warnings.has(feedback.warn_rslt_id)) {
          process.stdout.write(line(precheckError(unknownWarningMessage(feedback.warn_rslt_id))))
          continue
        }
        process.stdout.write(line(precheckFeedbackTaken))
        continue
      }
      // Ids that say where they came from, so that a replay gives the same answers every time.
      let sequence = 0
      const answered = answerPrecheck(message.right, {
        reference: loaded.right.reference,
        rules: rules.right,
        history,
        newId: () => `L${number}-${++sequence}`,
        taskId: `L${number}`
      })
      for (const w of answered.warnings) warnings.set(w.warning.jr_id, w)
      process.stdout.write(line(answered.response))
    }
    return ExitCode.ok
  }
}
