/**
 * A case in the browser: a lead confirmed for 立案 is first checked on site — 王稽核 plans a 重点抽查 of
 * its institution (weighted by confirmed leads) and draws it with the register's two inspectors (as
 * setup, through the API); 李审核 records the inspection on 今日检查 (checklist, officers, the lead's
 * insured person, a photo, the coded finding), finishes it and prints its 现场检查笔录 — then it is
 * carried from the proposals to a closed case by three people — 李审核 drafts and records (初审),
 * 王稽核 复审, the 局长 审批 — through filing, the inquiry with two officers, evidence, the engine's
 * assessment, the 事先告知, the party's window, the decision, service, both money ledgers and closure;
 * the drafter is never offered the approval; every document the case made is printed (HTML in the
 * preview frame, and as PDF). The built UI, served by the real API over SQLite, in headless Chromium;
 * the API's clock is moved past the party's window.
 */
import { buildApp } from "@fundguard/api"
import { finishRun, startRun, systemActor, upsertInstitutions, upsertUser } from "@fundguard/db"
import { addBureauUnit, createScratchDatabase, type ScratchDatabase } from "@fundguard/db/testing"
import type { Role } from "@fundguard/domain/access"
import { bureauDate, type IsoDate } from "@fundguard/domain/kernel"
import type { Institution } from "@fundguard/domain/kernel"
import type { Suspicion } from "@fundguard/domain/screening"
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { crc32, deflateSync } from "node:zlib"
import { chromium, type Browser, type Page } from "playwright-core"
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest"
import { watchContracts, watchCsp, type ContractWatch, type CspWatch } from "./guards.js"

const dist = join(import.meta.dirname, "..", "..", "dist")
const chromiumPath = process.env["CHROMIUM_PATH"] ?? "/usr/bin/chromium"
const password = "cases-test-password"
const institution = "H50023500013"

const lead: Suspicion = {
  rule: "PRICE_OVER_CAP",
  ruleVersion: 1,
  level: "line",
  fixmedins_code: institution,
  psn_no: "50023500000020",
  mdtrt_id: "S5002352501010000088",
  setl_id: null,
  feedetl_sn: ["0002"],
  med_list_codg: "XJ01CAA040A001010100001",
  date: "2025-01-01",
  amount: 1200,
  violation: "A38-3-OVER_STANDARD_CHARGE",
  evidence: { med_list_name: "阿莫西林胶囊", pric: 15.8, ceiling: 10 },
  message: "阿莫西林胶囊：单价超过限价"
}

/** A small PNG (8×8, one colour), made here: signature, IHDR, IDAT and IEND chunks. */
const png = (): Buffer => {
  const chunk = (type: string, data: Buffer) => {
    const length = Buffer.alloc(4)
    length.writeUInt32BE(data.length)
    const body = Buffer.concat([Buffer.from(type, "latin1"), data])
    const crc = Buffer.alloc(4)
    crc.writeUInt32BE(crc32(body))
    return Buffer.concat([length, body, crc])
  }
  const header = Buffer.alloc(13)
  header.writeUInt32BE(8, 0)
  header.writeUInt32BE(8, 4)
  header.set([8, 2, 0, 0, 0], 8) // 8 bits per channel, RGB, no interlace
  const row = Buffer.concat([Buffer.from([0]), Buffer.alloc(8 * 3, 0xc8)])
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", deflateSync(Buffer.concat(Array.from({ length: 8 }, () => row)))),
    chunk("IEND", Buffer.alloc(0))
  ])
}

