/**
 * Accounts, passwords and the audit log in the browser (like browser.test.ts: the built UI, served
 * by the real API over SQLite, in headless Chromium): an administrator creates a user in 用户管理 and
 * reads the initial password once; the user signs in with it, is held on 修改密码 until the password
 * is changed, then works normally; the administrator finds both in 审计日志 and verifies the hash
 * chain; edits, password resets and sign-outs of accounts; a rerun of an interrupted screening run;
 * the lockout message at sign-in. All under the API's strict Content-Security-Policy.
 */
import { buildApp } from "@fundguard/api"
import { systemActor, upsertInstitutions, upsertUser } from "@fundguard/db"
import { addBureauUnit, createScratchDatabase, type ScratchDatabase } from "@fundguard/db/testing"
import type { Institution } from "@fundguard/domain/kernel"
import { existsSync, mkdirSync, readFileSync } from "node:fs"
import { join } from "node:path"
import { chromium, type Browser, type Page } from "playwright-core"
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest"
import { watchContracts, watchCsp, type ContractWatch, type CspWatch } from "./guards.js"

const dist = join(import.meta.dirname, "..", "..", "dist")
const results = join(import.meta.dirname, "..", "..", "test-results")
const chromiumPath = process.env["CHROMIUM_PATH"] ?? "/usr/bin/chromium"
const adminPassword = "Admin-browser-2025"
const newPassword = "Qiuju-Anquan-2025"

