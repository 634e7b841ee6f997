/**
 * 抽样推算's logic: the draw form and its body, the screening runs whose extract may be sampled, the
 * review inputs of the sampled claims and their bodies, the progress of a review, and the result of
 * the extrapolation in words and figures (error rate, point estimate, interval, 可追回金额（下限）).
 */
import type { ScreeningRun } from "@fundguard/contracts/Screening"
import type { SampleConclusionView, SampleDetail } from "@fundguard/contracts/Samples"
import { formatDateTime, formatYuan, isIsoDate, parseAmount } from "../../shared/format.js"

/** One problem with a field, by the JSON path the server would name. */
export interface FieldProblem {
  readonly path: string
  readonly message: string
}

/** What the draw form holds. */
export interface DrawDraft {
  institutionCode: string
  runId: string
  size: string
  seed: string
  from: string
  to: string
}

/** An empty draw form: 30 claims (the size below which the interval is flagged as weak). */
export const emptyDraw = (): DrawDraft => ({ institutionCode: "", runId: "", size: "30", seed: "", from: "", to: "" })

/** The draw's body as the contract takes it. */
export interface DrawBody {
  readonly institutionCode: string
  readonly extract: string
  readonly size: number
  readonly seed?: string
  readonly period?: { readonly from: string; readonly to: string }
}

/**
 * The body of the draw, or the problems the form can see before sending it (named as the server
 * would name them). An empty seed is left out: the server generates one and records it.
 */
export const drawBody = (draft: DrawDraft): { body: DrawBody } | { problems: ReadonlyArray<FieldProblem> } => {
  const problems: Array<FieldProblem> = []
  const institutionCode = draft.institutionCode.trim()
  if (institutionCode === "") problems.push({ path: "$.institutionCode", message: "请选择或填写机构编码" })
  if (draft.runId === "") problems.push({ path: "$.extract", message: "请选择抽样所用的筛查批次（数据包）" })
  const size = /^\d{1,4}$/.test(draft.size.trim()) ? Number(draft.size.trim()) : Number.NaN
  if (!Number.isSafeInteger(size) || size < 2 || size > 1000)
    problems.push({ path: "$.size", message: "样本量须为 2 至 1000 之间的整数" })
  const from = draft.from.trim()
  const to = draft.to.trim()
  if ((from === "") !== (to === ""))
    problems.push({ path: "$.period", message: "期间须同时填写开始和截止日期，或都不填" })
  else if (from !== "" && (!isIsoDate(from) || !isIsoDate(to)))
    problems.push({ path: "$.period", message: "日期须为 yyyy-MM-dd 格式" })
  else if (from !== "" && from > to) problems.push({ path: "$.period.to", message: "期间的截止日期不能早于开始日期" })
  if (problems.length > 0) return { problems }
  const seed = draft.seed.trim()
  return {
    body: {
      institutionCode,
      extract: draft.runId,
      size,
      ...(seed === "" ? {} : { seed }),
      ...(from === "" ? {} : { period: { from, to } })
    }
  }
}

/** The runs whose extract may be sampled (those that screened it), newest first, labelled. */
export const runOptions = (runs: ReadonlyArray<ScreeningRun>): ReadonlyArray<{ id: string; label: string }> =>
  runs
    .filter((r) => r.status === "succeeded")
    .map((r) => ({
      id: r.id,
      label: `${formatDateTime(r.startedAt)} · ${r.extract.split(/[\\/]/).filter(Boolean).at(-1) ?? r.extract}${
        r.periodFrom !== null ? `（${r.periodFrom} 至 ${r.periodTo ?? "—"}）` : ""
      }`
    }))

/** What a sampled claim's review inputs hold (text, as typed). */
export interface ReviewDraft {
  overpaid: string
  reason: string
}

