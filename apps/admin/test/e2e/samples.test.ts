/**
 * 抽样推算 in the browser: a supervisor draws a sample of a demo institution's settled claims from the
 * extract a screening run used (with a recorded seed), reviews three claims as overpaid and the rest
 * as right — an amount above what the fund paid refused next to its claim — concludes, and reads the
 * error rate, the point estimate, the interval and 可追回金额（下限） with the method in words on the
 * page: the built UI, served by the real API over SQLite (the frame read from the demo extract with
 * DuckDB), in headless Chromium.
 */
import { buildApp } from "@fundguard/api"
import { finishRun, startRun, systemActor, upsertInstitutions, upsertUser } from "@fundguard/db"
import { addBureauUnit, createScratchDatabase, type ScratchDatabase } from "@fundguard/db/testing"
import { defaultSamplingParameters, extrapolateOverpayment } from "@fundguard/domain/enforcement"
import { demoExtractDir, demoRegister } from "@fundguard/screening"
import * as Either from "effect/Either"
import { existsSync } from "node:fs"
import { join } from "node:path"
import { chromium, type Browser, type Page } from "playwright-core"
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest"
import { signIn } from "./chromium.js"
import { watchContracts, watchCsp, type ContractWatch, type CspWatch } from "./guards.js"

const dist = join(import.meta.dirname, "..", "..", "dist")
const chromiumPath = process.env["CHROMIUM_PATH"] ?? "/usr/bin/chromium"
const password = "samples-test-password"
const yuan = (n: number) => n.toLocaleString("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 })

describe("抽样推算 in headless Chromium", () => {
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
    const unitId = await addBureauUnit(scratch.db)
    await upsertUser(scratch.db, systemActor(), {
      username: "jihe",
      displayName: "王稽核",
      role: "supervisor",
      department: "基金监管科",
      unitId,
      password
    })
    await upsertInstitutions(scratch.db, systemActor(), demoRegister())
    const run = await startRun(scratch.db, systemActor("seed"), {
      trigger: "seed",
      extract: demoExtractDir,
      admdvs: "500235",
      periodFrom: "2025-01-01",
      periodTo: "2025-03-31",
      params: {}
    })
    await finishRun(scratch.db, systemActor("seed"), run.id, { rules: [], suspicions: [] })

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

  it("draws, reviews every claim, concludes and shows the interval", async () => {
    await signIn(page, base, { username: "jihe", password, displayName: "王稽核" })

    await byTestId("nav-samples").click()
    await byTestId("samples-page").waitFor()
    await byTestId("draw-institution").fill("H50023500010")
    await expect.poll(() => byTestId("draw-run").locator("option").count()).toBe(1)
    await byTestId("draw-size").fill("8")
    await byTestId("draw-seed").fill("奉节-2025Q1-H010")
    await byTestId("draw-submit").click()
    await byTestId("sample-page").waitFor()
    expect(await byTestId("sample-seed").textContent()).toBe("奉节-2025Q1-H010")
    expect(await byTestId("sample-facts").textContent()).toContain("46 笔有效结算")

    // What the fund paid for each sampled claim, as the page shows it.
    const paid: Array<number> = []
    for (let position = 1; position <= 8; position++)
      paid.push(Number((await byTestId(`paid-${position}`).textContent())!.replaceAll(",", "")))
    expect(paid.every((p) => p > 0)).toBe(true)

    // More than the fund paid: refused next to the claim, nothing recorded.
    await byTestId("overpaid-1").fill(String(paid[0]! + 100))
    await byTestId("reason-1").fill("超标准收费")
    await byTestId("save-1").click()
    expect(await byTestId("problem-1").textContent()).toContain("基金支付")

    // Three claims overpaid (half of what was paid, rounded to the fen), the rest right.
    const overpaid = paid.map((p, i) => (i < 3 ? Math.round(p * 50) / 100 : 0))
    for (let position = 1; position <= 8; position++) {
      await byTestId(`overpaid-${position}`).fill(String(overpaid[position - 1]))
      await byTestId(`reason-${position}`).fill(position <= 3 ? "串换诊疗项目" : "")
      await byTestId(`save-${position}`).click()
      await expect.poll(() => byTestId(`save-${position}`).textContent()).toBe("更新")
    }
    await byTestId("conclude").click()
    await byTestId("sample-result").waitFor()

    const expected = Either.getOrThrow(
      extrapolateOverpayment(
        { frameSize: 46, sample: paid.map((p, i) => ({ id: String(i), paid: p, overpaid: overpaid[i]! })) },
        defaultSamplingParameters
      )
    )
    expect(await byTestId("result-error-rate").textContent()).toBe("37.5%（3 笔有违规）")
    expect(await byTestId("result-point").textContent()).toBe(`${yuan(expected.pointEstimate)} 元`)
    expect(await byTestId("result-interval").textContent()).toBe(
      `${yuan(expected.lowerLimit)} 元 至 ${yuan(expected.upperLimit)} 元`
    )
    expect(await byTestId("result-recoverable").textContent()).toBe(`${yuan(expected.recoverable)} 元`)
    expect(expected.lowerLimit).toBeLessThanOrEqual(expected.pointEstimate)
    expect(expected.pointEstimate).toBeLessThanOrEqual(expected.upperLimit)
    expect(await byTestId("result-method").textContent()).toContain("单侧 90% 置信下限")
    expect(await byTestId("result-warning").first().textContent()).toContain("样本量 8 小于 30")
    // Concluded: the inputs are gone, the reviews are shown as recorded.
    expect(await byTestId("overpaid-1").count()).toBe(0)
    expect(await byTestId("conclude").count()).toBe(0)
  })
})
