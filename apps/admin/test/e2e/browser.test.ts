/**
 * The browser test: the built admin UI, served by the real API over a real (SQLite) database, driven
 * in headless Chromium (Debian's, via playwright-core — nothing downloaded). `pnpm test` provides
 * CHROMIUM_PATH and builds the UI first.
 */
import { buildApp } from "@fundguard/api"
import { systemActor, upsertInstitutions, upsertUser } from "@fundguard/db"
import { addBureauUnit, createScratchDatabase, type ScratchDatabase } from "@fundguard/db/testing"
import type { Institution } from "@fundguard/domain/kernel"
import { existsSync, mkdirSync } from "node:fs"
import { join } from "node:path"
import { chromium, type Browser, type Page } from "playwright-core"
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest"
import { watchContracts, watchCsp, type ContractWatch, type CspWatch } from "./guards.js"

const dist = join(import.meta.dirname, "..", "..", "dist")
const chromiumPath = process.env["CHROMIUM_PATH"] ?? "/usr/bin/chromium"
const password = "browser-test-password"

describe("admin UI in headless Chromium", () => {
  let scratch: ScratchDatabase
  let app: Awaited<ReturnType<typeof buildApp>>
  let browser: Browser
  let page: Page
  let base: string
  let csp: CspWatch
  let contracts: ContractWatch

  beforeAll(async () => {
    if (!existsSync(join(dist, "index.html"))) throw new Error(`the admin UI is not built (${dist}): run \`pnpm test\``)
    if (!existsSync(chromiumPath))
      throw new Error(`Chromium not found at ${chromiumPath}: sudo apt-get install -y chromium`)
    scratch = await createScratchDatabase("sqlite")
    // Staff see the data of their unit: the bureau's own unit sees everything.
    const unitId = await addBureauUnit(scratch.db)
    await upsertUser(scratch.db, systemActor(), {
      username: "jihe",
      displayName: "王稽核",
      role: "supervisor",
      department: "基金监管科",
      unitId,
      password
    })
    await upsertInstitutions(scratch.db, systemActor(), [
      {
        code: "H50023500001",
        name: "奉节县人民医院",
        orgKind: "public_hospital",
        hospitalLevel: "1",
        admdvs: "500235",
        approvedBeds: 600,
        supervisorCode: null
      } as unknown as Institution
    ])
    app = await buildApp({ db: scratch.db, adminDist: dist })
    base = await app.listen({ host: "127.0.0.1", port: 0 })
    browser = await chromium.launch({
      executablePath: chromiumPath,
      args: [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-quic"
      ]
    })
    page = await browser.newPage({ locale: "zh-CN", viewport: { width: 1400, height: 1000 } })
    csp = await watchCsp(page)
    contracts = watchContracts(page)
    page.on("pageerror", (error) => {
      throw error
    })
  })

  afterEach(() => {
    // The UI runs under the API's strict Content-Security-Policy: nothing it does may be refused.
    expect(csp.violations).toEqual([])
    // Every answer of the API fits its endpoint's contract.
    expect(contracts.mismatches).toEqual([])
  })

  afterAll(async () => {
    await browser?.close()
    await app?.close()
    await scratch?.dispose()
  })

  const byTestId = (id: string) => page.locator(`[data-testid="${id}"]`)

  it("signs in, lists institutions, and computes a penalty with its reasons", async () => {
    await page.goto(`${base}/#/login`)
    await byTestId("login-username").fill("jihe")
    await byTestId("login-password").fill("wrong")
    await byTestId("login-submit").click()
    await expect.poll(() => byTestId("login-error").textContent()).toContain("用户名或密码错误")

    await byTestId("login-password").fill(password)
    await byTestId("login-submit").click()
    await byTestId("current-user").waitFor()
    expect(await byTestId("current-user").textContent()).toContain("王稽核")

    await byTestId("nav-institutions").click()
    await byTestId("institutions-grid").waitFor()
    await expect.poll(() => byTestId("institutions-grid").textContent()).toContain("奉节县人民医院")

    await byTestId("nav-penalty").click()
    await byTestId("penalty-form").waitFor()
    await byTestId("penalty-violation-0-code").selectOption("A38-2-OVER_PRESCRIPTION")
    await byTestId("penalty-violation-0-amount").fill("13791.6")
    await byTestId("penalty-violation-0-from").fill("2024-01-01")
    await byTestId("penalty-violation-0-from").press("Enter")
    await byTestId("penalty-violation-0-to").fill("2024-12-31")
    await byTestId("penalty-violation-0-to").press("Enter")
    await byTestId("penalty-factor-firstOffence").click()
    await byTestId("penalty-factor-refundedInFullByDeadline").click()
    await byTestId("penalty-submit").click()

    await byTestId("penalty-result").waitFor()
    expect(await byTestId("result-outcome").getAttribute("data-outcome")).toBe("penalty")
    expect(await byTestId("result-item-grade-0").getAttribute("data-grade")).toBe("从轻")
    expect(await byTestId("result-fine-recommended-total").textContent()).toContain("13,791.60")
    expect(await byTestId("result-item-explanation-0").textContent()).toContain("第三十八条")
    expect(await byTestId("result-transfer-0").getAttribute("data-to")).toBe("health_commission")
    // The precedent basis of the recommendation, and the similar published decisions with their sources.
    expect(await byTestId("result-item-precedents-0").textContent()).toMatch(
      /同类公开案例\d+件（条例第三十八条、定点医疗机构、无从重情节/
    )
    expect(await byTestId("result-similar").locator("tbody tr").count()).toBeGreaterThan(0)
    expect(await byTestId("result-similar").locator("a").first().getAttribute("href")).toMatch(/^https?:\/\//)
    expect(await byTestId("result-benchmark-confidence").textContent()).not.toBe("")

    mkdirSync(join(import.meta.dirname, "..", "..", "test-results"), { recursive: true })
    await page.screenshot({
      path: join(import.meta.dirname, "..", "..", "test-results", "penalty.png"),
      fullPage: true
    })
  })

  it("prints the decision draft alone, and assesses an Art.39 refusal with a fixed fine", async () => {
    // The previous test left the spec's example assessed on the 处罚裁量 page.
    expect(await byTestId("penalty-draft-title").textContent()).toBe("行政处罚决定书（草稿）")
    expect(await byTestId("penalty-draft").textContent()).toContain("处罚款13,791.60元")
    await page.evaluate(() => {
      const w = window as unknown as { printed: number; print: () => void }
      w.printed = 0
      w.print = () => void w.printed++
    })
    await byTestId("penalty-print").click()
    expect(await page.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1)
    await page.emulateMedia({ media: "print" })
    expect(await byTestId("penalty-draft-title").isVisible()).toBe(true)
    expect(await byTestId("penalty-form").isVisible()).toBe(false)
    expect(await byTestId("nav-penalty").isVisible()).toBe(false)
    await page.screenshot({
      path: join(import.meta.dirname, "..", "..", "test-results", "penalty-draft-print.png"),
      fullPage: true
    })
    await page.emulateMedia({ media: "screen" })

    await byTestId("penalty-violation-0-code").selectOption("A39-7-REFUSED_INSPECTION")
    await byTestId("penalty-violation-0-refused").click()
    await byTestId("penalty-submit").click()
    await expect.poll(() => byTestId("result-item-fine-recommended-0").textContent()).toContain("10,000.00")
    expect(await byTestId("result-item-grade-0").getAttribute("data-grade")).toBe("从轻")
    expect(await byTestId("result-item-law-0").textContent()).toContain("第三十九条")
  })
})
