// Debian's Chromium for the browser tests (playwright-core drives it; nothing is downloaded by
// Playwright). Installed with apt-get when missing and we are root; otherwise we stop and say how.
import { execFileSync } from "node:child_process"
import { existsSync } from "node:fs"

const CANDIDATES = ["/usr/bin/chromium", "/usr/bin/chromium-browser"]
const INSTALL_HINT = "sudo apt-get install -y chromium"

/** The path of a Chromium binary, installing Debian's package when missing and allowed. */
export const ensureChromium = ({ log = console.error, env = process.env } = {}) => {
  const configured = env.CHROMIUM_PATH
  if (configured && existsSync(configured)) return configured
  const found = CANDIDATES.find((p) => existsSync(p))
  if (found) return found
  if (typeof process.getuid !== "function" || process.getuid() !== 0) {
    throw new Error(`Chromium is needed for the browser test and is missing. Install it with:\n  ${INSTALL_HINT}`)
  }
  log("Installing Debian's chromium package (apt-get) …")
  execFileSync("apt-get", ["update", "-qq"], { stdio: "inherit" })
  execFileSync("apt-get", ["install", "-y", "-qq", "chromium"], {
    stdio: "inherit",
    env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" }
  })
  const installed = CANDIDATES.find((p) => existsSync(p))
  if (!installed) throw new Error(`Chromium is still missing after apt-get. Install it with:\n  ${INSTALL_HINT}`)
  return installed
}
