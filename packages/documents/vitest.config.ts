import { sharedConfig } from "@fundguard/vitest-config"
import { defineConfig } from "vitest/config"

export default defineConfig(sharedConfig)
