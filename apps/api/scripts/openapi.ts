// `pnpm openapi`: writes apps/api/openapi.json from the routes (see src/openapi.ts).
import { writeFileSync } from "node:fs"
import { fileURLToPath } from "node:url"
import { openApiFile, openApiText } from "../src/openapi.js"

writeFileSync(openApiFile, await openApiText())
process.stderr.write(`wrote ${fileURLToPath(openApiFile)}\n`)
