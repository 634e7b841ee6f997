/** Wording for the penalty result panel. */
import type { Grade, MonthsRecommendation } from "@fundguard/domain/penalty"

const digits = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"]

/** A whole number 1–99 in Chinese numerals, as article numbers are written: 38 → 三十八. */
export const chineseNumber = (n: number): string => {
  if (!Number.isInteger(n) || n < 1 || n > 99) return String(n)
  const tens = Math.floor(n / 10)
  const ones = n % 10
  const tensText = tens === 0 ? "" : tens === 1 ? "十" : `${digits[tens]}十`
  return `${tensText}${ones === 0 ? "" : digits[ones]}`
}

/** `第四十条` for article 40. */
export const articleName = (article: number): string => `第${chineseNumber(article)}条`

/** The colour a grade is shown in: heavier red, lighter green. */
export const gradeTone = (grade: Grade): "heavy" | "normal" | "light" | "none" =>
  grade === "从重" ? "heavy" : grade === "一般" ? "normal" : grade === "不予处罚" ? "none" : "light"

/** `暂停…6–12个月，建议6个月`, or `不适用`. */
export const monthsText = (months: MonthsRecommendation | null | undefined, what: string): string =>
  months === null || months === undefined
    ? "不适用"
    : `${what}${months.min === months.max ? `${months.min}个月` : `${months.min}–${months.max}个月`}，建议${months.recommended}个月`

/** A transfer's time limit. */
export const transferDeadlineText = (workingDays: number | null): string =>
  workingDays === null ? "见事由" : `处罚决定书下达后${workingDays}个工作日内`
