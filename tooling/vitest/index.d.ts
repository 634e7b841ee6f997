import type { UserConfig } from "vitest/config"

/** Shared Vitest settings (see index.js). */
export declare const sharedConfig: UserConfig
