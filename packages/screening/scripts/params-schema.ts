/**
 * Writes `params/schema.json`, the JSON Schema of region parameter files, from the rule library.
 * `test/RegionParams.test.ts` fails when it is stale.
 *
 * Run: `pnpm --filter @fundguard/screening params:schema`.
 */
import { writeFileSync } from "node:fs"
import { join } from "node:path"
import { regionParamsDir, regionParamsJsonSchema } from "../src/RegionParams.js"

/** The file's text: the schema, two-space indented, with a final newline. */
export const paramsSchemaText = (): string => `${JSON.stringify(regionParamsJsonSchema(), null, 2)}\n`

if (process.argv[1]?.endsWith("params-schema.ts")) {
  writeFileSync(join(regionParamsDir, "schema.json"), paramsSchemaText())
  console.log(`wrote ${join(regionParamsDir, "schema.json")}`)
}
