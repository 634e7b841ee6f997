/**
 * The review workflow in the browser: a lead from the demo extract walked from 待初审 to 确认违规 by
 * three people (初审 李审核, 复审 王稽核, 审批 管理员), the three-level rule shown to the second
 * reviewer who may not approve, a data-quality lead sent for correction, a bulk dismissal, the .xlsx
 * export and the runs page — the built UI, served by the real API over SQLite, in headless Chromium.
 */
import { buildApp } from "@fundguard/api"
import { finishRun, startRun, systemActor, upsertInstitutions, upsertUser } from "@fundguard/db"
import { addBureauUnit, createScratchDatabase, type ScratchDatabase } from "@fundguard/db/testing"
import type { Role } from "@fundguard/domain/access"
import type { Institution } from "@fundguard/domain/kernel"
import type { Suspicion } from "@fundguard/domain/screening"
import { existsSync, mkdirSync, readFileSync } from "node:fs"
import { join } from "node:path"
import { chromium, type Browser, type Page } from "playwright-core"
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest"
import { watchContracts, watchCsp, type ContractWatch, type CspWatch } from "./guards.js"

const dist = join(import.meta.dirname, "..", "..", "dist")
const results = join(import.meta.dirname, "..", "..", "test-results")
const chromiumPath = process.env["CHROMIUM_PATH"] ?? "/usr/bin/chromium"
const password = "review-test-password"

/** Leads as the screening rules file them for the demo extract (奉节县, first quarter of 2025). */
const demoLeads: ReadonlyArray<Suspicion> = [
  {
    rule: "PRICE_OVER_CAP",
    ruleVersion: 1,
    level: "line",
    fixmedins_code: "H50023500013",
    psn_no: "50023500000020",
    mdtrt_id: "S5002352501010000088",
    setl_id: null,
    feedetl_sn: ["0002"],
    med_list_codg: "XJ01CAA040A001010100001",
    date: "2025-01-01",
    amount: 11.6,
    violation: "A38-3-OVER_STANDARD_CHARGE",
    evidence: {
      med_list_name: "阿莫西林胶囊",
      pric: 15.8,
      ceiling: 10,
      ceiling_column: "pric_uplmt_lv3",
      hosp_lv: "3",
      fixmedins_type: "1",
      cnt: 2,
      original_cnt: 2,
      refunded_cnt: 0,
      excess_per_unit: 5.8
    },
    message: "阿莫西林胶囊：单价 15.80 元超过一级医院限价 10.00 元，超出 5.80 元 × 2"
  },
  {
    rule: "CHARGE_OUTSIDE_STAY",
    ruleVersion: 1,
    level: "line",
    fixmedins_code: "H50023500013",
    psn_no: "50023500000031",
    mdtrt_id: "S5002352502030000104",
    setl_id: null,
    feedetl_sn: ["0017"],
    med_list_codg: "001101000010000",
    date: "2025-02-09",
    amount: 30,
    violation: null,
    evidence: {
      category: "data_quality",
      check: "GZ10000201008000",
      med_list_name: "普通床位费",
      fee_ocur_time: "2025-02-09 08:00:00",
      begntime: "2025-02-03 09:12:00",
      endtime: "2025-02-08 10:30:00",
      position: "after_discharge",
      days_outside: 1,
      cnt: 1,
      pric: 30
    },
    message: "普通床位费发生于出院后 1 天（2025-02-09），不在住院期间内"
  },
  {
    rule: "PRICE_OVER_CAP",
    ruleVersion: 1,
    level: "line",
    fixmedins_code: "H50023500013",
    psn_no: "50023500000044",
    mdtrt_id: "S5002352503110000221",
    setl_id: null,
    feedetl_sn: ["0005"],
    med_list_codg: "XA10BAE005A001010100004",
    date: "2025-03-11",
    amount: 0.2,
    violation: "A38-3-OVER_STANDARD_CHARGE",
    evidence: { med_list_name: "二甲双胍片", pric: 9.8, ceiling: 9.6, cnt: 1 },
    message: "二甲双胍片：单价 9.80 元超过限价 9.60 元，超出 0.20 元 × 1"
  }
]

