/**
 * The responsibility pages in headless Chromium (like browser.test.ts): the built admin UI, served by
 * the real API over a real SQLite database loaded with the 奉节 demo responsibilities, the clock fixed
 * on 20 November 2025.
 */
import { buildApp, chineseWorkingCalendar } from "@fundguard/api"
import { systemActor, upsertInstitutions, upsertUser } from "@fundguard/db"
import { seedResponsibilitiesDemo } from "@fundguard/demo"
import { addBureauUnit, createScratchDatabase, type ScratchDatabase } from "@fundguard/db/testing"
import { existsSync, mkdirSync, mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { chromium, type Browser, type Page } from "playwright-core"
import { demoRegister } from "@fundguard/screening"
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest"
import { watchContracts, watchCsp, type ContractWatch, type CspWatch } from "./guards.js"

const dist = join(import.meta.dirname, "..", "..", "dist")
const results = join(import.meta.dirname, "..", "..", "test-results")
const chromiumPath = process.env["CHROMIUM_PATH"] ?? "/usr/bin/chromium"
const password = "browser-test-password"
const today = "2025-11-20"

describe("responsibility pages in headless Chromium", () => {
  let scratch: ScratchDatabase
  let app: Awaited<ReturnType<typeof buildApp>>
  let browser: Browser
  let page: Page
  let base: string
  let evidenceDir: string
  let csp: CspWatch
  let contracts: ContractWatch

  beforeAll(async () => {
    if (!existsSync(join(dist, "index.html"))) throw new Error(`the admin UI is not built (${dist}): run \`pnpm test\``)
    if (!existsSync(chromiumPath))
      throw new Error(`Chromium not found at ${chromiumPath}: sudo apt-get install -y chromium`)
    scratch = await createScratchDatabase("sqlite")
    evidenceDir = mkdtempSync(join(tmpdir(), "fundguard-ui-evidence-"))
    // Staff see the data of their unit: the bureau's own unit sees everything.
    const unitId = await addBureauUnit(scratch.db)
    await upsertUser(scratch.db, systemActor(), {
      username: "admin",
      displayName: "系统管理员",
      role: "admin",
      department: "基金监管科",
      unitId,
      password
    })
    await upsertInstitutions(scratch.db, systemActor(), demoRegister())
    await seedResponsibilitiesDemo(scratch.db, systemActor("seed"), {
      calendar: chineseWorkingCalendar(),
      today,
      evidenceDir
    })
    app = await buildApp({ db: scratch.db, adminDist: dist, now: () => new Date(`${today}T03:00:00Z`), evidenceDir })
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
    page = await browser.newPage({ locale: "zh-CN", viewport: { width: 1500, height: 1100 }, acceptDownloads: true })
    csp = await watchCsp(page)
    contracts = watchContracts(page)
    // The browser's clock agrees with the server's, so the session is not seen as expired.
    await page.clock.setFixedTime(new Date(`${today}T03:00:00Z`))
    page.setDefaultTimeout(10_000)
    page.on("pageerror", (error) => {
      throw error
    })
    mkdirSync(results, { recursive: true })
  }, 180_000)

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
    if (evidenceDir !== undefined) rmSync(evidenceDir, { recursive: true, force: true })
  })

  const byTestId = (id: string) => page.locator(`[data-testid="${id}"]`)
  const shot = (name: string) => page.screenshot({ path: join(results, `${name}.png`), fullPage: true })

  it("signs in and lists today's tasks for a unit, overdue ones flagged", async () => {
    await page.goto(`${base}/#/login`)
    await byTestId("login-username").fill("admin")
    await byTestId("login-password").fill(password)
    await byTestId("login-submit").click()
    await byTestId("current-user").waitFor()
    await byTestId("nav-today").click()
    await byTestId("page-today").waitFor()
    // The user's department (基金监管科) is the default unit, with the units it supervises.
    await expect.poll(() => byTestId("today-unit").inputValue()).toBe("SEC-JJJG")
    await expect
      .poll(async () => Number((await byTestId("today-count").textContent())?.match(/\d+/)?.[0] ?? 0))
      .toBeGreaterThan(10)
    expect(Number((await byTestId("today-overdue").textContent())?.match(/\d+/)?.[0])).toBeGreaterThan(0)
    expect(await page.locator('[data-testid="today-grid"] [data-state="overdue"]').count()).toBeGreaterThan(0)
    await shot("duties-today")
  })

  it("records a completion with its evidence: refused below 10 insured persons, accepted with a file", async () => {
    const task = await scratch.db.dutyTask.findFirst({
      where: { dutyCode: "FJ-SSO-CLINIC-CHECK-Q", periodKey: "2025-Q4", completedOn: null },
      orderBy: { unitId: "asc" }
    })
    expect(task).not.toBeNull()
    await byTestId("today-unit").selectOption(task!.unitId)
    await byTestId(`complete-${task!.id}`).click()
    await byTestId("complete-form").waitFor()
    await byTestId("complete-personsSampled").fill("8")
    await byTestId("complete-problemsFound").fill("1")
    await byTestId("complete-record").fill("现场检查药师在岗、购销存台账和进货发票，抽查参保人")
    await byTestId("complete-submit").click()
    await expect.poll(() => byTestId("complete-problem-personsSampled").textContent()).toContain("不得少于 10")

    await byTestId("complete-personsSampled").fill("12")
    await byTestId("complete-files").setInputFiles({
      name: "检查记录.txt",
      mimeType: "text/plain",
      buffer: Buffer.from("现场检查记录")
    })
    await byTestId("complete-submit").click()
    await expect.poll(() => byTestId("today-notice").textContent()).toContain("已记录")
    await expect.poll(() => byTestId(`complete-${task!.id}`).count()).toBe(0)
    const stored = await scratch.db.taskCompletion.findFirst({ where: { taskId: task!.id }, include: { files: true } })
    expect(stored?.values).toMatchObject({ personsSampled: 12, problemsFound: 1 })
    expect(stored?.files.map((f) => f.fileName)).toEqual(["检查记录.txt"])
  })

  it("shows the month calendar with holidays, adjusted working days and overdue deadlines in red; exports the ledger", async () => {
    await byTestId("nav-calendar").click()
    await byTestId("page-calendar").waitFor()
    await expect.poll(() => byTestId("calendar-month").textContent()).toBe("2025年11月")
    await byTestId("calendar-prev").click()
    await expect.poll(() => byTestId("calendar-month").textContent()).toBe("2025年10月")
    await expect.poll(() => byTestId("calendar-mark-2025-10-01").textContent()).toBe("休")
    expect(await byTestId("calendar-mark-2025-10-11").textContent()).toBe("班")
    // The September ledgers (每月5日前) fall due on 9 October, after the National Day holiday.
    await expect.poll(() => byTestId("calendar-day-2025-10-09").locator("[data-state]").count()).toBeGreaterThan(5)
    expect(await page.locator('[data-testid="calendar-grid"] [data-state="overdue"]').count()).toBeGreaterThan(0)
    const colour = await page
      .locator('[data-testid="calendar-grid"] [data-state="overdue"]')
      .first()
      .evaluate((el) => getComputedStyle(el).color)
    expect(colour).toBe("rgb(180, 35, 24)")
    await shot("duties-calendar")
    const download = page.waitForEvent("download")
    await byTestId("calendar-export").click()
    const file = await download
    expect(file.suggestedFilename()).toMatch(/月度检查台账-2025-10\.xlsx$/)
  })

  it("shows coverage against target and the ranking with its outcomes and charts", async () => {
    await byTestId("nav-coverage").click()
    await byTestId("page-coverage").waitFor()
    await expect.poll(() => byTestId("coverage-grid").textContent()).toContain("全县合计")
    await expect.poll(() => page.locator('[data-testid="coverage-chart"] svg').count()).toBe(1)
    await byTestId("coverage-mode").selectOption("campaign")
    await expect.poll(() => byTestId("coverage-grid").textContent()).toContain("专项检查")
    await shot("duties-coverage")

    await byTestId("nav-ranking").click()
    await byTestId("page-ranking").waitFor()
    const centres = byTestId("ranking-grid-health_centre")
    await expect.poll(() => centres.textContent()).toContain("通报表扬")
    expect(await centres.textContent()).toContain("约谈主要负责人")
    await expect.poll(() => page.locator('[data-testid="ranking-chart-health_centre"] svg').count()).toBe(1)
    await byTestId("ranking-period").selectOption("2025-Q3")
    await expect.poll(() => page.locator('[data-testid="page-ranking"]').textContent()).toContain("2025年第3季度")
    await shot("duties-ranking")

    // The criteria are data: weights saved as a new version of the scheme.
    await byTestId("ranking-weight-on_time_rate").fill("30")
    await byTestId("ranking-weight-overdue_count").fill("10")
    await byTestId("ranking-save").click()
    await expect.poll(() => byTestId("ranking-saved").textContent()).toContain("第 2 版")
    // The new version takes effect today: the year's ranking (as of today) uses it, the third quarter's does not.
    await byTestId("ranking-period").selectOption("2025")
    await expect.poll(() => byTestId("ranking-criteria").textContent()).toContain("逾期任务数")
  })

  it("lets an administrator revise a duty, and names the bad row of an import", async () => {
    await byTestId("nav-duties").click()
    await byTestId("page-duties").waitFor()
    await expect.poll(async () => Number(await byTestId("duties-count").textContent())).toBeGreaterThan(10)
    await byTestId("duty-edit-FJ-HC-TRAINING-Y").click()
    await byTestId("duty-editor").waitFor()
    await byTestId("duty-field-次数").fill("3")
    await byTestId("duty-field-生效日期").fill("2026-01-01")
    await byTestId("duty-save").click()
    await expect.poll(() => byTestId("duties-notice").textContent()).toContain("FJ-HC-TRAINING-Y 第 2 版")

    const csv =
      "编码,名称,类别,来源文件,生效日期,责任单位类型,对象,周期,期限\nFJ-NEW-DUTY,新职责,现场检查,内部安排,2026-01-01,社保所,机构:诊所,每周,期末\n"
    await byTestId("duties-import-file").setInputFiles({
      name: "职责.csv",
      mimeType: "text/csv",
      buffer: Buffer.from(csv)
    })
    await byTestId("duties-import").click()
    await expect.poll(() => byTestId("duties-import-problems").textContent()).toContain("职责 第2行 周期")
    await shot("duties-list")
  })

  it("shows the organisation and its jurisdiction, and names every bad row of an import", async () => {
    await byTestId("nav-organisation").click()
    await byTestId("page-organisation").waitFor()
    await expect.poll(() => byTestId("organisation-units").textContent()).toBe("19")
    expect(await byTestId("organisation-assignments-grid").textContent()).toContain("刘次权")
    // The grid renders the rows that fit once it has measured itself, after the count is shown.
    await expect.poll(() => byTestId("organisation-units-grid").textContent()).toContain("夔州街道：村卫生室")
    const csv = "编码,名称,类型,上级单位,所在区域\nSSO-NEW,新城社保所,社保所,SEC-JJJG,kuizhou\nbad id,,城堡,,\n"
    await byTestId("organisation-import-file").setInputFiles({
      name: "单位.csv",
      mimeType: "text/csv",
      buffer: Buffer.from(csv)
    })
    await byTestId("organisation-import").click()
    await expect.poll(() => byTestId("organisation-import-problems").textContent()).toContain("单位 第3行 编码")
    expect(await byTestId("organisation-import-problems").textContent()).toContain("“城堡”不是有效的取值")

    await byTestId("unit-edit-SSO-KUIMEN").click()
    await byTestId("unit-editor").waitFor()
    await byTestId("unit-field-name").fill("夔门街道社保所（便民服务中心）")
    await byTestId("unit-save").click()
    await expect.poll(() => byTestId("organisation-notice").textContent()).toContain("已保存")
    await expect.poll(() => byTestId("organisation-units-grid").textContent()).toContain("便民服务中心")
    await shot("duties-organisation")
  })
})
