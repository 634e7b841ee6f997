/**
 * The workspace's dependency rules, checked in CI (`pnpm deps`, part of `pnpm lint`):
 * the domain stays pure, the contracts depend only on the domain, use cases see only services, the
 * database is storage only, documents are made from the domain's types alone (and the browser entry
 * needs no Node), demo data only where the demo is seeded, apps never import each other, and nothing
 * imports in a circle.
 * See docs/decisions/0012-dependency-rules-in-ci.md.
 */
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: "no-circular",
      severity: "error",
      comment: "A cycle makes modules impossible to understand (or load) one at a time.",
      from: {},
      to: { circular: true }
    },
    {
      name: "domain-is-pure",
      severity: "error",
      comment: "packages/domain holds the law as data and pure functions: it imports only effect and itself.",
      from: { path: "^packages/domain/src" },
      to: { pathNot: ["^packages/domain/src", "node_modules/effect/"] }
    },
    {
      name: "contracts-only-domain",
      severity: "error",
      comment: "packages/contracts describes the API with the domain's shapes: effect, the domain, itself.",
      from: { path: "^packages/contracts/src" },
      to: { pathNot: ["^packages/contracts/src", "^packages/domain/src", "node_modules/effect/"] }
    },
    {
      name: "application-over-services",
      comment:
        "Use cases need services (the domain's tags), not their implementations: never the database, DuckDB or a door.",
      severity: "error",
      from: { path: "^packages/application/src" },
      to: { pathNot: ["^packages/application/src", "^packages/domain/src", "node_modules/effect/"] }
    },
    {
      name: "db-is-storage",
      severity: "error",
      comment:
        "packages/db implements the domain's repositories; deciding (use cases) and demo data sit above it, never inside.",
      from: { path: "^packages/db/src" },
      to: { path: ["^packages/application", "^packages/demo", "^packages/screening", "^packages/cli"] }
    },
    {
      name: "documents-over-domain",
      severity: "error",
      comment:
        "packages/documents renders documents from plain data and the domain's types and labels: never storage, use cases or a door.",
      from: { path: "^packages/documents/src" },
      to: { path: "^(apps|packages)/", pathNot: ["^packages/documents/src", "^packages/domain/src"] }
    },
    {
      name: "documents-browser-entry-without-node",
      severity: "error",
      comment:
        "The admin bundles @fundguard/documents/browser: only the PDF renderer (Pdf.ts, and index.ts that exports it) may need Node or the PDF library.",
      from: { path: "^packages/documents/src", pathNot: "^packages/documents/src/(Pdf|index)\\.ts$" },
      to: { pathNot: ["^packages/documents/src", "^packages/domain/src", "node_modules/effect/"] }
    },
    {
      name: "demo-only-where-seeded",
      severity: "error",
      comment:
        "The demo county is loaded by the CLI's seed command (and tests); a running server or worker never carries demo data.",
      from: { path: "^(apps|packages)/", pathNot: ["^packages/demo/", "^packages/cli/src/commands/seed\\.ts$"] },
      to: { path: "^packages/demo/" }
    },
    {
      name: "packages-never-import-apps",
      severity: "error",
      comment: "Apps are doors; packages (db, screening, calendar, cli …) must not depend on a door.",
      from: { path: "^packages/" },
      to: { path: "^apps/" }
    },
    {
      name: "apps-never-import-each-other",
      severity: "error",
      comment: "The API, the worker and the admin UI are separate deployables.",
      from: { path: "^apps/([^/]+)/src" },
      to: { path: "^apps/", pathNot: "^apps/$1/" }
    },
    {
      name: "admin-talks-http",
      severity: "error",
      comment: "The browser app reaches data over HTTP only: never the database or the claims engine.",
      from: { path: "^apps/admin/src" },
      to: { path: ["^packages/db", "^packages/screening", "^packages/cli", "^packages/calendar"] }
    },
    {
      name: "admin-features-stand-alone",
      severity: "error",
      comment: "An admin feature uses shared code, never another feature's; what two features need belongs in shared/.",
      from: { path: "^apps/admin/src/features/([^/]+)/" },
      to: { path: "^apps/admin/src/features/", pathNot: "^apps/admin/src/features/$1/" }
    },
    {
      name: "admin-shared-is-shared",
      severity: "error",
      comment: "shared/ serves every feature, so it imports none.",
      from: { path: "^apps/admin/src/shared/" },
      to: { path: "^apps/admin/src/features/" }
    },
    {
      name: "no-domain-internals",
      severity: "error",
      comment: "Other packages use the domain through its public entry points, not its internal modules.",
      from: { pathNot: "^packages/domain/" },
      to: { path: "^packages/domain/src/[a-z]+/internal/" }
    }
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    exclude: { path: ["/dist/", "/generated/", "\\.test\\.ts$"] },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.base.json" },
    enhancedResolveOptions: {
      exportsFields: ["exports"],
      conditionNames: ["@fundguard/source", "import", "require", "node", "default", "types"],
      mainFields: ["module", "main", "types", "typings"]
    },
    combinedDependencies: true,
    reporterOptions: { text: { highlightFocused: true } }
  }
}