describe("review workflow in headless Chromium", () => {
  let scratch: ScratchDatabase
  let app: Awaited<ReturnType<typeof buildApp>>
  let browser: Browser
  let page: Page
  let base: string
  let csp: CspWatch
  let contracts: ContractWatch
  const ids: Record<string, string> = {}

  beforeAll(async () => {
    if (!existsSync(join(dist, "index.html"))) throw new Error(`the admin UI is not built (${dist}): run \`pnpm test\``)
    if (!existsSync(chromiumPath))
      throw new Error(`Chromium not found at ${chromiumPath}: sudo apt-get install -y chromium`)
    scratch = await createScratchDatabase("sqlite")
    const people: ReadonlyArray<[string, string, Role, string]> = [
      ["shenhe", "李审核", "reviewer", "医保中心"],
      ["jihe", "王稽核", "supervisor", "基金监管科"],
      ["admin", "系统管理员", "admin", "奉节县医疗保障局"]
    ]
    // Staff see the data of their unit: the bureau's own unit sees everything.
    const unitId = await addBureauUnit(scratch.db)
    for (const [username, displayName, role, department] of people) {
      await upsertUser(scratch.db, systemActor(), { username, displayName, role, department, unitId, password })
    }
    await upsertInstitutions(scratch.db, systemActor(), [
      {
        code: "H50023500013",
        name: "奉节县永乐镇中心卫生院",
        orgKind: "township_health_center",
        hospitalLevel: "3",
        admdvs: "500235",
        approvedBeds: 60,
        supervisorCode: null
      } as unknown as Institution
    ])
    const run = await startRun(scratch.db, systemActor("seed"), {
      trigger: "seed",
      extract: "packages/screening/demo/extract",
      admdvs: "500235",
      periodFrom: "2025-01-01",
      periodTo: "2025-03-31",
      params: {}
    })
    await finishRun(scratch.db, systemActor("seed"), run.id, {
      rules: [
        { code: "CHARGE_OUTSIDE_STAY", version: 1, status: "ran", count: 1, durationMs: 4.2 },
        { code: "PRICE_OVER_CAP", version: 1, status: "ran", count: 2, durationMs: 6.8 }
      ],
      suspicions: demoLeads
    })
    for (const s of await scratch.db.suspicion.findMany()) ids[(s.feedetlSn as Array<string>)[0]!] = s.id

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
    page = await browser.newPage({ locale: "zh-CN", viewport: { width: 1400, height: 1000 }, acceptDownloads: true })
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

  const signInAs = async (username: string, name: string) => {
    if ((await byTestId("logout").count()) > 0) {
      await byTestId("logout").click()
      await byTestId("login-username").waitFor()
    } else {
      await page.goto(`${base}/#/login`)
    }
    await byTestId("login-username").fill(username)
    await byTestId("login-password").fill(password)
    await byTestId("login-submit").click()
    await expect.poll(() => byTestId("current-user").textContent()).toContain(name)
  }

  const openLead = async (sn: string) => {
    await page.goto(`${base}/#/suspicions/${ids[sn]}`)
    await byTestId("detail-status").waitFor()
  }

  const status = () => byTestId("detail-status").getAttribute("data-status")

  /** Takes a step through its form and waits for the lead to reach `to`. */
  const take = async (action: string, to: string, fill: (() => Promise<void>) | null = null, reason = "") => {
    await byTestId(`action-${action}`).click()
    await byTestId("step-form").waitFor()
    if (fill !== null) await fill()
    if (reason !== "") await byTestId("step-reason").fill(reason)
    await byTestId("step-submit").click()
    await expect.poll(status).toBe(to)
    expect(await byTestId("detail-notice").textContent()).toContain("已完成")
  }

  it("walks a demo lead through 初审, 复审, the appeal, verification and approval with three people", async () => {
    await signInAs("shenhe", "李审核")
    await byTestId("nav-suspicions").click()
    await expect.poll(() => byTestId("suspicions-total").textContent()).toContain("3")
    await byTestId(`open-${ids["0002"]}`).click()
    await byTestId("detail-status").waitFor()
    expect(await status()).toBe("pending_first_review")
    expect(await byTestId("detail-category").getAttribute("data-category")).toBe("violation")
    expect(await byTestId("evidence-sentences").textContent()).toContain("阿莫西林胶囊单价 15.80 元")
    expect(await byTestId("detail-psn").textContent()).toBe("500*********20")
    await byTestId("evidence-chart").waitFor()
    expect(await byTestId("evidence-chart").getAttribute("data-kind")).toBe("bars")
    expect(await byTestId("detail-deadline").textContent()).toMatch(/办理期限：\d{4}-\d{2}-\d{2}（剩余 \d+ 天）/)

    // A dismissal needs a reason: the form says so before anything is sent.
    await byTestId("action-first_review_dismiss").click()
    await byTestId("step-submit").click()
    expect(await byTestId("step-reason-problem").textContent()).toContain("请填写排除理由")

    await take("first_review_confirm", "pending_second_review", null, "单价高于一级医院限价，建议复审")
    await byTestId("step-no-allowed").waitFor()
    expect(await byTestId("step-refused").textContent()).toContain("复审、审批须由稽核员或以上人员办理")

    await signInAs("jihe", "王稽核")
    await openLead("0002")
    await take("second_review_push", "sent_to_institution", null, "同意推送机构")

    await signInAs("shenhe", "李审核")
    await openLead("0002")
    await take("record_response", "institution_responded", async () => {
      await byTestId("step-response-kind").selectOption("appeal")
      await byTestId("step-statement").fill("该药品为新规格，已向物价部门备案")
      await byTestId("step-documents").fill("物价备案函、采购发票")
    })
    expect(await byTestId("detail-responses").textContent()).toContain("物价备案函、采购发票")
    await take("start_verification", "verifying")
    expect(await byTestId("detail-assignee").textContent()).toContain("李审核")
    await take(
      "propose_confirm",
      "pending_approval",
      async () => {
        await byTestId("step-deduction-amount").fill("11.6")
      },
      "备案规格与结算规格不一致，申诉不成立"
    )

    // 王稽核 did the 复审: the three-level rule keeps the approval from him.
    await signInAs("jihe", "王稽核")
    await openLead("0002")
    await byTestId("step-no-allowed").waitFor()
    expect(await byTestId("step-refused").textContent()).toContain("三级审核不相容岗位分离：您已担任本疑点的复审")

    await signInAs("admin", "系统管理员")
    await openLead("0002")
    await take("approve", "confirmed")
    expect(await byTestId("detail-outcome").getAttribute("data-result")).toBe("confirmed")
    expect(await byTestId("detail-deduction").textContent()).toContain("11.60")
    expect(await byTestId("detail-psn").textContent()).toBe("50023500000020")
    expect(await byTestId("detail-history").locator("li").count()).toBe(6)
    expect(await byTestId("history-6").textContent()).toContain("审批同意")
    await byTestId("step-none").waitFor()

    mkdirSync(results, { recursive: true })
    await page.screenshot({ path: join(results, "review-history.png") })
    await page.locator("main.content").evaluate((el) => el.scrollTo(0, 0))
    await page.screenshot({ path: join(results, "review-detail.png") })
  })

  it("labels a data-quality lead, draws its stay, and sends it for correction without 复审", async () => {
    await signInAs("shenhe", "李审核")
    await byTestId("nav-suspicions").click()
    await byTestId("suspicions-category").selectOption("data_quality")
    await expect.poll(() => byTestId("suspicions-total").textContent()).toContain("1")
    await byTestId(`open-${ids["0017"]}`).click()
    await byTestId("detail-dq-note").waitFor()
    expect(await byTestId("detail-category").textContent()).toContain("数据质量问题")
    expect(await byTestId("evidence-sentences").textContent()).toContain("在出院后 1 天")
    await byTestId("evidence-chart").waitFor()
    expect(await byTestId("evidence-chart").getAttribute("data-kind")).toBe("timeline")
    await take("request_correction", "awaiting_correction", null, "请核对出院时间与床位费时间")
    await take("mark_corrected", "corrected", null, "机构已重传结算清单，出院时间更正为 2025-02-09")
  })

  it("dismisses leads in bulk, exports the list to .xlsx, and shows the run's counts per rule", async () => {
    await byTestId("nav-suspicions").click()
    await byTestId("suspicions-status").selectOption("pending_first_review")
    await expect.poll(() => byTestId("suspicions-total").textContent()).toContain("1")
    await byTestId(`select-${ids["0005"]}`).check()
    expect(await byTestId("suspicions-selected").textContent()).toContain("1")
    await byTestId("suspicions-bulk-action").selectOption("first_review_dismiss")
    await byTestId("suspicions-bulk-run").click()
    expect(await byTestId("suspicions-bulk-problem").textContent()).toContain("请填写排除理由")
    await byTestId("suspicions-bulk-reason").fill("差额 0.20 元，系物价调整过渡期")
    await byTestId("suspicions-bulk-run").click()
    await expect.poll(() => byTestId("suspicions-bulk-result").textContent()).toContain("成功 1 条")
    await expect.poll(() => byTestId("suspicions-total").textContent()).toContain("0")

    await byTestId("suspicions-status").selectOption("")
    await expect.poll(() => byTestId("suspicions-total").textContent()).toContain("3")
    await page.screenshot({ path: join(results, "review-list.png") })
    const [download] = await Promise.all([page.waitForEvent("download"), byTestId("suspicions-export").click()])
    expect(download.suggestedFilename()).toMatch(/^疑点清单-\d{8}\.xlsx$/)
    const file = join(results, "suspicions-export.xlsx")
    await download.saveAs(file)
    expect(readFileSync(file).subarray(0, 2).toString()).toBe("PK")

    // A run in progress (as the nightly worker records it) shows how far it has got.
    await scratch.db.screeningRun.create({
      data: {
        status: "running",
        trigger: "schedule",
        extract: "data/inbox/2025Q2",
        params: {},
        ruleStats: [],
        progress: { rule: "SPLIT_ADMISSION", done: 9, total: 27 }
      }
    })
    await byTestId("nav-runs").click()
    await byTestId("run-progress").waitFor()
    expect(await byTestId("run-progress").textContent()).toContain("分解住院（9/27）")
    expect(await byTestId("run-progress").textContent()).toContain("33%")
    await page.locator('[data-testid="runs-grid"] .wx-row', { hasText: "演示数据" }).click()
    await expect.poll(() => byTestId("run-detail").getAttribute("data-run")).not.toBeNull()
    await byTestId("run-rules").waitFor()
    await page.screenshot({ path: join(results, "review-runs.png") })
    expect(await byTestId("run-rule-PRICE_OVER_CAP").textContent()).toContain("2")
    expect(await byTestId("run-rule-CHARGE_OUTSIDE_STAY").textContent()).toContain("数据质量")
    expect(await byTestId("run-status-counts").textContent()).toContain("确认违规 1 条")
    await byTestId("run-suspicions-link").click()
    await byTestId("suspicions-run-filter").waitFor()
    await expect.poll(() => byTestId("suspicions-total").textContent()).toContain("3")
  })
})
