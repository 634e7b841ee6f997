/**
 * Embeds `precedents/decisions.json` (the open corpus of published decisions) into
 * `src/penalty/PrecedentData.ts`, so the library carries it without reading files at run time. Run after
 * editing the corpus:
 *
 *   node scripts/bundle-precedents.mjs && pnpm exec prettier --write src/penalty/PrecedentData.ts
 *
 * `test/Precedents.test.ts` fails when the embedded data and the JSON file differ.
 */
import { readFileSync, writeFileSync } from "node:fs"
import { join } from "node:path"

const root = join(import.meta.dirname, "..")
const decisions = JSON.parse(readFileSync(join(root, "precedents", "decisions.json"), "utf8"))
const text = `/**
 * The bundled corpus of published decisions, generated from \`precedents/decisions.json\` by
 * \`scripts/bundle-precedents.mjs\` — edit the JSON file, not this module.
 *
 * @since 0.5.0
 */
import type { PublishedDecisionJson } from "./Precedents.js"

/**
 * The JSON of every published decision of the corpus, in id order.
 *
 * @category precedents
 */
export const bundledPrecedentJson: ReadonlyArray<PublishedDecisionJson> = ${JSON.stringify(decisions)}
`
writeFileSync(join(root, "src", "penalty", "PrecedentData.ts"), text)
console.log(`bundled ${decisions.length} published decisions into src/penalty/PrecedentData.ts`)
