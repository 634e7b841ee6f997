/**
 * 信用与记分 in the browser: a supervisor registers a doctor of the county hospital, records points on
 * the practitioner's page against two decided penalty cases — a score outside the case's tier refused
 * with the tier named — until 12 points in the year terminate the payment qualification, shown with its
 * dates; the hospital's credit record shows its events and counts and says why there is no grade; a
 * reviewer sees the doctor's name masked. The built UI, served by the real API over SQLite, in
 * headless Chromium.
 */
import { buildApp } from "@fundguard/api"
import { systemActor, upsertInstitutions, upsertUser } from "@fundguard/db"
import { addBureauUnit, createScratchDatabase, type ScratchDatabase } from "@fundguard/db/testing"
import { decidePenaltyCase, type CaseRequester } from "@fundguard/demo"
import { weekendsOnlyCalendar } from "@fundguard/domain/kernel"
import { demoRegister } from "@fundguard/screening"
import type { Browser, Page } from "playwright-core"
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest"
import { dist, launchChromium, requireBuiltUiAndChromium, watchedPage } from "./chromium.js"
import type { ContractWatch, CspWatch } from "./guards.js"

const password = "credit-test-password"

describe("信用与记分 in headless Chromium", () => {
  let scratch: ScratchDatabase
  let app: Awaited<ReturnType<typeof buildApp>>
  let browser: Browser
  let page: Page
  let base: string
  let csp: CspWatch
  let contracts: ContractWatch
  const cases: Array<string> = []

  beforeAll(async () => {
    requireBuiltUiAndChromium()
    scratch = await createScratchDatabase("sqlite")
    const unitId = await addBureauUnit(scratch.db)
    const officer = async (username: string, displayName: string, role: CaseRequester["role"]) => {
      const user = await upsertUser(scratch.db, systemActor(), {
        username,
        displayName,
        role,
        department: null,
        unitId,
        password
      })
      return { actor: { id: user.id, name: displayName, ip: null }, role } satisfies CaseRequester
    }
    const officers = {
      handler: await officer("shenhe", "李审核", "reviewer"),
      reviewer: await officer("jihe", "王稽核", "supervisor"),
      approver: await officer("juzhang", "刘局长", "admin")
    }
    await upsertInstitutions(scratch.db, systemActor(), demoRegister())
    for (const [reference, openedOn, code, amount] of [
      ["JB-E2E-1", "2026-09-01", "A38-3-OVER_STANDARD_CHARGE", 6000],
      ["JB-E2E-2", "2026-10-01", "A38-2-OVER_PRESCRIPTION", 8000]
    ] as const)
      cases.push(
        (
          await decidePenaltyCase(
            scratch.db,
            // Setting up only: 14 days between notice and decision pass the statement period on any calendar.
            { calendar: weekendsOnlyCalendar(2026, 2027), evidenceDir: "/tmp/fundguard-e2e-credit-none" },
            {
              institutionCode: "H50023500001",
              summary: `违规金额 ${amount} 元`,
              reference,
              facts: {
                subject: { kind: "institution", orgKind: "public_hospital", hospLv: "1" },
                violations: [{ code, amount, occurredFrom: "2026-06-01", occurredTo: "2026-06-30" }]
              },
              openedOn,
              officers
            }
          )
        ).id
      )

    // The bureau's clock is fixed, so that the status shown is that of a known day (the session lasts
    // long enough for the browser's own clock, which the session's expiry is checked against).
    app = await buildApp({
      db: scratch.db,
      adminDist: dist,
      now: () => new Date("2026-12-01T02:00:00Z"),
      sessionTtlMinutes: 60 * 24 * 3650
    })
    base = await app.listen({ host: "127.0.0.1", port: 0 })
    browser = await launchChromium()
    ;({ page, csp, contracts } = await watchedPage(browser))
  }, 180_000)

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
  const signIn = async (username: string, name: string) => {
    if ((await byTestId("logout").count()) > 0) {
      await byTestId("logout").click()
      await byTestId("login-username").waitFor()
    }
    await page.goto(`${base}/#/login`)
    await byTestId("login-username").fill(username)
    await byTestId("login-password").fill(password)
    await byTestId("login-submit").click()
    await expect.poll(() => byTestId("current-user").textContent()).toContain(name)
  }

  it("registers a doctor, scores 12 points in a year and shows the termination with its dates", async () => {
    await signIn("jihe", "王稽核")
    await byTestId("nav-credit").click()
    await byTestId("credit-page").waitFor()
    await byTestId("person-code").fill("D500235000001")
    await byTestId("person-name").fill("王大明")
    await byTestId("person-institution").fill("H50023500001")
    await byTestId("person-submit").click()
    await expect.poll(() => byTestId("practitioners").textContent()).toContain("王大明")

    await byTestId("practitioner-link").first().click()
    await byTestId("practitioner-page").waitFor()
    expect(await byTestId("practitioner-status").textContent()).toContain("正常（本年 0 分，距暂停 9 分）")
    const score = async (date: string, points: string, caseId: string) => {
      await byTestId("points-date").fill(date)
      await byTestId("points-value").fill(points)
      await byTestId("points-source").fill(caseId)
      await byTestId("points-event").fill("机构因条例第三十八条受到行政处罚，本人负有责任")
      await byTestId("points-submit").click()
    }
    // Outside the tier the case's decision allows: refused, naming the tier.
    await score("2026-09-20", "7", cases[0]!)
    await expect.poll(() => byTestId("error-alert").textContent()).toContain("4–6分")
    await score("2026-09-20", "6", cases[0]!)
    await expect.poll(() => byTestId("practitioner-status").textContent()).toContain("正常（本年 6 分，距暂停 3 分）")
    await score("2026-10-20", "6", cases[1]!)
    await expect
      .poll(() => byTestId("practitioner-status").textContent())
      .toContain("终止医保支付资格 2026-10-20 至 2027-10-19（2027-10-20 起可重新登记备案（1年））")
    expect(await byTestId("points-per-year").textContent()).toContain("12")
    expect(await byTestId("periods").textContent()).toContain("1 年内不得再次登记备案")

    await page.getByRole("link", { name: "奉节县人民医院" }).click()
    await byTestId("institution-credit-page").waitFor()
    expect(await byTestId("grade-note").textContent()).toContain("不评定等级")
    const counts = await byTestId("credit-counts").textContent()
    expect(counts).toContain("行政处罚决定")
    expect(counts).toContain("相关人员医保支付资格记分")
    // Two decisions, two scores, and the two rectification orders the decisions issued (due 30 days
    // after each), past their deadline without a report on 1 December.
    expect(counts).toContain("整改逾期未报")
    expect(await byTestId("credit-events").locator("tbody tr").count()).toBe(6)
  })

  it("masks the doctor's name and code for a reviewer", async () => {
    await signIn("shenhe", "李审核")
    await byTestId("nav-credit").click()
    await expect.poll(() => byTestId("practitioners").textContent()).toContain("王**")
    const list = await byTestId("practitioners").textContent()
    expect(list).not.toContain("王大明")
    expect(list).not.toContain("D500235000001")
    expect(list).toContain("终止医保支付资格")
  })
})
