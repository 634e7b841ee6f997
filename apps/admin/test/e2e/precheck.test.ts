/**
 * 事前提醒 linked to the nightly lead, in the browser: the county hospital's system checks a claim before
 * settlement (3101, with its interface key) and is warned of a price over the ceiling; the doctor overrides
 * the warning with a reason (3103); the nightly run flags the same line; a supervisor opening the lead sees
 * the warning, when it was given, and that the hospital went on anyway with its reason. The built UI, served
 * by the real API over SQLite, in headless Chromium.
 */
import { buildApp } from "@fundguard/api"
import {
  createInstitutionClient,
  finishRun,
  startRun,
  systemActor,
  upsertInstitutions,
  upsertUser
} from "@fundguard/db"
import { addBureauUnit, createScratchDatabase, type ScratchDatabase } from "@fundguard/db/testing"
import { demoExtractDir, demoRegister } from "@fundguard/screening"
import type { Browser, Page } from "playwright-core"
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest"
import { dist, launchChromium, requireBuiltUiAndChromium, signIn, watchedPage } from "./chromium.js"
import type { ContractWatch, CspWatch } from "./guards.js"

const password = "precheck-test-password"
const HOSPITAL = "H50023500001"

describe("事前提醒 and the nightly lead in headless Chromium", () => {
  let scratch: ScratchDatabase
  let app: Awaited<ReturnType<typeof buildApp>>
  let browser: Browser
  let page: Page
  let base: string
  let csp: CspWatch
  let contracts: ContractWatch
  let lead = ""

  beforeAll(async () => {
    requireBuiltUiAndChromium()
    scratch = await createScratchDatabase("sqlite")
    const unitId = await addBureauUnit(scratch.db)
    await upsertUser(scratch.db, systemActor(), {
      username: "jihe",
      displayName: "王稽核",
      role: "supervisor",
      department: null,
      unitId,
      password
    })
    await upsertInstitutions(scratch.db, systemActor(), demoRegister())
    const { key } = await createInstitutionClient(
      scratch.db,
      { institutionCode: HOSPITAL, name: "县医院HIS" },
      systemActor()
    )
    app = await buildApp({ db: scratch.db, adminDist: dist, precheckReference: demoExtractDir })
    base = await app.listen({ host: "127.0.0.1", port: 0 })

    // The hospital's system, before settlement: 普通门诊诊查费 at 15 yuan where the 三级 ceiling is 10.
    const call = async (body: unknown) =>
      (
        await fetch(`${base}/api/v1/precheck`, {
          method: "POST",
          headers: { authorization: `Bearer ${key}`, "content-type": "application/json" },
          body: JSON.stringify(body)
        })
      ).json() as Promise<{ infcode: number; output: { result: Array<{ jr_id: string }> } }>
    const warned = await call({
      infno: "3101",
      input: {
        data: {
          trig_scen: "6",
          patient_dtos: [
            {
              patn_id: "50023500000001",
              gend: "1",
              brdy: "1960-05-12",
              curr_mdtrt_id: "M-E2E-1",
              fsi_encounter_dtos: [
                {
                  mdtrt_id: "M-E2E-1",
                  medins_id: HOSPITAL,
                  adm_date: "2025-03-14 08:30:00",
                  med_type: "11",
                  fsi_order_dtos: [
                    {
                      rx_id: "F-1",
                      hilist_code: "001102000010000",
                      chrg_type: "01",
                      cnt: 1,
                      pric: 15,
                      sumamt: 15,
                      drord_begn_date: "2025-03-14 09:00:00"
                    }
                  ]
                }
              ]
            }
          ]
        }
      }
    })
    const jr = warned.output.result[0]!.jr_id
    expect(
      (await call({ infno: "3103", input: { data: { warn_rslt_id: jr, dspo_way: "1", dspo_way_rea: "患者要求" } } }))
        .infcode
    ).toBe(0)

    // The nightly run flags the same line.
    const run = await startRun(scratch.db, systemActor("test"), {
      trigger: "cli",
      extract: "/srv/extracts/500235-2025-03",
      admdvs: "500235",
      periodFrom: null,
      periodTo: null,
      params: {}
    })
    await finishRun(scratch.db, systemActor("test"), run.id, {
      rules: [{ code: "PRICE_OVER_CAP", version: 1, status: "ran", count: 1, durationMs: 1 }],
      suspicions: [
        {
          rule: "PRICE_OVER_CAP",
          ruleVersion: 1,
          level: "line",
          fixmedins_code: HOSPITAL,
          psn_no: "50023500000001",
          mdtrt_id: "M-E2E-1",
          setl_id: null,
          feedetl_sn: ["F-1"],
          med_list_codg: "001102000010000",
          date: "2025-03-14",
          amount: 5,
          violation: "A38-3-OVER_STANDARD_CHARGE",
          evidence: {},
          message: "普通门诊诊查费：单价 15.00 元超过三级医院限价 10.00 元"
        }
      ]
    })
    lead = (await scratch.db.suspicion.findFirstOrThrow({ where: { mdtrtId: "M-E2E-1" } })).id
    browser = await launchChromium()
    ;({ page, csp, contracts } = await watchedPage(browser))
  }, 120_000)

  afterEach(() => {
    expect(csp.violations).toEqual([])
    expect(contracts.mismatches).toEqual([])
  })

  afterAll(async () => {
    await browser?.close()
    await app?.close()
    await scratch?.dispose()
  })

  const byTestId = (id: string) => page.locator(`[data-testid="${id}"]`)

  it("shows on the lead the warning given before settlement and the hospital's override with its reason", async () => {
    await signIn(page, base, { username: "jihe", password, displayName: "王稽核" })

    await page.goto(`${base}/#/suspicions/${lead}`)
    await byTestId("detail-precheck").waitFor()
    const warning = byTestId("precheck-warning")
    expect(await warning.getAttribute("data-disposition")).toBe("override")
    const text = (await warning.textContent()) ?? ""
    expect(text).toContain("限价 10.00 元")
    expect(text).toContain("继续执行（未修改）")
    expect(text).toContain("患者要求")

    // 事前提醒: the hospital's warnings of March, one overridden.
    await byTestId("nav-precheck").click()
    await byTestId("precheck-page").waitFor()
    await byTestId("precheck-from").fill("2025-03-01")
    await byTestId("precheck-to").fill("2025-03-31")
    await byTestId("precheck-load").click()
    const row = byTestId("precheck-institutions").locator("tbody tr", { hasText: "奉节县人民医院" })
    await row.waitFor()
    const cells = await row.locator("td").allTextContents()
    // 机构, 提醒, 返回修改, 继续执行, 继续执行率
    expect(cells.slice(0, 5)).toEqual(["奉节县人民医院", "1", "0", "1", "100.0%"])
  })
})
