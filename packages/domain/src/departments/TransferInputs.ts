/**
 * What the sender of a transfer writes: the bureau's draft of an outgoing transfer, and what a department
 * sends the bureau (or the bureau copies from a letter).
 *
 * @since 0.5.0
 */
import * as Schema from "effect/Schema"
import { IsoDate } from "../kernel/IsoDate.js"
import { Yuan } from "../kernel/Money.js"
import { ViolationCode } from "../penalty/Violation.js"
import { Department } from "./TransferRules.js"
import { TransferMaterial } from "./Transfers.js"

const Text = (max: number) =>
  Schema.String.pipe(
    Schema.minLength(1, { message: () => "不得为空" }),
    Schema.maxLength(max, { message: () => `长度不得超过 ${max} 个字符` })
  )

/** A code of the violation catalogue, refused in Chinese like every other field of a transfer. */
const Violation = ViolationCode.annotations({
  message: () => "应为违法行为目录中的代码，如 A38-2-OVER_PRESCRIPTION"
})

/**
 * What the sender writes on a transfer.
 *
 * @category models
 */
export const TransferDraft = Schema.Struct({
  department: Department,
  /** The institution the transfer is about; omit for a person (a public servant, an insured person). */
  institutionCode: Schema.optional(Text(30)),
  /** The party as the letter names it (defaults to the institution's name). */
  subject: Schema.optional(Text(200)),
  caseId: Schema.optional(Text(64)),
  /** 行政处罚决定书下达日: the health commission's limit runs from it. */
  decisionDate: Schema.optional(IsoDate),
  violations: Schema.Array(Violation).pipe(Schema.maxItems(50)),
  listItems: Schema.optional(Schema.Array(Schema.Int.pipe(Schema.between(1, 20))).pipe(Schema.maxItems(20))),
  facts: Text(10_000),
  /** At most `maxYuan` (ten billion yuan), the bound on every amount the system takes in. */
  amount: Schema.optional(Yuan),
  officers: Schema.Array(Text(50)).pipe(Schema.maxItems(20)),
  materials: Schema.Array(TransferMaterial).pipe(Schema.maxItems(100))
}).annotations({ identifier: "TransferDraft" })
/** @category models */
export type TransferDraft = typeof TransferDraft.Type

/**
 * What a department sends the bureau (an incoming transfer), or what the bureau records from a letter.
 *
 * @category models
 */
export const IncomingTransfer = Schema.Struct({
  /** 移送书文号 as the sender wrote it. */
  number: Schema.optional(Text(60)),
  institutionCode: Schema.optional(Text(30)),
  subject: Schema.optional(Text(200)),
  /** When the sender found the lead (its own limit runs from it). */
  discoveredOn: IsoDate,
  violations: Schema.Array(Violation).pipe(Schema.maxItems(50)),
  listItems: Schema.optional(Schema.Array(Schema.Int.pipe(Schema.between(1, 20))).pipe(Schema.maxItems(20))),
  facts: Text(10_000),
  /** At most `maxYuan` (ten billion yuan), the bound on every amount the system takes in. */
  amount: Schema.optional(Yuan),
  materials: Schema.Array(TransferMaterial).pipe(Schema.minItems(1), Schema.maxItems(100))
}).annotations({ identifier: "IncomingTransfer" })
/** @category models */
export type IncomingTransfer = typeof IncomingTransfer.Type
