import * as Effect from "effect/Effect"
import { importExtract } from "../src/index.js"
const t = performance.now()
const h = await Effect.runPromise(importExtract(process.argv[2]!))
console.error("total", Math.round(performance.now() - t))
h.close()
