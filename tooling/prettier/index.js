/** Shared Prettier settings: the Effect house style (no semicolons, double quotes, 120 columns). */
export default {
  semi: false,
  singleQuote: false,
  trailingComma: "none",
  printWidth: 120,
  arrowParens: "always",
  plugins: ["prettier-plugin-svelte"],
  overrides: [{ files: "*.svelte", options: { parser: "svelte" } }]
}