describe("accounts, passwords and the audit log in headless Chromium", () => {
  let scratch: ScratchDatabase
  let app: Awaited<ReturnType<typeof buildApp>>
  let browser: Browser
  let page: Page
  let base: string
  let csp: CspWatch
  let contracts: ContractWatch
  /** The initial password the administrator read from the dialog. */
  let initialPassword = ""
  /** Calls of `POST /api/auth/password` the page made. */
  const passwordPosts: Array<string> = []

  beforeAll(async () => {
    if (!existsSync(join(dist, "index.html"))) throw new Error(`the admin UI is not built (${dist}): run \`pnpm test\``)
    if (!existsSync(chromiumPath))
      throw new Error(`Chromium not found at ${chromiumPath}: sudo apt-get install -y chromium`)
    scratch = await createScratchDatabase("sqlite")
    const unitId = await addBureauUnit(scratch.db)
    await upsertUser(scratch.db, systemActor(), {
      username: "admin",
      displayName: "系统管理员",
      role: "admin",
      department: "基金监管科",
      unitId,
      password: adminPassword
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
    // A run whose process died: the runs page offers to screen it again.
    await scratch.db.screeningRun.create({
      data: {
        status: "interrupted",
        trigger: "schedule",
        extract: "data/inbox/2025Q3",
        params: {},
        ruleStats: [],
        finishedAt: new Date(),
        error: "筛查进程已终止（worker:4242，最后心跳 2025-11-20T01:00:00.000Z），本次未生成疑点；可重新筛查"
      }
    })
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
    page = await browser.newPage({ locale: "zh-CN", viewport: { width: 1500, height: 1000 }, acceptDownloads: true })
    page.setDefaultTimeout(15_000)
    csp = await watchCsp(page)
    contracts = watchContracts(page)
    page.on("pageerror", (error) => {
      throw error
    })
    page.on("request", (request) => {
      if (request.method() === "POST" && new URL(request.url()).pathname === "/api/auth/password")
        passwordPosts.push(request.url())
    })
    mkdirSync(results, { recursive: true })
  }, 120_000)

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
  const shot = (name: string) => page.screenshot({ path: join(results, `${name}.png`), fullPage: true })

  const signIn = async (username: string, password: string) => {
    if ((await byTestId("logout").count()) > 0) await signOut()
    else await page.goto(`${base}/#/login`)
    await byTestId("login-username").fill(username)
    await byTestId("login-password").fill(password)
    await byTestId("login-submit").click()
  }

  const signOut = async () => {
    await byTestId("logout").click()
    await byTestId("login-username").waitFor()
  }

  const userId = async (username: string) => (await scratch.db.user.findUniqueOrThrow({ where: { username } })).id

  it("is served under a CSP that refuses inline script, and the watch sees a refusal", async () => {
    const response = await page.goto(`${base}/#/login`)
    expect(response?.headers()["content-security-policy"]).toContain("script-src 'self'")
    await byTestId("login-username").waitFor()
    // A deliberate violation proves that the guard of every browser test would see one.
    await page.evaluate(() => {
      const script = document.createElement("script")
      script.textContent = "window.inlineRan = true"
      document.head.append(script)
    })
    await expect.poll(() => csp.violations.length).toBeGreaterThanOrEqual(1)
    expect(csp.violations.join("\n")).toContain("script-src")
    expect(await page.evaluate(() => (window as unknown as { inlineRan?: boolean }).inlineRan)).toBeUndefined()
    csp.clear()
  })

  it("lets an administrator create a user and shows the initial password once", async () => {
    await signIn("admin", adminPassword)
    await expect.poll(() => byTestId("current-user").textContent()).toContain("系统管理员")
    await byTestId("nav-users").click()
    await byTestId("page-users").waitFor()
    await expect.poll(() => byTestId("users-grid").textContent()).toContain("admin")

    await byTestId("user-new").click()
    await byTestId("user-editor").waitFor()
    await byTestId("user-field-username").fill("zhangsan")
    await byTestId("user-field-display-name").fill("张三")
    // A department's account belongs to no unit: choosing that role clears and locks the unit.
    await byTestId("user-field-role").selectOption("department")
    expect(await byTestId("user-field-unit").inputValue()).toBe("")
    expect(await byTestId("user-field-unit").isDisabled()).toBe(true)
    // Bureau staff need one: the form says so at the unit before anything is sent.
    await byTestId("user-field-role").selectOption("reviewer")
    await byTestId("user-save").click()
    await expect.poll(() => byTestId("user-problem-unit").textContent()).toContain("局内人员须属于一个单位")
    expect(await byTestId("initial-password-dialog").count()).toBe(0)

    await byTestId("user-field-unit").selectOption("BUREAU")
    await byTestId("user-field-department").fill("医保中心")
    await byTestId("user-save").click()
    await byTestId("initial-password-dialog").waitFor()
    initialPassword = await byTestId("initial-password").inputValue()
    expect(initialPassword).toMatch(/^\S{10,}$/)
    expect(await byTestId("initial-password-dialog").textContent()).toContain("张三（zhangsan）")
    expect(await byTestId("initial-password-dialog").textContent()).toContain("关闭后无法再次查看")
    await byTestId("initial-password-copy").click()
    await byTestId("initial-password-copied").waitFor()
    await shot("users-initial-password")
    await byTestId("initial-password-close").click()
    await byTestId("initial-password-dialog").waitFor({ state: "detached" })
    expect(await byTestId("users-notice").textContent()).toContain("已创建用户 张三（zhangsan）")
    await expect.poll(() => byTestId("users-grid").textContent()).toContain("待修改初始密码")
    expect(await byTestId("users-grid").textContent()).toContain("测试县医疗保障局") // the unit's name

    // The same name again: the server's 409 lands at the user name.
    await byTestId("user-new").click()
    await byTestId("user-field-username").fill("zhangsan")
    await byTestId("user-field-display-name").fill("另一个张三")
    await byTestId("user-field-unit").selectOption("BUREAU")
    await byTestId("user-save").click()
    await expect.poll(() => byTestId("user-problem-username").textContent()).toContain("已被使用")
    expect(await byTestId("initial-password-dialog").count()).toBe(0)
    await shot("users")
  })

  it("holds the new user on 修改密码 until the password is changed, then opens the rest", async () => {
    await signIn("zhangsan", initialPassword)
    await byTestId("page-password").waitFor()
    expect(page.url()).toMatch(/#\/password$/)
    await byTestId("password-forced").waitFor()
    expect(await byTestId("current-user").textContent()).toContain("张三")
    expect(await page.locator("nav.sidenav a").count()).toBe(0)
    expect(await byTestId("change-password-link").count()).toBe(0)
    // Nothing else is reachable, whatever the address.
    await page.goto(`${base}/#/institutions`)
    await byTestId("page-password").waitFor()
    expect(page.url()).toMatch(/#\/password$/)
    expect(await byTestId("page-institutions").count()).toBe(0)

    // The rules are checked in the browser first (the domain's function): nothing is sent.
    await byTestId("password-current").fill(initialPassword)
    await byTestId("password-new").fill("short")
    await byTestId("password-confirm").fill("short")
    await byTestId("password-submit").click()
    await expect.poll(() => byTestId("password-problem-new").first().textContent()).toContain("密码长度不得少于 10 位")
    expect(passwordPosts).toHaveLength(0)

    await byTestId("password-new").fill(newPassword)
    await byTestId("password-confirm").fill(`${newPassword}x`)
    await byTestId("password-submit").click()
    await expect.poll(() => byTestId("password-problem-confirm").textContent()).toContain("两次输入的新密码不一致")
    expect(passwordPosts).toHaveLength(0)

    // A wrong current password: the server names the field, shown next to it.
    await byTestId("password-current").fill("Wrong-current-9")
    await byTestId("password-confirm").fill(newPassword)
    await byTestId("password-submit").click()
    await expect.poll(() => byTestId("password-problem-current").textContent()).toContain("当前密码不正确")
    expect(passwordPosts).toHaveLength(1)
    await shot("password-forced")

    await byTestId("password-current").fill(initialPassword)
    await byTestId("password-submit").click()
    await byTestId("page-institutions").waitFor()
    expect(passwordPosts).toHaveLength(2)
    expect(await byTestId("app-flash").textContent()).toContain("密码已修改")
    await expect.poll(() => byTestId("institutions-grid").textContent()).toContain("奉节县人民医院")
    expect(await page.locator("nav.sidenav a").count()).toBeGreaterThan(0)
    expect(await byTestId("nav-users").count()).toBe(0) // a reviewer manages no accounts
    // The stored session is up to date: a reload stays on the page.
    await page.reload()
    await byTestId("page-institutions").waitFor()

    // Every signed-in user may change the password again from the header.
    await byTestId("change-password-link").click()
    await byTestId("page-password").waitFor()
    expect(await byTestId("password-forced").count()).toBe(0)
    expect(await byTestId("nav-institutions").count()).toBe(1)
    await byTestId("nav-institutions").click()
    await byTestId("page-institutions").waitFor()

    // The new password works; the initial one no longer does.
    await signIn("zhangsan", initialPassword)
    await expect.poll(() => byTestId("login-error").textContent()).toContain("用户名或密码错误")
    await byTestId("login-password").fill(newPassword)
    await byTestId("login-submit").click()
    await byTestId("page-institutions").waitFor()
    await signOut()
  })

  it("shows the administrator both in 审计日志, exports them, and verifies the hash chain", async () => {
    await signIn("admin", adminPassword)
    await byTestId("nav-audit").click()
    await byTestId("page-audit").waitFor()
    await expect.poll(() => byTestId("audit-grid").textContent()).toContain("user.create")
    expect(await byTestId("audit-grid").textContent()).toContain("user.change_password")
    expect(await byTestId("audit-grid").textContent()).toContain("创建用户")
    await shot("audit")

    await byTestId("audit-action").fill("user.change_password")
    await byTestId("audit-search").click()
    await expect.poll(() => byTestId("audit-total").textContent()).toContain("共 1 条")
    expect(await byTestId("audit-grid").textContent()).toContain("zhangsan")
    await page.locator('[data-testid="audit-grid"] .wx-row').first().click()
    await byTestId("audit-detail").waitFor()
    expect(await byTestId("audit-detail").textContent()).toContain("otherSessionsRevoked")

    // A reversed period is refused at the field before anything is sent.
    await byTestId("audit-from").fill("2025-12-31")
    await byTestId("audit-from").press("Enter")
    await byTestId("audit-to").fill("2025-01-01")
    await byTestId("audit-to").press("Enter")
    await byTestId("audit-search").click()
    await expect.poll(() => byTestId("audit-problem-to").textContent()).toContain("结束日期不得早于开始日期")
    expect(await byTestId("audit-total").textContent()).toContain("共 1 条")

    const [download] = await Promise.all([page.waitForEvent("download"), byTestId("audit-export").click()])
    expect(download.suggestedFilename()).toMatch(/^审计日志-\d{8}\.xlsx$/)
    const file = join(results, "audit-export.xlsx")
    await download.saveAs(file)
    expect(readFileSync(file).subarray(0, 2).toString()).toBe("PK")

    await byTestId("audit-verify").click()
    await byTestId("audit-verification").waitFor()
    expect(await byTestId("audit-verification").getAttribute("data-ok")).toBe("true")
    const entries = await scratch.db.auditEvent.count()
    expect(await byTestId("audit-verification").textContent()).toContain(`哈希链完整：共 ${entries} 条记录`)
    expect(await byTestId("audit-verification").textContent()).toMatch(/链头为第 \d+ 条，哈希 [0-9a-f]{64}/)
    await shot("audit-verified")
  })

  it("edits, disables, enables, resets and signs out an account", async () => {
    const id = await userId("zhangsan")
    await byTestId("nav-users").click()
    await expect.poll(() => byTestId("users-grid").textContent()).toContain("zhangsan")
    expect(await byTestId("users-grid").textContent()).not.toContain("待修改初始密码")

    await byTestId(`user-edit-${id}`).click()
    expect(await byTestId("user-field-username").getAttribute("readonly")).not.toBeNull()
    await byTestId("user-field-display-name").fill("张三丰")
    await byTestId("user-save").click()
    await expect.poll(() => byTestId("users-notice").textContent()).toContain("已保存 张三丰")
    await expect.poll(() => byTestId("users-grid").textContent()).toContain("张三丰")

    await byTestId(`user-toggle-${id}`).click()
    expect(await byTestId("user-confirm").textContent()).toContain("停用 张三丰（zhangsan）的账户")
    await byTestId("user-confirm-ok").click()
    await expect.poll(() => byTestId("users-notice").textContent()).toContain("已停用")
    await expect.poll(() => byTestId("users-grid").textContent()).toContain("已停用")
    await byTestId(`user-toggle-${id}`).click()
    await byTestId("user-confirm-ok").click()
    await expect.poll(() => byTestId("users-notice").textContent()).toContain("已启用")

    await byTestId(`user-reset-${id}`).click()
    await byTestId("user-confirm-ok").click()
    await byTestId("initial-password-dialog").waitFor()
    const reset = await byTestId("initial-password").inputValue()
    expect(reset).toMatch(/^\S{10,}$/)
    expect(reset).not.toBe(initialPassword)
    await byTestId("initial-password-close").click()
    await byTestId("initial-password-dialog").waitFor({ state: "detached" })
    await expect.poll(() => byTestId("users-grid").textContent()).toContain("待修改初始密码")

    await byTestId(`user-revoke-${id}`).click()
    await byTestId("user-confirm-ok").click()
    await expect
      .poll(() => byTestId("users-notice").textContent())
      .toMatch(/已强制 张三丰（zhangsan）下线，结束 \d+ 个登录会话/)
    // One's own account cannot be disabled: no button for it.
    expect(await byTestId(`user-toggle-${await userId("admin")}`).count()).toBe(0)
  })

  it("reruns an interrupted screening run once, and says why not twice", async () => {
    await byTestId("nav-runs").click()
    await byTestId("page-runs").waitFor()
    await page.locator('[data-testid="runs-grid"] .wx-row', { hasText: "已中断" }).click()
    await expect.poll(() => byTestId("run-status").getAttribute("data-status")).toBe("interrupted")
    expect(await byTestId("run-error").textContent()).toContain("筛查进程已终止")
    await byTestId("run-rerun").click()
    await expect.poll(() => byTestId("runs-rerun-notice").textContent()).toContain("已提交重新筛查")
    await byTestId("run-queued").waitFor()
    await expect.poll(() => byTestId("run-status").getAttribute("data-status")).toBe("queued")
    expect(await byTestId("run-rerun").count()).toBe(0)
    await shot("runs-queued")

    await page.locator('[data-testid="runs-grid"] .wx-row', { hasText: "已中断" }).click()
    await expect.poll(() => byTestId("run-status").getAttribute("data-status")).toBe("interrupted")
    await byTestId("run-rerun").click()
    await expect.poll(() => byTestId("runs-rerun-error").textContent()).toContain("同一数据包已有批次在进行或排队")
    // The contracts' title of RunNotRerunnable (problemTypes), with the server's detail above.
    expect(await byTestId("runs-rerun-error").textContent()).toContain("该批次不能重新筛查")
  })

  it("shows the server's lockout message at sign-in, with the time to retry", async () => {
    await signOut()
    // Failures are counted per account name, whether or not the account exists.
    let status = 0
    for (let attempt = 1; attempt <= 8 && status !== 429; attempt++) {
      await byTestId("login-username").fill("nobody")
      await byTestId("login-password").fill(`Wrong-password-${attempt}`)
      const [response] = await Promise.all([
        page.waitForResponse((r) => new URL(r.url()).pathname === "/api/auth/login"),
        byTestId("login-submit").click()
      ])
      status = response.status()
    }
    expect(status).toBe(429)
    await expect
      .poll(() => byTestId("login-error").textContent())
      .toMatch(/登录失败次数过多，该账户已暂时锁定，请于 \d{2}:\d{2} 后再试/)
    await shot("login-locked")
  })
})