/** The review inputs of every sampled claim, from the reviews already recorded. */
export const reviewDrafts = (claims: SampleDetail["claims"]): Record<string, ReviewDraft> =>
  Object.fromEntries(
    claims.map((c) => [
      c.id,
      { overpaid: c.review === null ? "" : String(c.review.overpaid), reason: c.review?.reason ?? "" }
    ])
  )

/** The body of one claim's review, or the problem the form can see (named as the server would). */
export const reviewBody = (
  claim: { readonly id: string; readonly paid: number },
  draft: ReviewDraft
): { body: { claimId: string; overpaid: number; reason: string } } | { problems: ReadonlyArray<FieldProblem> } => {
  const overpaid = parseAmount(draft.overpaid.trim() === "" ? null : draft.overpaid)
  if (overpaid === null) return { problems: [{ path: "$.overpaid", message: "请填写违规金额（元，无违规填 0）" }] }
  if (overpaid < 0 || overpaid > claim.paid)
    return {
      problems: [{ path: "$.overpaid", message: `违规金额须在 0 至 ${formatYuan(claim.paid)} 元（基金支付）之间` }]
    }
  if (overpaid > 0 && draft.reason.trim() === "")
    return { problems: [{ path: "$.reason", message: "有违规金额时须填写违规理由" }] }
  return { body: { claimId: claim.id, overpaid, reason: draft.reason.trim() } }
}

/** How far the review is: reviewed / sampled, and whether the sample may be concluded. */
export const reviewProgress = (sample: Pick<SampleDetail, "claims" | "status">) => {
  const reviewed = sample.claims.filter((c) => c.review !== null).length
  return {
    reviewed,
    size: sample.claims.length,
    text: `已审核 ${reviewed} / ${sample.claims.length} 笔`,
    canConclude: sample.status !== "concluded" && reviewed === sample.claims.length && reviewed > 0
  }
}

/** A share as a percentage with one decimal (0.2667 → 26.7%). */
export const formatPercent = (share: number): string => `${(Math.round(share * 1000) / 10).toFixed(1)}%`

/**
 * The method in words, for the page and for the person who has to explain the figure to the
 * institution.
 */
export const methodInWords = (c: Pick<SampleConclusionView, "confidence" | "sampleSize" | "frameSize">): string =>
  `采用简单随机抽样（不放回）的均值估计法：以样本中每笔结算的平均违规金额乘以总体结算笔数（${c.frameSize} 笔）得到推算违规金额（点估计）；` +
  `标准误按有限总体校正计算，区间按自由度 ${c.sampleSize - 1} 的 t 分布取双侧各 ${Math.round((1 - c.confidence) * 100)}% 的界限；` +
  `可追回金额取单侧 ${Math.round(c.confidence * 100)}% 置信下限（美国联邦医疗保险《项目诚信手册》第 8 章 §8.4.5.1 的做法），且不低于样本中实际查实的违规金额。`

/** The result as rows of label and value, in the order the page shows them. */
export const resultRows = (c: SampleConclusionView): ReadonlyArray<{ key: string; label: string; value: string }> => [
  { key: "sample", label: "样本", value: `${c.sampleSize} 笔（总体 ${c.frameSize} 笔）` },
  { key: "error-rate", label: "差错率", value: `${formatPercent(c.errorRate)}（${c.errorCount} 笔有违规）` },
  { key: "sample-overpayment", label: "样本违规金额", value: `${formatYuan(c.sampleOverpayment)} 元` },
  { key: "point", label: "推算违规金额（点估计）", value: `${formatYuan(c.pointEstimate)} 元` },
  {
    key: "interval",
    label: `${Math.round((2 * c.confidence - 1) * 100)}% 置信区间`,
    value: `${formatYuan(c.lowerLimit)} 元 至 ${formatYuan(c.upperLimit)} 元`
  },
  { key: "recoverable", label: "可追回金额（下限）", value: `${formatYuan(c.recoverable)} 元` },
  { key: "standard-error", label: "标准误", value: `${formatYuan(c.standardError)} 元（t = ${c.t}）` }
]
