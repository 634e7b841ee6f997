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

/** A 3101 request of one visit with one line: 普通门诊诊查费 (ceiling 10 yuan at a 三级 hospital). */
const claim = (visit: { id: string; patient: string; medins: string; day: string; line: string; price: number }) => ({
  infno: "3101",
  input: {
    data: {
      trig_scen: "6",
      patient_dtos: [
        {
          patn_id: visit.patient,
          gend: "1",
          brdy: "1960-05-12",
          curr_mdtrt_id: visit.id,
          fsi_encounter_dtos: [
            {
              mdtrt_id: visit.id,
              medins_id: visit.medins,
              adm_date: `${visit.day} 08:30:00`,
              med_type: "11",
              fsi_order_dtos: [
                {
                  rx_id: visit.line,
                  hilist_code: "001102000010000",
                  chrg_type: "01",
                  cnt: 1,
                  pric: visit.price,
                  sumamt: visit.price,
                  drord_begn_date: `${visit.day} 09:00:00`
                }
              ]
            }
          ]
        }
      ]
    }
  }
})

/** What an institution's system gets from the door with its key. */
const precheck = async (base: string, key: string, body: unknown) =>
  (
    await fetch(`${base}/api/v1/precheck`, {
      method: "POST",
      headers: { authorization: `Bearer ${key}`, "content-type": "application/json" },
      body: JSON.stringify(body)
    })
  ).json() as Promise<{ infcode: number; output: { result: Array<{ jr_id: string }> } | null }>

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
    await upsertUser(scratch.db, systemActor(), {
      username: "admin",
      displayName: "管理员",
      role: "admin",
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
    const call = (body: unknown) => precheck(base, key, body)
    const warned = await call(
      claim({ id: "M-E2E-1", patient: "50023500000001", medins: HOSPITAL, day: "2025-03-14", line: "F-1", price: 15 })
    )
    const jr = warned.output!.result[0]!.jr_id
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

  it("gives an institution its interface key, shown once; a rotated or revoked key stops working", async () => {
    const admin = await watchedPage(browser)
    const at = (id: string) => admin.page.locator(`[data-testid="${id}"]`)
    // What the institution's system gets with a key: 0 for a check of its own claim, -1 when refused.
    const check = async (key: string) =>
      (
        await precheck(
          base,
          key,
          claim({
            id: "M-E2E-KEY",
            patient: "50023500000009",
            medins: "H50023500002",
            day: "2025-03-20",
            line: "K-1",
            price: 5
          })
        )
      ).infcode
    try {
      await signIn(admin.page, base, { username: "admin", password, displayName: "管理员" })
      await admin.page.goto(`${base}/#/precheck`)
      await at("precheck-page").waitFor()
      await at("precheck-client-code").fill("H50023500002")
      await at("precheck-client-name").fill("中医院HIS")
      await at("precheck-client-create").click()
      const shown = async () => ((await at("precheck-client-key").locator("code").textContent()) ?? "").trim()
      await at("precheck-client-key").waitFor()
      const first = await shown()
      expect(first).toMatch(/^fgi_/)
      expect(await check(first)).toBe(0)
      const row = at("precheck-client-list").locator("tbody tr", { hasText: "中医院HIS" })
      const id = ((await row.locator("button").first().getAttribute("data-testid")) ?? "").replace(
        "precheck-client-rotate-",
        ""
      )

      await at(`precheck-client-rotate-${id}`).click()
      await expect.poll(shown).not.toBe(first)
      const second = await shown()
      expect(await check(first)).toBe(-1)
      expect(await check(second)).toBe(0)

      await at(`precheck-client-revoke-${id}`).click()
      await expect.poll(async () => (await row.locator("td").nth(5).textContent())?.trim()).toBe("已停用")
      // Nothing to show after a revocation, and the key no longer works.
      expect(await at("precheck-client-key").count()).toBe(0)
      expect(await check(second)).toBe(-1)
      expect(admin.csp.violations).toEqual([])
      expect(admin.contracts.mismatches).toEqual([])
    } finally {
      await admin.page.close()
    }
  })
})
