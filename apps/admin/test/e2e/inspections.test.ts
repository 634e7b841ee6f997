/**
 * Inspections in the browser, on a tablet held sideways (1024×768), in the demo county (奉节's
 * institutions, organisation, duties and this year's tasks): 王稽核 fills the inspector register,
 * creates a plan serving the 双随机 duty, runs a stratified random draw with a typed seed, sees the
 * seed, algorithm and result, verifies it (the re-draw gives the same bytes) and publishes it; 李审核
 * opens 今日检查, records the inspection of 奉节县中医院 on site — refused with one officer, on the
 * field — with the checklist's big radio buttons, two officers, sampled persons, a photo and a coded
 * finding, finishes it (which completes the section's duty task) and prints the 现场检查笔录 (HTML in the
 * preview frame, and as PDF). The built UI, served by the real API over SQLite, in headless Chromium;
 * the server's and the browser's clocks fixed on 20 November 2025.
 */
import { buildApp, chineseWorkingCalendar } from "@fundguard/api"
import { systemActor, upsertInstitutions, upsertUser } from "@fundguard/db"
import { createScratchDatabase, type ScratchDatabase } from "@fundguard/db/testing"
import { seedResponsibilitiesDemo } from "@fundguard/demo"
import type { Role } from "@fundguard/domain/access"
import { demoRegister } from "@fundguard/screening"
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { crc32, deflateSync } from "node:zlib"
import { chromium, type Browser, type Page } from "playwright-core"
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest"
import { watchContracts, watchCsp, type ContractWatch, type CspWatch } from "./guards.js"

const dist = join(import.meta.dirname, "..", "..", "dist")
const results = join(import.meta.dirname, "..", "..", "test-results")
const chromiumPath = process.env["CHROMIUM_PATH"] ?? "/usr/bin/chromium"
const password = "inspections-test-password"
const today = "2025-11-20"
const clock = new Date(`${today}T02:00:00Z`)
/** 奉节县中医院, the county's one 二级医院: the stratum 二级医院 ≥ 50 % always draws it. */
const hospital = "H50023500002"
const seed = "2025-11-20 局务会公开抽取（平板）"

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
  const size = 8
  const header = Buffer.alloc(13)
  header.writeUInt32BE(size, 0)
  header.writeUInt32BE(size, 4)
  header.set([8, 2, 0, 0, 0], 8) // 8 bits per channel, RGB, no interlace
  const row = Buffer.concat([Buffer.from([0]), Buffer.alloc(size * 3, 0x5a)])
  const pixels = Buffer.concat(Array.from({ length: size }, () => row))
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", deflateSync(pixels)),
    chunk("IEND", Buffer.alloc(0))
  ])
}

