/**
 * The bundled corpus of published decisions, decoded (`precedents/decisions.json` through `PrecedentData.ts`).
 *
 * @since 0.5.0
 */
import * as Either from "effect/Either"
import * as Schema from "effect/Schema"
import { bundledPrecedentJson } from "./PrecedentData.js"
import { PublishedDecision } from "./Precedents.js"

let decoded: ReadonlyArray<PublishedDecision> | null = null

/**
 * The bundled corpus (`precedents/decisions.json`), decoded once. A record that does not decode is left out
 * (`test/Precedents.test.ts` requires every one to decode).
 *
 * @category precedents
 */
export const publishedDecisions = (): ReadonlyArray<PublishedDecision> => {
  if (decoded === null) {
    const decode = Schema.decodeUnknownEither(PublishedDecision)
    decoded = bundledPrecedentJson.flatMap((json) => {
      const d = decode(json)
      return Either.isRight(d) ? [d.right] : []
    })
  }
  return decoded
}
