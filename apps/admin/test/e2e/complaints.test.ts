/**
 * 举报投诉 in the browser: a supervisor records a complaint received long ago by phone — its acceptance
 * deadline shown overdue in red in the list — opens it, sees the informant masked, reveals the
 * identity after confirming with a reason (audited), and accepts it: the built UI, served by the real
 * API over SQLite, in headless Chromium.
 */
import { buildApp } from "@fundguard/api"
import { systemActor, upsertInstitutions, upsertUser } from "@fundguard/db"
import { addBureauUnit, createScratchDatabase, type ScratchDatabase } from "@fundguard/db/testing"
import { demoRegister } from "@fundguard/screening"
import type { Browser, Page } from "playwright-core"
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest"
import { dist, launchChromium, requireBuiltUiAndChromium, signIn, watchedPage } from "./chromium.js"
import type { ContractWatch, CspWatch } from "./guards.js"

const password = "complaints-test-password"

describe("举报投诉 in headless Chromium", () => {
  let scratch: ScratchDatabase
  let app: Awaited<ReturnType<typeof buildApp>>
  let browser: Browser
  let page: Page
  let base: string
  let csp: CspWatch
  let contracts: ContractWatch

  beforeAll(async () => {
    requireBuiltUiAndChromium()
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
    app = await buildApp({ db: scratch.db, adminDist: dist })
    base = await app.listen({ host: "127.0.0.1", port: 0 })
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

  it("records, shows the overdue deadline in red, masks and reveals the informant, accepts", async () => {
    await signIn(page, base, { username: "jihe", password, displayName: "王稽核" })

    await byTestId("nav-complaints").click()
    await byTestId("complaints-page").waitFor()
    await byTestId("complaint-new").click()
    // Received 40 days ago: more than 15 working days, whatever the holidays.
    const received = new Date(Date.now() - 40 * 86_400_000).toISOString().slice(0, 10)
    await byTestId("intake-received").fill(received)
    await byTestId("intake-institution").fill("H50023500001")
    await byTestId("intake-content").fill("县医院挂床住院")
    await byTestId("intake-name").fill("王小明")
    await byTestId("intake-submit").click()
    await expect.poll(() => byTestId("complaints-notice").textContent()).toContain("已登记举报")

    // The notice can show before the list is reloaded: wait for the recorded complaint's own row.
    const row = byTestId("complaints").locator("tbody tr", { hasText: "县医院挂床住院" })
    await expect.poll(async () => (await row.getAttribute("class")) ?? "").toContain("overdue")
    expect(await row.locator('[data-testid="complaint-next-due"]').textContent()).toContain("已逾期")
    const color = await row
      .locator("td")
      .first()
      .evaluate((td) => getComputedStyle(td).color)
    // The theme's danger colour (--fg-danger): red.
    const [r = 0, g = 0, b = 0] = (color.match(/\d+/g) ?? []).map(Number)
    expect(r > 150 && g < 80 && b < 80, color).toBe(true)

    await row.locator("button.link").click()
    await byTestId("complaint-detail").waitFor()
    expect(await byTestId("informant").textContent()).toContain("王**")
    expect(await byTestId("informant").textContent()).not.toContain("王小明")
    page.once("dialog", (dialog) => void dialog.accept("联系举报人补充材料"))
    await byTestId("informant-reveal").click()
    await expect.poll(() => byTestId("informant").textContent()).toContain("王小明")
    const reveals = await scratch.db.auditEvent.findMany({ where: { action: "informant.reveal" } })
    expect(reveals.map((r) => r.details)).toEqual([expect.objectContaining({ reason: "联系举报人补充材料" })])

    await byTestId("triage-submit").click()
    await expect.poll(() => byTestId("complaint-title").textContent()).toContain("已受理")
  }, 120_000)
})
