/**
 * `pnpm fundguard precheck --reference DIR < requests.jsonl`: the CLI door of the pre-settlement check.
 * Replaying the demo extract through it — each visit as the 3102 request its hospital would have sent, in
 * time order — flags exactly the lines and visits the nightly run flags for the same rules, with the same
 * amounts; feedback (3103) is taken for a warning it gave; bad lines are answered with infcode -1 naming
 * the field, and the lines after them still answered.
 */
import {
  comparedWarning,
  demoExtractDir,
  extractRequests,
  importExtractScoped,
  loadReferenceDir,
  precheckDifferences,
  ruleLibrary,
  runScreening
} from "@fundguard/screening"
import type { PrecheckResponse } from "@fundguard/domain/screening"
import * as Effect from "effect/Effect"
import { mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { afterAll, describe, expect, it } from "vitest"
import { runCli } from "./utils/run.js"

const work = mkdtempSync(join(tmpdir(), "fundguard-precheck-"))
afterAll(() => rmSync(work, { recursive: true, force: true }))

const precheck = (input: string, reference = demoExtractDir) =>
  runCli(["precheck", "--reference", reference], { input, timeoutMs: 120_000 })

const responses = (stdout: string) =>
  stdout
    .trim()
    .split("\n")
    .map((l) => JSON.parse(l) as PrecheckResponse)

describe("pnpm fundguard precheck", () => {
  it("replays the demo extract visit by visit and flags exactly what the nightly run flags", async () => {
    const codes = ruleLibrary.filter((r) => r.precheck).map((r) => r.code)
    const requests = await Effect.runPromise(
      Effect.scoped(Effect.flatMap(importExtractScoped(demoExtractDir), extractRequests))
    )
    // The nightly run with the region's parameters (the manifest's admdvs), as the worker runs it.
    const { params } = await Effect.runPromise(loadReferenceDir(demoExtractDir))
    const nightly = await Effect.runPromise(runScreening({ extract: demoExtractDir, rules: codes, params }))
    const run = await precheck(requests.map((r) => JSON.stringify(r)).join("\n"))
    expect(run.code, run.stderr).toBe(0)
    const answers = responses(run.stdout)
    expect(answers).toHaveLength(requests.length)
    expect(answers.filter((a) => a.infcode !== 0)).toEqual([])
    const warnings = answers.flatMap((a) => a.output?.result ?? [])
    expect(precheckDifferences(nightly.suspicions, warnings.map(comparedWarning), codes)).toEqual([])
    expect(new Set(warnings.map((w) => w.rule_id)).size).toBeGreaterThanOrEqual(8)
    // Each warning says what it is, why, and on which lines.
    const price = warnings.find((w) => w.rule_id === "PRICE_OVER_CAP")!
    expect(price).toMatchObject({ rule_name: expect.stringContaining("限价"), vola_amt_stas: "1", sev_deg: "1" })
    expect(price.vola_evid).toContain("第三十八条")
    expect(price.judge_result_detail_dtos[0]).toMatchObject({ vola_item_type: "1", mdtrt_id: price.mdtrt_id })
    // The same input gives the same answers (ids included): a batch replay can be compared run to run.
    const again = await precheck(
      requests
        .slice(0, 40)
        .map((r) => JSON.stringify(r))
        .join("\n")
    )
    expect(again.stdout).toBe(
      answers
        .slice(0, 40)
        .map((a) => `${JSON.stringify(a)}\n`)
        .join("")
    )
  }, 180_000)

  it("takes feedback on its warnings and answers bad lines by name, going on with the next", async () => {
    const [request] = await Effect.runPromise(
      Effect.scoped(Effect.flatMap(importExtractScoped(demoExtractDir), extractRequests))
    )
    const overCap = {
      infno: "3101",
      input: {
        data: {
          trig_scen: "6",
          patient_dtos: [
            {
              patn_id: "50023500000001",
              gend: "1",
              brdy: "1960-05-12",
              curr_mdtrt_id: "PRE-1",
              fsi_encounter_dtos: [
                {
                  mdtrt_id: "PRE-1",
                  medins_id: "H50023500001",
                  adm_date: "2025-03-14 08:30:00",
                  med_type: "11",
                  fsi_order_dtos: [
                    {
                      // 普通门诊诊查费 at 15 yuan where the 三级 ceiling is 10.
                      rx_id: "R1",
                      hilist_code: "001102000010000",
                      chrg_type: "01",
                      cnt: 1,
                      pric: 15,
                      sumamt: 15,
                      drord_begn_date: "2025-03-14 09:00:00",
                      extra_field_from_a_province: "kept out"
                    }
                  ]
                }
              ]
            }
          ]
        }
      }
    }
    const withoutGender = JSON.parse(JSON.stringify(overCap)) as typeof overCap & Record<string, never>
    delete (withoutGender.input.data.patient_dtos[0] as { gend?: string }).gend
    const lines = [
      JSON.stringify(request),
      "{not json",
      JSON.stringify(withoutGender),
      JSON.stringify({ infno: "9999" }),
      JSON.stringify({ infno: "3103", input: { data: { warn_rslt_id: "nope", dspo_way: "2" } } }),
      JSON.stringify(overCap)
    ]
    const first = await precheck(lines.join("\n"))
    expect(first.code, first.stderr).toBe(0)
    const answers = responses(first.stdout)
    expect(answers.map((a) => a.infcode)).toEqual([0, -1, -1, -1, -1, 0])
    expect(answers[1]!.err_msg).toContain("第 2 行不是有效的 JSON")
    expect(answers[2]!.err_msg).toContain("$.input.data.patient_dtos[0].gend")
    expect(answers[3]!.err_msg).toContain("$.infno")
    expect(answers[4]!.err_msg).toContain("warn_rslt_id")
    for (const a of answers) expect(a.err_msg ?? "").not.toMatch(/\bat .*\.(ts|js):\d+/)
    const warning = answers[5]!.output!.result.find((w) => w.rule_id === "PRICE_OVER_CAP")!
    expect(warning).toMatchObject({ mdtrt_id: "PRE-1", vola_amt: 5 })
    expect(warning.judge_result_detail_dtos).toMatchObject([{ rx_id: "R1", vola_item_type: "1", vola_amt: 5 }])
    // An override needs its reason; with one, it is taken (ids are the same run to run).
    const alone = responses((await precheck(JSON.stringify(overCap))).stdout)[0]!.output!.result[0]!
    const feedback = (way: string, reason?: string) =>
      JSON.stringify({
        infno: "3103",
        input: {
          data: { warn_rslt_id: alone.jr_id, dspo_way: way, ...(reason === undefined ? {} : { dspo_way_rea: reason }) }
        }
      })
    const second = await precheck(
      [JSON.stringify(overCap), feedback("1"), feedback("1", "患者病情需要"), feedback("2")].join("\n")
    )
    const [checked, noReason, override, edit] = responses(second.stdout)
    expect(checked!.output!.result[0]!.jr_id).toBe(alone.jr_id)
    expect(noReason!.err_msg).toContain("dspo_way_rea")
    expect(override).toEqual({ infcode: 0, err_msg: null, output: { result: [] } })
    expect(edit!.infcode).toBe(0)
  }, 120_000)

  it("exits 2 on an unreadable reference directory", async () => {
    const missing = await precheck("", join(work, "no-such-dir"))
    expect(missing.code).toBe(2)
    expect(missing.stderr).toContain("目录不存在")
  })
})
