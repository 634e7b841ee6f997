/**
 * What a person writes when taking a review step: the reason or opinion (理由/意见), the
 * institution's response (反馈/申诉), the verification's proposal (扣款/核减 amount or 立案), the case
 * number. Checked per step, every problem named by its path.
 *
 * @since 0.1.0
 */
import * as Either from "effect/Either"
import * as ParseResult from "effect/ParseResult"
import * as Schema from "effect/Schema"
import { IsoDate } from "../kernel/IsoDate.js"
import { formatYuan, roundYuan, Yuan } from "../kernel/Money.js"
import type { ReviewProposal } from "./ReviewWorkflow.js"
import { reviewTransitions, type ReviewAction } from "./ReviewWorkflow.js"

const Text = (max: number) => Schema.String.pipe(Schema.maxLength(max))

/**
 * The input of a step, as JSON.
 *
 * @category models
 */
export const ReviewStepInput = Schema.Struct({
  reason: Schema.optionalWith(Text(2000), { exact: true }),
  response: Schema.optionalWith(
    Schema.Struct({
      kind: Schema.Literal("accepted", "appeal"),
      statement: Text(5000),
      receivedOn: IsoDate,
      documents: Schema.optionalWith(Schema.Array(Text(200)).pipe(Schema.maxItems(50)), { exact: true })
    }),
    { exact: true }
  ),
  proposal: Schema.optionalWith(
    Schema.Struct({
      disposition: Schema.Literal("deduction", "case"),
      deductionAmount: Schema.optionalWith(Yuan, { exact: true })
    }),
    { exact: true }
  ),
  caseNumber: Schema.optionalWith(Text(100), { exact: true })
}).annotations({ identifier: "ReviewStepInput" })
/** @category models */
export type ReviewStepInput = typeof ReviewStepInput.Encoded

/** @category formatting */
export const institutionResponseKindLabel: Readonly<Record<"accepted" | "appeal" | "none", string>> = {
  accepted: "认可",
  appeal: "申诉",
  none: "逾期未反馈"
}

/** @category formatting */
export const dispositionLabel: Readonly<Record<"deduction" | "case", string>> = {
  deduction: "扣款/核减",
  case: "立案查处"
}

/**
 * A step's input after checking: what is recorded with the step.
 *
 * @category models
 */
export interface ReviewStepDetails {
  readonly reason: string | null
  readonly response: {
    readonly kind: "accepted" | "appeal"
    readonly statement: string
    readonly receivedOn: IsoDate
    readonly documents: ReadonlyArray<string>
  } | null
  readonly proposal: ReviewProposal | null
  readonly caseNumber: string | null
}

/**
 * Input problems, each with the path of the offending field (`$.reason`).
 *
 * @category errors
 */
export class InvalidReviewInput extends Schema.TaggedError<InvalidReviewInput>()("InvalidReviewInput", {
  problems: Schema.Array(Schema.Struct({ path: Schema.String, message: Schema.String }))
}) {
  override get message(): string {
    return this.problems.map((p) => `${p.path}: ${p.message}`).join("\n")
  }
}

const uses: Readonly<Record<"response" | "proposal" | "caseNumber", ReadonlyArray<ReviewAction>>> = {
  response: ["record_response"],
  proposal: ["propose_confirm"],
  caseNumber: ["approve"]
}

/**
 * Checks the input of `action` on `today`: the reason where the step needs one, a response for
 * 登记反馈 (grounds required for an appeal, not dated in the future), a proposal for 核实确认 (a
 * deduction needs a positive amount, at most the lead's own amount: verification confirms or reduces
 * what the lead found — more than that is a new finding, to be filed as a lead or a case), and no
 * field the step does not use.
 *
 * @category rules
 */
export const checkStepInput = (
  action: ReviewAction,
  input: unknown,
  today: IsoDate,
  leadAmount: number = Number.POSITIVE_INFINITY
): Either.Either<ReviewStepDetails, InvalidReviewInput> => {
  const decoded = Schema.decodeUnknownEither(ReviewStepInput, { errors: "all", onExcessProperty: "error" })(input ?? {})
  if (Either.isLeft(decoded)) {
    const issues = ParseResult.ArrayFormatter.formatErrorSync(decoded.left)
    return Either.left(
      new InvalidReviewInput({
        problems: issues.map((i) => ({ path: ["$", ...i.path.map(String)].join("."), message: i.message }))
      })
    )
  }
  const value = decoded.right
  const problems: Array<{ path: string; message: string }> = []
  const reason = value.reason?.trim() ?? ""
  const row = reviewTransitions.find((r) => r.action === action)
  if (row?.reasonRequired === true && reason === "") problems.push({ path: "$.reason", message: "请填写理由或意见" })
  for (const field of ["response", "proposal", "caseNumber"] as const) {
    if (value[field] !== undefined && !uses[field].includes(action)) {
      problems.push({ path: `$.${field}`, message: "该环节不使用此项" })
    }
  }
  if (action === "record_response") {
    if (value.response === undefined) problems.push({ path: "$.response", message: "请填写机构反馈" })
    else {
      if (value.response.kind === "appeal" && value.response.statement.trim() === "") {
        problems.push({ path: "$.response.statement", message: "申诉须写明理由" })
      }
      if (value.response.receivedOn > today) {
        problems.push({ path: "$.response.receivedOn", message: "收到日期不能晚于今天" })
      }
    }
  }
  let proposal: ReviewProposal | null = null
  if (action === "propose_exclude") proposal = { result: "exclude", disposition: null, deductionAmount: null }
  if (action === "propose_confirm") {
    if (value.proposal === undefined)
      problems.push({ path: "$.proposal", message: "请选择处理方式（扣款/核减或立案）" })
    else {
      const amount = value.proposal.deductionAmount
      if (
        value.proposal.disposition === "deduction" &&
        (amount === undefined || !Number.isFinite(amount) || amount <= 0)
      ) {
        problems.push({ path: "$.proposal.deductionAmount", message: "扣款/核减须填写大于 0 的金额" })
      } else if (amount !== undefined && (!Number.isFinite(amount) || amount < 0)) {
        problems.push({ path: "$.proposal.deductionAmount", message: "金额不能为负数" })
      } else if (amount !== undefined && roundYuan(amount) > leadAmount) {
        problems.push({
          path: "$.proposal.deductionAmount",
          message: `扣款/核减金额不得超过疑点金额 ${formatYuan(leadAmount)}`
        })
      }
      proposal = {
        result: "confirm",
        disposition: value.proposal.disposition,
        deductionAmount: amount === undefined ? null : roundYuan(amount)
      }
    }
  }
  if (problems.length > 0) return Either.left(new InvalidReviewInput({ problems }))
  return Either.right({
    reason: reason === "" ? null : reason,
    response:
      value.response === undefined
        ? null
        : {
            kind: value.response.kind,
            statement: value.response.statement.trim(),
            receivedOn: value.response.receivedOn,
            documents: (value.response.documents ?? []).map((d) => d.trim()).filter((d) => d !== "")
          },
    proposal,
    caseNumber: value.caseNumber?.trim() || null
  })
}