describe("inspections in headless Chromium", () => {
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
    evidenceDir = mkdtempSync(join(tmpdir(), "fundguard-ui-inspections-"))
    await upsertInstitutions(scratch.db, systemActor(), demoRegister())
    await seedResponsibilitiesDemo(scratch.db, systemActor("seed"), {
      calendar: chineseWorkingCalendar(),
      today,
      evidenceDir
    })
    const people: ReadonlyArray<[string, string, Role, string]> = [
      ["jihe", "王稽核", "supervisor", "SEC-JJJG"],
      ["shenhe", "李审核", "reviewer", "CENTRE"]
    ]
    for (const [username, displayName, role, unitId] of people)
      await upsertUser(scratch.db, systemActor(), { username, displayName, role, department: null, unitId, password })
    app = await buildApp({ db: scratch.db, adminDist: dist, now: () => clock, evidenceDir })
    base = await app.listen({ host: "127.0.0.1", port: 0 })
    browser = await chromium.launch({
      executablePath: chromiumPath,
      args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run"]
    })
    // A tablet held sideways.
    page = await browser.newPage({ locale: "zh-CN", viewport: { width: 1024, height: 768 }, acceptDownloads: true })
    csp = await watchCsp(page)
    contracts = watchContracts(page)
    // The browser's clock agrees with the server's: the draw is planned for the server's today.
    await page.clock.setFixedTime(clock)
    page.setDefaultTimeout(15_000)
    page.on("pageerror", (error) => {
      throw error
    })
    mkdirSync(results, { recursive: true })
  }, 180_000)

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
  const text = (id: string) =>
    byTestId(id)
      .textContent({ timeout: 2000 })
      .catch(() => "")

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

  it("registers inspectors, plans and draws with a typed seed, verifies and publishes the draw", async () => {
    await signInAs("jihe", "王稽核")
    await byTestId("nav-inspections").click()
    await byTestId("tab-register").click()
    const inspectors: ReadonlyArray<[string, string, string, string]> = [
      ["JC-W1", "王检查", "SEC-JJJG", ""],
      ["JC-W2", "吴检查", "SEC-JJJG", ""],
      ["JC-Z1", "周检查", "CENTRE", hospital], // a former employee of 奉节县中医院 (回避)
      ["JC-Z2", "郑检查", "CENTRE", ""]
    ]
    for (const [code, name, unit, conflicts] of inspectors) {
      await byTestId("inspector-code").fill(code)
      await byTestId("inspector-name").fill(name)
      await byTestId("inspector-unit").fill(unit)
      await byTestId("inspector-badge").fill(`渝医保执 ${code}`)
      await byTestId("inspector-conflicts").fill(conflicts)
      await byTestId("inspector-save").click()
      await expect.poll(() => text(`inspector-${code}`)).toContain(name)
    }
    // An unknown unit is refused, and nothing is added.
    await byTestId("inspector-code").fill("JC-X")
    await byTestId("inspector-name").fill("某某")
    await byTestId("inspector-unit").fill("NOWHERE")
    await byTestId("inspector-badge").fill("渝医保执 JC-X")
    await byTestId("inspector-save").click()
    await byTestId("error-alert").waitFor()
    expect(await byTestId("inspector-JC-X").count()).toBe(0)
    // The section answers for 永安街道 (seed 000 三（一））: its institutions are its own area.
    expect(await text("inspector-JC-W1")).toContain("H50023500001")
    expect(await text("inspector-JC-Z1")).toContain(hospital)

    await byTestId("tab-plans").click()
    await byTestId("plan-kind").selectOption("routine")
    await byTestId("plan-title").fill("2025年“双随机、一公开”检查（第4批）")
    await byTestId("plan-duty").fill("SJ-DOUBLE-RANDOM-Y")
    expect(await byTestId("plan-from").inputValue()).toBe(today)
    await byTestId("plan-to").fill("2025-12-31")
    await byTestId("plan-create").click()
    const row = page.locator('tr[data-testid^="plan-"]', { hasText: "第4批" })
    await row.waitFor()
    expect(await row.textContent()).toContain("SJ-DOUBLE-RANDOM-Y")

    // The default strata: 二级医院 ≥ 50 %, 村卫生室 50 %.
    expect(JSON.parse(await byTestId("draw-strata").inputValue())).toHaveLength(2)
    await byTestId("draw-seed").fill(seed)
    await byTestId("draw-exclude").fill("180")
    await row.locator('[data-testid="draw-run"]').click()
    await byTestId("draw-result").waitFor()
    expect(await text("draw-seed-shown")).toBe(seed)
    expect(await text("draw-algorithm")).toBe("fundguard-draw/1")
    // 1 of the 1 二级医院, 3 of the 5 村卫生室 (a share is rounded up: 不低于 50 %).
    await expect.poll(() => byTestId("draw-targets").locator("tbody tr").count()).toBe(4)
    const team = await text(`draw-target-${hospital}`)
    expect(team).toContain("奉节县中医院")
    // The seed gives this team; 周检查 declared a conflict on the hospital and is never on it.
    expect(team).toContain("王检查、吴检查")
    expect(team).not.toContain("周检查")
    expect(team).toContain("待检查")
    await expect.poll(() => row.locator("td").nth(3).textContent()).toBe("4")
    const stored = await scratch.db.inspectionDraw.findFirstOrThrow({ where: { seed } })
    const result = JSON.parse(stored.result) as {
      strata: Array<{ name: string; eligible: number; targets: Array<string> }>
    }
    expect(result).toMatchObject({ seed, algorithm: "fundguard-draw/1", method: "random" })
    expect(result.strata.map((s) => [s.name, s.eligible, s.targets.length])).toEqual([
      ["二级医院", 1, 1],
      ["村卫生室", 5, 3]
    ])

    await byTestId("draw-verify").click()
    await expect.poll(() => text("draw-verdict")).toContain("复核一致：按记录的种子和输入重新抽取，结果逐字节相同")
    await byTestId("draw-publish").click()
    await expect.poll(() => text("draw-drawn")).toContain("公开")
    expect(await byTestId("draw-publish").count()).toBe(0)
    const [download] = await Promise.all([page.waitForEvent("download"), byTestId("draw-csv").click()])
    const csv = join(results, "inspection-draw-publication.csv")
    await download.saveAs(csv)
    const published = readFileSync(csv, "utf8")
    expect(published).toContain("奉节县中医院")
    expect(published).toContain(seed)
    // The published list names the inspectors, nothing else about them.
    expect(published).not.toContain("渝医保执")
    await page.screenshot({ path: join(results, "inspections-draw.png"), fullPage: true })
  })

  it("records the inspection on site — refused with one officer — finishes it, and prints its 现场检查笔录", async () => {
    await signInAs("shenhe", "李审核")
    await byTestId("nav-inspections").click()
    await byTestId(`inspection-${hospital}`).waitFor()
    expect(await byTestId("today-inspections").locator("li").count()).toBe(4)
    await byTestId(`inspection-${hospital}`).click()
    await byTestId("onsite-finish").waitFor()
    expect(await page.locator("section.onsite h2").textContent()).toBe("奉节县中医院")

    // The checklist: every item 符合, except 挂床住院, 不符合 with what was seen.
    const items = page.locator('[data-testid^="item-"][data-testid$="-conform"]')
    const count = await items.count()
    expect(count).toBeGreaterThan(5)
    for (let i = 0; i < count; i++) await items.nth(i).check()
    await byTestId("item-HO-BED-nonconform").check()
    await byTestId("item-HO-BED-note").fill("住院部 3 名住院患者不在床")
    expect(await byTestId("item-HO-BED-conform").isChecked()).toBe(false)

    // The team is offered as the officers; with one of them only, finishing is refused on the field.
    expect(await byTestId("officer-0-name").inputValue()).toBe("王检查")
    expect(await byTestId("officer-1-name").inputValue()).toBe("吴检查")
    await byTestId("officer-1-remove").click()
    expect(await byTestId("officer-1-name").count()).toBe(0)
    await byTestId("recorder").fill("李审核")
    await byTestId("present-name").fill("孙院长")
    await byTestId("present-position").fill("副院长")
    await byTestId("onsite-finish").click()
    await expect.poll(() => text("problem-officers")).toContain("不得少于 2 人")
    expect(await byTestId("problem-items").count()).toBe(0)
    expect(await byTestId("onsite-message").count()).toBe(0)

    await byTestId("officer-add").click()
    await byTestId("officer-1-name").fill("吴检查")
    await byTestId("officer-1-badge").fill("渝医保执 JC-W2")
    await byTestId("persons").fill("500235199001011234 王小明\n500235198505052345 陈小红")
    // A photo from the camera: the form's unsaved answers stay as they are.
    await byTestId("photo").setInputFiles({ name: "住院部病房.png", mimeType: "image/png", buffer: png() })
    await expect.poll(() => text("files")).toContain("住院部病房.png")
    expect(await text("files")).toMatch(/SHA-256 [0-9a-f]{12}/)
    expect(await byTestId("item-HO-BED-nonconform").isChecked()).toBe(true)
    expect(await byTestId("officer-1-name").inputValue()).toBe("吴检查")

    await byTestId("finding-violation").selectOption("A38-1-BED_HANGING")
    await byTestId("finding-description").fill("挂床住院 3 人次")
    await byTestId("finding-amount").fill("2460")
    await byTestId("finding-add").click()
    await expect.poll(() => text("findings")).toContain("A38-1-BED_HANGING：挂床住院 3 人次（2460 元）")

    await byTestId("onsite-finish").click()
    await expect.poll(() => text("onsite-message")).toContain("检查已完成")
    // The plan serves the section's 双随机 duty, and the team is the section's: its task is completed.
    expect(await text("onsite-message")).toContain("已记录职责 SJ-DOUBLE-RANDOM-Y 的任务完成（SEC-JJJG）")
    const inspection = await scratch.db.inspection.findFirstOrThrow({ where: { institutionCode: hospital } })
    expect(inspection.status).toBe("finished")
    const task = await scratch.db.dutyTask.findFirstOrThrow({
      where: { dutyCode: "SJ-DOUBLE-RANDOM-Y", completedOn: today }
    })
    expect(task).toMatchObject({ unitId: "SEC-JJJG", objectCode: hospital })
    // Finished: read-only, and the sampled persons are masked for a reviewer — once the page has reloaded the
    // finished inspection, which comes after the message (CI once read the button before it).
    await expect.poll(() => byTestId("onsite-finish").isDisabled()).toBe(true)
    expect(await byTestId("item-HO-BED-nonconform").isChecked()).toBe(true)
    await expect.poll(() => page.locator("section.onsite").textContent()).toContain("已记录 2 人（人员编号已脱敏）")

    await byTestId("print-onsite_record").click()
    const frame = page.frameLocator('[data-testid="document-frame"]')
    await expect
      .poll(() =>
        frame
          .locator("body")
          .textContent({ timeout: 5000 })
          .catch(() => "")
      )
      .toContain("奉节县中医院")
    const printed = (await frame.locator("body").textContent()) ?? ""
    expect(printed).toContain("现场检查笔录")
    expect(printed).toContain("王检查")
    expect(printed).toContain("渝医保执 JC-W2")
    expect(printed).toContain("挂床住院 3 人次")
    expect(printed).toContain("孙院长")
    await page.screenshot({ path: join(results, "inspections-onsite.png") })
    const [download] = await Promise.all([page.waitForEvent("download"), byTestId("pdf-onsite_record").click()])
    const pdf = join(results, "inspection-onsite-record.pdf")
    await download.saveAs(pdf)
    expect(readFileSync(pdf).subarray(0, 5).toString()).toBe("%PDF-")

    // Done: it leaves 今日检查.
    await byTestId("nav-inspections").click()
    await byTestId("today-inspections").waitFor()
    await expect.poll(() => byTestId("today-inspections").locator("li").count()).toBe(3)
    expect(await byTestId(`inspection-${hospital}`).count()).toBe(0)
  })
})
