/**
 * The transfer ledger (移送台账) and its yearly report: every transfer to or from a department sent in a year,
 * with its receipt, supplements and result — generated from the recorded transfers, never typed again (seed
 * 004 三(三): 实行台账管理，对受理、调查、处理、移交等实行全过程记录; 三(一)3: the yearly report).
 *
 * @since 0.5.0
 */
import type { IsoDate } from "../kernel/IsoDate.js"
import { violationEntry } from "../penalty/Violation.js"
import { departmentLabel, type Department } from "./TransferRules.js"
import {
  transferDirectionLabel,
  transferOutcomeLabel,
  transferStatus,
  transferStatusLabel,
  type TransferRecord
} from "./Transfers.js"

/**
 * One line of the ledger.
 *
 * @category models
 */
export interface TransferLedgerRow {
  readonly id: string
  readonly number: string
  readonly direction: string
  readonly department: string
  readonly sentOn: IsoDate | null
  readonly subject: string
  readonly matters: string
  readonly amount: number | null
  readonly receivedOn: IsoDate | null
  readonly supplements: string
  readonly status: string
  readonly result: string
  readonly resultOn: IsoDate | null
}

/**
 * The day a transfer was sent (its `send` step), or null while it is not.
 *
 * @category rules
 */
export const transferSentOn = (record: TransferRecord): IsoDate | null =>
  record.events.find((e) => e.step._tag === "send")?.on ?? null

/**
 * A transfer as a line of the ledger.
 *
 * @category rules
 */
export const ledgerRow = (record: TransferRecord): TransferLedgerRow => {
  const received = record.events.find((e) => e.step._tag === "receive")
  const requests = record.events.filter((e) => e.step._tag === "request_supplement")
  // Answers to a request only: materials the bureau added to its draft before sending are not 补正.
  const firstRequest = record.events.findIndex((e) => e.step._tag === "request_supplement")
  const supplements =
    firstRequest < 0 ? [] : record.events.slice(firstRequest).filter((e) => e.step._tag === "supplement")
  const results = record.events.filter((e) => e.step._tag === "result")
  const last = results.at(-1)
  const answer = record.events.findLast((e) => e.step._tag === "answer_reconsideration")
  const matters = [
    ...record.listItems.map((i) => `清单第${i}项`),
    ...record.violations.map((code) => violationEntry(code).behaviour)
  ]
  return {
    id: record.id,
    number: record.number ?? "",
    direction: transferDirectionLabel[record.direction],
    department: departmentLabel[record.department],
    sentOn: transferSentOn(record),
    subject: record.institutionName ?? record.subject,
    matters: matters.join("；"),
    amount: record.amount,
    receivedOn: received?.on ?? null,
    supplements: requests.length === 0 ? "无" : `通知补正${requests.length}次，已补正${supplements.length}次`,
    status: transferStatusLabel[transferStatus(record)],
    result:
      last?.step._tag === "result"
        ? `${transferOutcomeLabel[last.step.outcome]}：${last.step.summary}${
            answer?.step._tag === "answer_reconsideration"
              ? `；复议：${answer.step.filed ? "立案" : "维持不予立案"}（${answer.step.summary}）`
              : ""
          }`
        : "",
    resultOn: last?.on ?? null
  }
}

/**
 * The yearly report of transfers with `department`: those sent in `year`, in both directions, in the order
 * they were sent, with totals.
 *
 * @category rules
 */
export const transferYearReport = (
  records: ReadonlyArray<TransferRecord>,
  year: number,
  department: Department
): {
  readonly rows: ReadonlyArray<TransferLedgerRow>
  readonly totals: {
    readonly outgoing: number
    readonly incoming: number
    readonly received: number
    readonly answered: number
    readonly pending: number
  }
} => {
  const inYear = records
    .filter((r) => r.department === department)
    .filter((r) => transferSentOn(r)?.startsWith(`${year}-`) === true)
    .sort((a, b) => (transferSentOn(a) ?? "").localeCompare(transferSentOn(b) ?? ""))
  const rows = inYear.map(ledgerRow)
  const answered = inYear.filter((r) => r.events.some((e) => e.step._tag === "result")).length
  return {
    rows,
    totals: {
      outgoing: inYear.filter((r) => r.direction === "outgoing").length,
      incoming: inYear.filter((r) => r.direction === "incoming").length,
      received: inYear.filter((r) => r.events.some((e) => e.step._tag === "receive")).length,
      answered,
      pending: inYear.length - answered
    }
  }
}