describe("a case in headless Chromium", () => {
  let scratch: ScratchDatabase
  let app: Awaited<ReturnType<typeof buildApp>>
  let browser: Browser
  let page: Page
  let base: string
  let csp: CspWatch
  let contracts: ContractWatch
  let evidenceDir: string
  // The API's clock: today, moved forward later past the party's window to state a defence.
  let clock = new Date()
  const serverDay = (): IsoDate => bureauDate(clock)

  beforeAll(async () => {
    if (!existsSync(join(dist, "index.html"))) throw new Error(`the admin UI is not built (${dist}): run \`pnpm test\``)
    if (!existsSync(chromiumPath))
      throw new Error(`Chromium not found at ${chromiumPath}: sudo apt-get install -y chromium`)
    scratch = await createScratchDatabase("sqlite")
    const people: ReadonlyArray<[string, string, Role, string]> = [
      ["shenhe", "李审核", "reviewer", "医保中心"],
      ["shenhe2", "赵审核", "reviewer", "医保中心"],
      ["jihe", "王稽核", "supervisor", "基金监管科"],
      ["admin", "刘局长", "admin", "奉节县医疗保障局"]
    ]
    const unitId = await addBureauUnit(scratch.db)
    for (const [username, displayName, role, department] of people)
      await upsertUser(scratch.db, systemActor(), { username, displayName, role, department, unitId, password })
    await upsertInstitutions(scratch.db, systemActor(), [
      {
        code: institution,
        name: "奉节县永乐镇中心卫生院",
        orgKind: "township_health_center",
        hospitalLevel: "1",
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
      rules: [{ code: "PRICE_OVER_CAP", version: 1, status: "ran", count: 1, durationMs: 1 }],
      suspicions: [lead]
    })
    evidenceDir = mkdtempSync(join(tmpdir(), "fundguard-ui-cases-"))
    app = await buildApp({ db: scratch.db, adminDist: dist, now: () => clock, evidenceDir })

    // The lead's review (covered by the review tests): 初审, 复审 push, the institution accepts,
    // verification proposes 立案查处, the 局长 approves.
    const tokens: Record<string, string> = {}
    for (const [username] of people) {
      const res = await app.inject({ method: "POST", url: "/api/auth/login", payload: { username, password } })
      tokens[username] = res.json().token
    }
    const id = (await scratch.db.suspicion.findFirstOrThrow()).id
    const step = async (user: string, action: string, input: Record<string, unknown> = {}) => {
      const detail = await app.inject({
        method: "GET",
        url: `/api/v1/suspicions/${id}`,
        headers: { authorization: `Bearer ${tokens["admin"]}` }
      })
      const res = await app.inject({
        method: "POST",
        url: `/api/v1/suspicions/${id}/${action === "record_response" ? "institution-response" : "steps"}`,
        headers: { authorization: `Bearer ${tokens[user]}` },
        payload: { ...(action === "record_response" ? {} : { action }), revision: detail.json().revision, ...input }
      })
      if (res.statusCode !== 200) throw new Error(`${action}: ${res.body}`)
    }
    await step("shenhe", "first_review_confirm")
    await step("jihe", "second_review_push")
    await step("shenhe", "record_response", { kind: "accepted", statement: "认可", receivedOn: serverDay() })
    await step("shenhe2", "start_verification")
    await step("shenhe2", "propose_confirm", { reason: "超限价收费属实", proposal: { disposition: "case" } })
    await step("admin", "approve")

    // The inspection of the lead's institution (the planning and the draw are covered by the
    // inspection tests): two inspectors in the register, a 四不两直 plan, and a 重点抽查 drawn for
    // today, weighted by confirmed leads.
    const asJihe = (method: "POST" | "PUT", url: string, payload: Record<string, unknown>) =>
      app.inject({ method, url, headers: { authorization: `Bearer ${tokens["jihe"]}` }, payload })
    for (const [code, name, badge] of [
      ["JC-LI", "李审核", "500235001"],
      ["JC-ZHAO", "赵审核", "500235002"]
    ] as const) {
      const res = await asJihe("PUT", `/api/v1/inspectors/${code}`, {
        name,
        unitId,
        badge,
        active: true,
        conflicts: []
      })
      if (res.statusCode !== 200) throw new Error(`inspector ${code}: ${res.body}`)
    }
    const plan = await asJihe("POST", "/api/v1/inspection-plans", {
      kind: "unannounced",
      title: "超限价收费线索现场核查",
      periodFrom: serverDay(),
      periodTo: serverDay()
    })
    if (plan.statusCode !== 201) throw new Error(`plan: ${plan.body}`)
    const drawn = await asJihe("POST", `/api/v1/inspection-plans/${plan.json().id}/draws`, {
      method: "weighted",
      seed: "线索核查-H50023500013",
      count: 1,
      excludeDays: 0,
      plannedOn: serverDay()
    })
    if (drawn.statusCode !== 201) throw new Error(`draw: ${drawn.body}`)
    expect(drawn.json().statement).toContain("重点抽查")
    expect(drawn.json().targets.map((t: { institutionCode: string }) => t.institutionCode)).toEqual([institution])

    base = await app.listen({ host: "127.0.0.1", port: 0 })
    browser = await chromium.launch({
      executablePath: chromiumPath,
      args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run"]
    })
    // A tablet held sideways.
    page = await browser.newPage({ locale: "zh-CN", viewport: { width: 1024, height: 768 }, acceptDownloads: true })
    csp = await watchCsp(page)
    contracts = watchContracts(page)
    page.on("pageerror", (error) => {
      throw error
    })
  })

  afterEach(() => {
    expect(csp.violations).toEqual([])
    expect(contracts.mismatches).toEqual([])
  })

  afterAll(async () => {
    await browser?.close()
    await app?.close()
    await scratch?.dispose()
    if (evidenceDir !== undefined) rmSync(evidenceDir, { recursive: true, force: true })
  })

  const byTestId = (id: string) => page.locator(`[data-testid="${id}"]`)
  let caseUrl = ""

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
    if (caseUrl !== "") {
      await page.goto(caseUrl)
      await byTestId("case-status").waitFor()
    }
  }

  const status = () => byTestId("case-status").textContent()

  /** Takes a step through its form; `fill` types the fields (after the form's defaults). */
  const take = async (action: string, fill: Record<string, string> = {}, expected?: string) => {
    if (process.env["E2E_TRACE"]) console.log("step", action)
    await byTestId(`step-${action}`).click()
    await byTestId("step-form").waitFor()
    for (const [field, value] of Object.entries(fill)) {
      const control = byTestId(`field-${field}`)
      if ((await control.evaluate((e) => e.tagName)) === "SELECT") await control.selectOption(value)
      else await control.fill(value)
    }
    await byTestId("step-submit").click()
    await expect
      .poll(() =>
        byTestId("case-notice")
          .textContent()
          .catch(() => "")
      )
      .toContain("已办理")
    if (expected !== undefined) await expect.poll(status).toBe(expected)
  }

  it("checks the lead's institution on site: 李审核 records and finishes the inspection, and prints its 现场检查笔录", async () => {
    await signInAs("shenhe", "李审核")
    await byTestId("nav-inspections").click()
    await byTestId(`inspection-${institution}`).waitFor()
    expect(await byTestId(`inspection-${institution}`).textContent()).toContain("超限价收费线索现场核查")
    await byTestId(`inspection-${institution}`).click()
    await byTestId("onsite-finish").waitFor()
    expect(await page.locator("section.onsite h2").textContent()).toBe("奉节县永乐镇中心卫生院")

    // The 卫生院's checklist: every item 符合, except 超标准收费 — the lead's finding, seen on site.
    const items = page.locator('[data-testid^="item-"][data-testid$="-conform"]')
    const count = await items.count()
    expect(count).toBeGreaterThan(5)
    for (let i = 0; i < count; i++) await items.nth(i).check()
    await byTestId("item-HO-OVER-STANDARD-nonconform").check()
    await byTestId("item-HO-OVER-STANDARD-note").fill("阿莫西林胶囊按每粒 15.80 元收费，超过限价 10.00 元")
    // The drawn team are the officers present.
    expect(await byTestId("officer-0-name").inputValue()).toBe("李审核")
    expect(await byTestId("officer-1-name").inputValue()).toBe("赵审核")
    expect(await byTestId("officer-1-badge").inputValue()).toBe("500235002")
    await byTestId("recorder").fill("赵审核")
    await byTestId("present-name").fill("张某")
    await byTestId("present-position").fill("院长")
    await byTestId("persons").fill(`${lead.psn_no} 王某`)
    await byTestId("photo").setInputFiles({ name: "收费公示栏.png", mimeType: "image/png", buffer: png() })
    await expect
      .poll(() =>
        byTestId("files")
          .textContent()
          .catch(() => "")
      )
      .toContain("收费公示栏.png")
    await byTestId("finding-violation").selectOption("A38-3-OVER_STANDARD_CHARGE")
    await byTestId("finding-description").fill("超过限价收取阿莫西林胶囊费用")
    await byTestId("finding-amount").fill("1200")
    await byTestId("finding-add").click()
    await byTestId("onsite-finish").click()
    await expect
      .poll(() =>
        byTestId("onsite-message")
          .textContent()
          .catch(() => "")
      )
      .toContain("检查已完成")
    // The page shows 检查已完成, then reloads the inspection: the button is read once the reload has disabled it.
    await expect.poll(() => byTestId("onsite-finish").isDisabled()).toBe(true)

    await byTestId("print-onsite_record").click()
    const frame = page.frameLocator('[data-testid="document-frame"]')
    await expect
      .poll(() =>
        frame
          .locator("body")
          .textContent({ timeout: 5000 })
          .catch(() => "")
      )
      .toContain("奉节县永乐镇中心卫生院")
    const printed = (await frame.locator("body").textContent()) ?? ""
    expect(printed).toContain("现场检查笔录")
    expect(printed).toContain("李审核")
    expect(printed).toContain("500235002")
    expect(printed).toContain("超过限价收取阿莫西林胶囊费用")
    const [download] = await Promise.all([page.waitForEvent("download"), byTestId("pdf-onsite_record").click()])
    const file = join(tmpdir(), `onsite_record-${Date.now()}.pdf`)
    await download.saveAs(file)
    expect(readFileSync(file).subarray(0, 5).toString()).toBe("%PDF-")
    rmSync(file)
  }, 60_000)

  it("carries a confirmed lead to a closed case with three people, printing every document", async () => {
    await signInAs("shenhe", "李审核")
    await byTestId("nav-cases").click()
    await byTestId(`proposal-${institution}`).waitFor()
    expect(await byTestId(`proposal-${institution}`).textContent()).toContain("1,200.00")
    await byTestId(`open-${institution}`).click()
    await expect.poll(status).toBe("待立案")
    caseUrl = page.url()
    // 立案 within 15 working days of the lead's confirmation, shown before it passes.
    expect(await byTestId("deadline-filing").textContent()).toContain("进行中")
    await take("submit_filing", { opinion: "超限价收费，拟立案调查" }, "立案审批中")
    // The drafter is offered neither 复审 nor 审批.
    expect(await byTestId("step-review_filing").count()).toBe(0)

    await signInAs("jihe", "王稽核")
    await take("review_filing", { opinion: "同意立案" })
    expect(await byTestId("step-approve_filing").count()).toBe(0)

    await signInAs("admin", "刘局长")
    await take("approve_filing", { opinion: "同意立案" }, "调查取证")
    await expect.poll(() => byTestId("case-title").textContent()).toMatch(/测医保立〔\d{4}〕1号/)

    await signInAs("shenhe", "李审核")
    // One officer is refused, naming the field; two are recorded.
    await byTestId("step-record_inquiry").click()
    const inquiry = {
      startTime: "09:30",
      endTime: "10:45",
      place: "永乐镇中心卫生院院长办公室",
      personName: "张某",
      personPosition: "院长",
      recorder: "李审核",
      questions: "问：你院阿莫西林胶囊的收费标准是多少？\n答：每粒 15.80 元。"
    }
    for (const [field, value] of Object.entries(inquiry)) await byTestId(`field-${field}`).fill(value)
    await byTestId("field-officers").fill("李审核|500235001")
    await byTestId("step-submit").click()
    await expect.poll(() => byTestId("step-form").textContent()).toContain("两名以上执法人员")
    await byTestId("field-officers").fill("李审核|500235001\n赵审核|500235002")
    await byTestId("step-submit").click()
    await expect
      .poll(() =>
        byTestId("case-notice")
          .textContent()
          .catch(() => "")
      )
      .toContain("询问笔录")
    await take("record_evidence", { items: "收费明细 1 份|书证|医保结算系统\n物价文件|书证|县医保局" })
    await take("assess", {
      violationCode: "A38-3-OVER_STANDARD_CHARGE",
      amount: "1200",
      summary: "2025 年 1 月至 3 月超过限价收取阿莫西林胶囊费用 1200 元"
    })
    await take("serve_notice", { servedOn: serverDay(), contact: "李审核 023-56551234" }, "已事先告知")
    expect(await byTestId("deadline-statement").textContent()).toContain("当事人")

    // The party's 3 working days to state a defence run first: the API's clock moves past them
    // (and past the session's lifetime: sign in again).
    clock = new Date(clock.getTime() + 12 * 86_400_000)
    await signInAs("shenhe", "李审核")
    await take("submit_decision", { opinion: "事实清楚，拟按裁量基准处罚" }, "处罚决定审批中")

    await signInAs("jihe", "王稽核")
    await take("review_decision", { opinion: "同意" })
    await signInAs("shenhe", "李审核")
    expect(await byTestId("step-approve_decision").count()).toBe(0)
    await signInAs("admin", "刘局长")
    await take("approve_decision", { opinion: "同意" }, "已决定待送达")
    expect(await byTestId("case-notice").textContent()).toMatch(/测医保罚〔\d{4}〕1号/)

    await signInAs("shenhe", "李审核")
    await take("serve_decision", { servedOn: serverDay(), recipient: "张某", servers: "李审核\n赵审核" }, "执行中")
    const refund = await byTestId("ledger-refund").textContent()
    expect(refund).toContain("1,200.00")
    await take("record_payment", { ledger: "refund", amount: "1200", paidOn: serverDay(), reference: "退回基金 001" })
    const fineDue = (await byTestId("ledger-fine").locator("td").nth(1).textContent())!.replace(/,/g, "")
    await take("record_payment", { ledger: "fine", amount: fineDue, paidOn: serverDay(), reference: "罚款 002" })
    await expect.poll(() => byTestId("ledger-fine").locator("td").nth(3).textContent()).toBe("0.00")
    await take("submit_closure", { opinion: "款项缴清，申请结案" }, "结案审批中")
    await signInAs("jihe", "王稽核")
    await take("review_closure", { opinion: "同意" })
    await signInAs("admin", "刘局长")
    await take("approve_closure", { opinion: "同意结案" }, "已结案")
    expect(await byTestId("case-control").textContent()).toContain("审批 刘局长")
    expect(await byTestId("deadline-decision").textContent()).toContain("按期完成")

    // Every document the case made: printed from the preview frame, and as PDF.
    const printed: Array<string> = []
    for (const kind of [
      "filing_approval",
      "inquiry_record",
      "penalty_notice",
      "penalty_decision",
      "service_receipt",
      "rectification_notice",
      // The on-site inspection of the first test examined the facts: the case keeps its record.
      "onsite_record"
    ]) {
      await byTestId(`print-${kind}`).click()
      const frame = page.frameLocator('[data-testid="document-frame"]')
      // The frame shows the previous document until this one has loaded: wait for a new one, not just any.
      const previous = printed.at(-1)
      await expect
        .poll(() =>
          frame
            .locator("body")
            .textContent({ timeout: 5000 })
            .catch(() => "")
        )
        .toSatisfy(
          (text: string | null) => text !== null && text.includes("奉节县永乐镇中心卫生院") && text !== previous
        )
      printed.push((await frame.locator("body").textContent()) ?? "")
      const [download] = await Promise.all([page.waitForEvent("download"), byTestId(`pdf-${kind}`).click()])
      const file = join(await import("node:os").then((os) => os.tmpdir()), `${kind}-${Date.now()}.pdf`)
      await download.saveAs(file)
      expect(readFileSync(file).subarray(0, 5).toString()).toBe("%PDF-")
    }
    expect(printed[0]).toContain("王稽核")
    expect(printed[1]).toContain("赵审核")
    expect(printed[3]).toMatch(/测医保罚〔\d{4}〕1号/)
    expect(printed[5]).toContain("整改")
    expect(printed[6]).toContain("现场检查笔录")
  }, 240_000)
})
