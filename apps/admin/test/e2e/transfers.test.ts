/**
 * 部门移送 in the browser, with three people each in their own browser: a supervisor drafts a transfer to
 * the county health commission, the head (administrator) approves it, the supervisor sends it; the health
 * commission's user finds it in its inbox, signs the receipt and asks for a missing document; the
 * supervisor supplements it; the commission posts its result — and both sides read the signed receipt.
 * The built UI, served by the real API over SQLite, in headless Chromium.
 */
import { buildApp } from "@fundguard/api"
import { systemActor, upsertInstitutions, upsertUser } from "@fundguard/db"
import { addBureauUnit, createScratchDatabase, type ScratchDatabase } from "@fundguard/db/testing"
import { demoRegister } from "@fundguard/screening"
import type { Browser, Page } from "playwright-core"
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest"
import { dist, launchChromium, requireBuiltUiAndChromium, watchedPage } from "./chromium.js"
import type { ContractWatch, CspWatch } from "./guards.js"

const password = "transfers-test-password"

describe("部门移送 in headless Chromium", () => {
  let scratch: ScratchDatabase
  let app: Awaited<ReturnType<typeof buildApp>>
  let browser: Browser
  let base: string
  const watches: Array<{ csp: CspWatch; contracts: ContractWatch }> = []

  beforeAll(async () => {
    requireBuiltUiAndChromium()
    scratch = await createScratchDatabase("sqlite")
    const unitId = await addBureauUnit(scratch.db)
    const people = [
      { username: "jihe", displayName: "王稽核", role: "supervisor", department: "基金监管科", unitId },
      { username: "admin", displayName: "李局长", role: "admin", department: "医疗保障局", unitId },
      {
        username: "weijian",
        displayName: "县卫健委 刘某",
        role: "department",
        department: "奉节县卫生健康委员会",
        unitId: null
      }
    ] as const
    for (const p of people) await upsertUser(scratch.db, systemActor(), { ...p, password })
    await upsertInstitutions(scratch.db, systemActor(), demoRegister())
    app = await buildApp({ db: scratch.db, adminDist: dist })
    base = await app.listen({ host: "127.0.0.1", port: 0 })
    browser = await launchChromium()
  }, 120_000)

  afterEach(() => {
    for (const w of watches) {
      expect(w.csp.violations).toEqual([])
      expect(w.contracts.mismatches).toEqual([])
    }
  })

  afterAll(async () => {
    await browser?.close()
    await app?.close()
    await scratch?.dispose()
  })

  /** A person signed in in a browser of their own. */
  const signedIn = async (username: string, name: string): Promise<Page> => {
    const { page, csp, contracts } = await watchedPage(browser)
    watches.push({ csp, contracts })
    await page.goto(`${base}/#/login`)
    await page.locator('[data-testid="login-username"]').fill(username)
    await page.locator('[data-testid="login-password"]').fill(password)
    await page.locator('[data-testid="login-submit"]').click()
    await expect.poll(() => page.locator('[data-testid="current-user"]').textContent()).toContain(name)
    return page
  }
  const on = (page: Page) => (id: string) => page.locator(`[data-testid="${id}"]`)
  const status = (page: Page) => on(page)("transfer-status").textContent()
  const takeStep = async (page: Page, kind: string, fill: Record<string, string> = {}) => {
    await on(page)(`step-${kind}`).click()
    for (const [id, value] of Object.entries(fill)) {
      const field = on(page)(id)
      if ((await field.evaluate((e) => e.tagName)) === "SELECT") await field.selectOption(value)
      else await field.fill(value)
    }
    await on(page)("step-submit").click()
  }

  it("sends a transfer, which the health commission signs for, asks to supplement, and answers", async () => {
    const institution = demoRegister().find((i) => i.orgKind !== "pharmacy")!
    const officer = await signedIn("jihe", "王稽核")
    const o = on(officer)
    await o("nav-transfers").click()
    await o("transfers-page").waitFor()
    await o("transfer-new-outgoing").click()
    await o("transfer-department").selectOption("health_commission")
    await o("transfer-institution").fill(institution.code)
    await o("transfer-violations").fill("A38-2-OVER_EXAMINATION")
    await o("transfer-officers").fill("王稽核，张稽核")
    await o("transfer-facts").fill("无指征开展CT检查312人次")
    await o("material-title-0").fill("医保基金使用违法违规案件移送书")
    await o("material-add").click()
    await o("material-title-1").fill("违法违规明细及证据材料")
    await o("material-pages-1").fill("36")
    await o("transfer-save").click()
    await o("transfer-page").waitFor()
    await expect.poll(() => status(officer)).toContain("待负责人审批")
    // The drafter is offered no approval: the head approves.
    expect(await o("step-approve").count()).toBe(0)
    const transferUrl = officer.url()

    const head = await signedIn("admin", "李局长")
    await head.goto(transferUrl)
    await on(head)("transfer-page").waitFor()
    await takeStep(head, "approve")
    await expect.poll(() => status(head)).toContain("已批准待移送")

    await officer.reload()
    await takeStep(officer, "send")
    await expect.poll(() => status(officer)).toContain("已移送待签收")
    expect(await o("transfer-title").textContent()).toMatch(/医保案移〔\d{4}〕1号/)

    // The health commission: its inbox is its first page; it signs, then asks for a document.
    const commission = await signedIn("weijian", "县卫健委 刘某")
    const c = on(commission)
    await c("inbox-page").waitFor()
    expect(await c("nav-transfers").count()).toBe(0)
    await c("inbox-list").locator("a").first().click()
    await c("transfer-page").waitFor()
    expect(await c("step-request_supplement").count()).toBe(0)
    await takeStep(commission, "receive", { "step-signed-by": "县卫健委 刘某" })
    await expect.poll(() => status(commission)).toContain("已签收办理中")
    await takeStep(commission, "request_supplement", { "step-missing": "CT检查适应证鉴定意见" })
    await expect.poll(() => status(commission)).toContain("待补正材料")

    await officer.reload()
    await takeStep(officer, "supplement", { "step-material-title": "CT检查适应证鉴定意见", "step-material-pages": "4" })
    await expect.poll(() => status(officer)).toContain("已签收办理中")

    await commission.reload()
    await takeStep(commission, "result", { "step-outcome": "disciplined", "step-summary": "对涉事医师给予警告" })
    await expect.poll(() => status(commission)).toContain("已办结")

    // Both sides read the receipt the commission signed.
    await officer.reload()
    await o("doc-receipt-html").click()
    await expect
      .poll(() => o("doc-preview").evaluate((f) => (f as HTMLIFrameElement).contentDocument?.body.textContent ?? ""))
      .toContain("县卫健委 刘某")
    expect(await o("transfer-events").textContent()).toContain("反馈处理结果")
  }, 120_000)
})
