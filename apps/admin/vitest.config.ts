import { sharedConfig } from "@fundguard/vitest-config"
import { defineConfig, mergeConfig } from "vitest/config"

/** Unit tests of the plain `.ts` logic, and the browser test against the real API (test/e2e). */
export default mergeConfig(
  sharedConfig,
  defineConfig({
    test: {
      include: ["test/**/*.test.ts"],
      environment: "node"
    }
  })
)
