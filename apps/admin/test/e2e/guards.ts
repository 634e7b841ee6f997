/**
 * What every browser test watches for besides its own assertions: a Content-Security-Policy
 * violation, and an answer of the API that does not fit its contract. The API serves the UI under a strict policy (script-src 'self'; style-src 'self'
 * 'unsafe-inline'; img-src 'self' data: blob:; connect-src 'self'; frame-ancestors 'none'), so
 * anything the UI does that the policy refuses would break it in production. Both signals are
 * watched: Chromium's console message ("… violates the following Content Security Policy directive
 * …") and the page's `securitypolicyviolation` event.
 */
import type { Page } from "playwright-core"
import { contractMismatchTitle } from "../../src/shared/api.js"

/** The violations seen so far on a page; `clear()` forgets them (after a deliberate one). */
export interface CspWatch {
  readonly violations: ReadonlyArray<string>
  clear(): void
}

/** Starts watching a page for CSP violations; call before the first `goto`. */
export const watchCsp = async (page: Page): Promise<CspWatch> => {
  const violations: Array<string> = []
  page.on("console", (message) => {
    const text = message.text()
    if (text.includes("Content Security Policy")) violations.push(`console: ${text}`)
  })
  await page.exposeFunction(
    "__fundguardCspViolation",
    (v: { directive: string; blocked: string; source: string; sample: string }) =>
      void violations.push(
        `securitypolicyviolation: ${v.directive} blocked ${v.blocked || "(inline)"} at ${v.source}${v.sample ? ` (${v.sample})` : ""}`
      )
  )
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) => {
      const report = (window as unknown as { __fundguardCspViolation?: (v: unknown) => void }).__fundguardCspViolation
      report?.({
        directive: event.effectiveDirective,
        blocked: event.blockedURI,
        source: `${event.sourceFile}:${event.lineNumber}`,
        sample: event.sample
      })
    })
  })
  return {
    get violations() {
      return [...violations]
    },
    clear: () => void violations.splice(0)
  }
}

/** The answers seen so far that did not fit their endpoint's contract (the client logs each). */
export interface ContractWatch {
  readonly mismatches: ReadonlyArray<string>
}

/**
 * Starts watching a page for answers of the real API that the client could not decode with the
 * endpoint's success schema (`@fundguard/contracts`): every page the tests visit must get answers
 * that fit the contract.
 */
export const watchContracts = (page: Page): ContractWatch => {
  const mismatches: Array<string> = []
  page.on("console", (message) => {
    const text = message.text()
    if (text.includes(contractMismatchTitle)) mismatches.push(text)
  })
  return {
    get mismatches() {
      return [...mismatches]
    }
  }
}
