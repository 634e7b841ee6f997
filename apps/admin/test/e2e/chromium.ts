/**
 * What the browser tests share: the built admin UI they serve, headless Debian Chromium launched offline,
 * and pages watched for CSP violations, contract mismatches and uncaught errors (`guards.ts`).
 */
import { existsSync } from "node:fs"
import { join } from "node:path"
import { chromium, type Browser, type Page } from "playwright-core"
import { expect } from "vitest"
import { watchContracts, watchCsp, type ContractWatch, type CspWatch } from "./guards.js"

/** The built admin UI (`pnpm --filter @fundguard/admin build`, done by `pnpm test`). */
export const dist = join(import.meta.dirname, "..", "..", "dist")

/** Debian's Chromium, or the one `CHROMIUM_PATH` names. */
export const chromiumPath = process.env["CHROMIUM_PATH"] ?? "/usr/bin/chromium"

/** Stops a browser test early, saying what is missing: the built UI or Chromium. */
export const requireBuiltUiAndChromium = (): void => {
  if (!existsSync(join(dist, "index.html"))) throw new Error(`the admin UI is not built (${dist}): run \`pnpm test\``)
  if (!existsSync(chromiumPath))
    throw new Error(`Chromium not found at ${chromiumPath}: sudo apt-get install -y chromium`)
}

/** Headless Chromium with nothing that reaches the network on its own. */
export const launchChromium = (): Promise<Browser> =>
  chromium.launch({
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

/** A zh-CN page in a context of its own, watched; an uncaught error in it fails the test. */
export const watchedPage = async (
  browser: Browser
): Promise<{ readonly page: Page; readonly csp: CspWatch; readonly contracts: ContractWatch }> => {
  const context = await browser.newContext({ locale: "zh-CN", viewport: { width: 1400, height: 1000 } })
  const page = await context.newPage()
  const csp = await watchCsp(page)
  const contracts = watchContracts(page)
  page.on("pageerror", (error) => {
    throw error
  })
  return { page, csp, contracts }
}

/** Signs in through the login page and waits until the header names the user. */
export const signIn = async (
  page: Page,
  base: string,
  user: { readonly username: string; readonly password: string; readonly displayName: string }
): Promise<void> => {
  await page.goto(`${base}/#/login`)
  await page.locator('[data-testid="login-username"]').fill(user.username)
  await page.locator('[data-testid="login-password"]').fill(user.password)
  await page.locator('[data-testid="login-submit"]').click()
  await expect.poll(() => page.locator('[data-testid="current-user"]').textContent()).toContain(user.displayName)
}
