import js from "@eslint/js"
import globals from "globals"
import tseslint from "typescript-eslint"

/**
 * Shared lint rules for every TypeScript package.
 * `process.env` is read in one config module per app (see `configModules`), never elsewhere,
 * and never in `packages/domain`, which must stay pure.
 */
export const base = (options = {}) =>
  tseslint.config(
    { ignores: ["dist/**", "src/generated/**", "**/*.d.ts", "node_modules/**"] },
    js.configs.recommended,
    ...tseslint.configs.recommended,
    {
      languageOptions: { globals: { ...globals.node } },
      rules: {
        "@typescript-eslint/consistent-type-imports": "error",
        "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
        "@typescript-eslint/array-type": ["error", { default: "generic", readonly: "generic" }],
        "no-restricted-properties": [
          "error",
          { object: "process", property: "env", message: "Read settings through the app's config module." }
        ]
      }
    },
    ...((options.configModules ?? ["src/config.ts"]).length === 0
      ? []
      : [{ files: options.configModules ?? ["src/config.ts"], rules: { "no-restricted-properties": "off" } }]),
    {
      files: ["test/**", "**/*.test.ts", "*.config.ts", "scripts/**"],
      rules: { "no-restricted-properties": "off" }
    }
  )
