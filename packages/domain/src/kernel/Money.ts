/**
 * Amounts of money in yuan, rounded to the fen as every Chinese decision document states them.
 *
 * @since 0.1.0
 */
import * as Schema from "effect/Schema"

/**
 * The largest amount any input may state: ten billion yuan (一百亿元). Not law — a bound on input,
 * far above any single act or a county's yearly fund, that keeps every fine computed from it (at
 * most five times) exact to the fen in floating point.
 *
 * @category models
 */
export const maxYuan = 10_000_000_000

/**
 * A non-negative, finite amount in yuan, at most `maxYuan`.
 *
 * @category models
 */
export const Yuan = Schema.Number.pipe(
  Schema.finite({ message: () => "须为有限的金额" }),
  Schema.nonNegative({ message: () => "金额不得为负" }),
  Schema.lessThanOrEqualTo(maxYuan, { message: () => `金额不得超过 ${maxYuan} 元` }),
  Schema.annotations({ identifier: "Yuan", description: "Amount in yuan (元), 0 … 10,000,000,000" })
)
/** @category models */
export type Yuan = typeof Yuan.Type

/**
 * An amount as a ledger, a receipt or a finding states it: `Yuan` with no fraction of a fen (0.001 元 cannot be paid
 * nor recorded as found).
 *
 * @category models
 * @since 0.9.0
 */
export const YuanToFen = Yuan.pipe(
  Schema.filter((n) => roundYuan(n) === n || "金额应精确到分（最多两位小数）"),
  Schema.annotations({ identifier: "YuanToFen", description: "Amount in yuan (元) to the fen, 0 … 10,000,000,000" })
)

/**
 * Rounds to the fen (0.01 yuan), half away from zero, without binary-fraction surprises
 * (13791.6 × 1.3 is 17929.079999… in floating point and must print as 17929.08).
 *
 * @category combinators
 */
export const roundYuan = (amount: number): number => {
  const sign = amount < 0 ? -1 : 1
  return (sign * Math.round(Math.abs(amount) * 100 + 1e-6)) / 100
}

/**
 * `amount × multiple`, rounded to the fen.
 *
 * @category combinators
 */
export const multiplyYuan = (amount: number, multiple: number): number => roundYuan(amount * multiple)

/**
 * Formats an amount the way decision documents print it: `13,791.60元`.
 *
 * @category formatting
 */
export const formatYuan = (amount: number): string =>
  `${amount.toLocaleString("zh-CN", { minimumFractionDigits: 2, maximumFractionDigits: 2 })}元`
