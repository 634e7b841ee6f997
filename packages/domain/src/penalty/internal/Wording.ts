/**
 * Chinese wording shared by the explanations: numerals as articles are cited, the names of the parties
 * and of the laws. Explanations are meant to be pasted into a 行政处罚决定书, so they follow its style.
 *
 * @since 0.2.0
 */
import type { SubjectKind } from "../Violation.js"

const digits = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"]

/**
 * A whole number 1–99 in Chinese numerals, the way article numbers are written: 38 → 三十八.
 *
 * @category formatting
 */
export const chineseNumber = (n: number): string => {
  if (!Number.isInteger(n) || n < 1 || n > 99) return String(n)
  const tens = Math.floor(n / 10)
  const ones = n % 10
  const tensText = tens === 0 ? "" : tens === 1 ? "十" : `${digits[tens]}十`
  return `${tensText}${ones === 0 ? "" : digits[ones]}`
}

/**
 * `第四十条`, `第四十一条第二款`.
 *
 * @category formatting
 */
export const articleText = (article: number, paragraph: number | null = null): string =>
  `第${chineseNumber(article)}条${paragraph === null ? "" : `第${chineseNumber(paragraph)}款`}`

/** @category formatting */
export const R735 = "《医疗保障基金使用监督管理条例》"
/** @category formatting */
export const APL = "《中华人民共和国行政处罚法》"
/** @category formatting */
export const SIL = "《中华人民共和国社会保险法》"
/** @category formatting */
export const SEED004_TITLE = "《自治区医保局 卫生健康委关于建立医保基金监管联动工作机制的通知》（宁夏，2022）"

/**
 * How a decision names the party.
 *
 * @category formatting
 */
export const subjectKindLabel: Readonly<Record<SubjectKind, string>> = {
  institution: "定点医药机构",
  individual: "个人",
  agency: "医疗保障经办机构",
  staff: "工作人员"
}

/**
 * A multiple as decision documents write it: `1.3倍`.
 *
 * @category formatting
 */
export const multipleText = (multiple: number): string => `${Number(multiple.toFixed(2))}倍`

/**
 * A month range: `6–12个月`, or `6个月` when both ends meet.
 *
 * @category formatting
 */
export const monthsRangeText = (min: number, max: number): string => (min === max ? `${min}个月` : `${min}–${max}个月`)
