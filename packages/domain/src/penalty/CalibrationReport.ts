/**
 * The calibration report: the engine run over the corpus of published decisions with k-fold
 * cross-validation — each decision assessed from its published facts with the decisions of the other folds
 * as precedents — and compared with what was decided: the article, whether the actual fine lies in the
 * range, whether the recommended fine is within 25 % of it, the measures (suspension, termination,
 * transfer to the police), and the width of the band. Per article and overall.
 *
 * @since 0.5.0
 */
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import { assessPenalty } from "./Penalty.js"
import { decisionArticle, decisionInput, type PublishedDecision } from "./Precedents.js"

/**
 * The figures of one group of decisions.
 *
 * @category models
 */
export interface CalibrationFigures {
  readonly decisions: number
  /** The engine assessed the case under the article the decision applied. */
  readonly article: number
  /** The published fine lies within the engine's range (to the yuan). */
  readonly range: number
  /** The engine's recommended fine is within 25 % of the published fine. */
  readonly recommended: number
  readonly suspension: number
  readonly termination: number
  /**
   * Agreement on the transfer to the police, among the decisions whose page says whether the case was
   * transferred (`policeStated` of them); a page's silence is not counted either way.
   */
  readonly policeTransfer: number
  readonly policeStated: number
  /** All three measures agree (the transfer only where the page states it). */
  readonly measures: number
  /** The mean width of the fine band, in multiples of the amount. */
  readonly meanBandWidth: number
}

/**
 * One decision as the engine assessed it in its fold.
 *
 * @category models
 */
export interface CalibrationRow {
  readonly id: string
  readonly fold: number
  readonly publishedArticle: number
  readonly engineArticles: ReadonlyArray<number>
  readonly fine: number
  readonly fineMin: number
  readonly fineMax: number
  readonly fineRecommended: number
  readonly precedentCount: number | null
  readonly suspensionAgrees: boolean
  readonly terminationAgrees: boolean
  /** null when the decision's page does not say whether the case was transferred. */
  readonly policeAgrees: boolean | null
  /** The decision's facts did not decode as an assessment input (left out of the figures). */
  readonly problem: string | null
}

/**
 * The report: per article and overall.
 *
 * @category models
 */
export interface CalibrationReport {
  readonly folds: number
  /** The share of recommended fines within 25 % with the band's own point (no precedents), for comparison. */
  readonly bandPointRecommended: number
  readonly overall: CalibrationFigures
  readonly byArticle: Readonly<Record<string, CalibrationFigures>>
  readonly rows: ReadonlyArray<CalibrationRow>
}

const share = (rows: ReadonlyArray<CalibrationRow>, test: (r: CalibrationRow) => boolean) =>
  rows.length === 0 ? 0 : Math.round((rows.filter(test).length / rows.length) * 1000) / 1000

const figures = (rows: ReadonlyArray<CalibrationRow>, amounts: ReadonlyMap<string, number>): CalibrationFigures => ({
  decisions: rows.length,
  article: share(rows, (r) => r.engineArticles.includes(r.publishedArticle)),
  range: share(rows, (r) => r.fine >= r.fineMin - 1 && r.fine <= r.fineMax + 1),
  recommended: share(rows, (r) => Math.abs(r.fineRecommended - r.fine) <= 0.25 * r.fine),
  suspension: share(rows, (r) => r.suspensionAgrees),
  termination: share(rows, (r) => r.terminationAgrees),
  policeTransfer: share(
    rows.filter((r) => r.policeAgrees !== null),
    (r) => r.policeAgrees === true
  ),
  policeStated: rows.filter((r) => r.policeAgrees !== null).length,
  measures: share(rows, (r) => r.suspensionAgrees && r.terminationAgrees && r.policeAgrees !== false),
  meanBandWidth:
    rows.length === 0
      ? 0
      : Math.round(
          (rows.reduce((n, r) => n + (r.fineMax - r.fineMin) / (amounts.get(r.id) ?? 1), 0) / rows.length) * 100
        ) / 100
})

/**
 * Runs the engine over the corpus with `folds`-fold cross-validation: decisions sorted by id are dealt into
 * folds in turn; each is assessed with the decisions of the other folds as its precedents.
 *
 * @category calibration
 */
export const calibrationReport = (corpus: ReadonlyArray<PublishedDecision>, folds = 5): CalibrationReport => {
  const sorted = [...corpus].sort((a, b) => a.id.localeCompare(b.id))
  const foldOf = new Map(sorted.map((d, i) => [d.id, i % folds]))
  const rows = sorted.map((d): CalibrationRow => {
    const fold = foldOf.get(d.id)!
    const precedents = sorted.filter((p) => foldOf.get(p.id) !== fold)
    const assessed = Effect.runSync(Effect.either(assessPenalty(decisionInput(d), { precedents })))
    const publishedArticle = decisionArticle(d)
    if (Either.isLeft(assessed))
      return {
        id: d.id,
        fold,
        publishedArticle,
        engineArticles: [],
        fine: d.fine,
        fineMin: 0,
        fineMax: 0,
        fineRecommended: 0,
        precedentCount: null,
        suspensionAgrees: false,
        terminationAgrees: false,
        policeAgrees: d.transfers === null ? null : false,
        problem: assessed.left.message
      }
    const result = assessed.right
    const suspended = result.items.some((i) => i.suspensionMonths !== null)
    const terminated = result.items.some((i) => i.agreementTermination.recommended)
    const police = result.transfers.some((t) => t.to === "police")
    return {
      id: d.id,
      fold,
      publishedArticle,
      engineArticles: [...new Set(result.items.flatMap((i) => (i.assessedUnder === null ? [] : [i.assessedUnder])))],
      fine: d.fine,
      fineMin: result.totals.fineMin,
      fineMax: result.totals.fineMax,
      fineRecommended: result.totals.fineRecommended,
      precedentCount: result.items.find((i) => i.precedents !== undefined)?.precedents?.count ?? null,
      suspensionAgrees: suspended === (d.suspensionMonths !== null),
      terminationAgrees: terminated === d.agreementTerminated,
      policeAgrees: d.transfers === null ? null : police === d.transfers.includes("police"),
      problem: null
    }
  })
  const assessed = rows.filter((r) => r.problem === null)
  const amounts = new Map(sorted.map((d) => [d.id, d.amountTotal]))
  const articles = [...new Set(assessed.map((r) => r.publishedArticle))].sort((a, b) => a - b)
  // The same decisions with the band's own point, to show what calibration changes.
  const bandPoint = assessed.filter((r) => {
    const d = sorted.find((x) => x.id === r.id)!
    const plain = Effect.runSync(Effect.either(assessPenalty(decisionInput(d), { precedents: [] })))
    return Either.isRight(plain) && Math.abs(plain.right.totals.fineRecommended - d.fine) <= 0.25 * d.fine
  }).length
  return {
    folds,
    bandPointRecommended: assessed.length === 0 ? 0 : Math.round((bandPoint / assessed.length) * 1000) / 1000,
    overall: figures(assessed, amounts),
    byArticle: Object.fromEntries(
      articles.map((a) => [
        String(a),
        figures(
          assessed.filter((r) => r.publishedArticle === a),
          amounts
        )
      ])
    ),
    rows
  }
}
