/**
 * Shared Vitest settings. Workspace packages are resolved to their TypeScript sources through the
 * `@fundguard/source` export condition, so tests never run against a stale `dist/`.
 */
const conditions = ["@fundguard/source", "module", "node", "development|production"]

export const sharedConfig = {
  resolve: { conditions },
  ssr: { resolve: { conditions, externalConditions: ["@fundguard/source"] } },
  test: {
    include: ["test/**/*.test.ts", "src/**/*.test.ts"],
    // The JSON report lets the root `pnpm test` add up every package's results into one line.
    reporters: ["default", ["json", { outputFile: "test-results/vitest.json" }]],
    testTimeout: 30_000,
    hookTimeout: 60_000
  }
}
