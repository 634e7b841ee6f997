import svelte from "eslint-plugin-svelte"
import globals from "globals"
import tseslint from "typescript-eslint"
import { base } from "./base.js"

/** Lint rules for the Svelte 5 admin UI: the base rules plus eslint-plugin-svelte. */
export const svelteConfig = () => [
  ...base({ configModules: [] }),
  ...svelte.configs.recommended,
  {
    files: ["**/*.svelte", "**/*.svelte.ts"],
    languageOptions: {
      globals: { ...globals.browser },
      parserOptions: { parser: tseslint.parser, extraFileExtensions: [".svelte"] }
    }
  },
  { files: ["src/**/*.ts"], languageOptions: { globals: { ...globals.browser } } }
]
