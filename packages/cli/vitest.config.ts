import { sharedConfig } from "@fundguard/vitest-config"
import { defineConfig, mergeConfig } from "vitest/config"

// CLI tests run the real bin as child processes (the demo seed screens a whole extract and
// generates a year of duties), so a test may take minutes on a loaded 2-core CI machine.
export default mergeConfig(sharedConfig, defineConfig({ test: { testTimeout: 180_000 } }))
