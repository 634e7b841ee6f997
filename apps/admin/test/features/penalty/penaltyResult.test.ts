import { describe, expect, it } from "vitest"
import {
  chineseNumber,
  articleName,
  gradeTone,
  monthsText,
  transferDeadlineText
} from "../../../src/features/penalty/penaltyResult.js"

describe("result wording", () => {
  it("writes article numbers in Chinese", () => {
    expect(chineseNumber(38)).toBe("三十八")
    expect(chineseNumber(40)).toBe("四十")
    expect(chineseNumber(10)).toBe("十")
    expect(chineseNumber(7)).toBe("七")
    expect(articleName(41)).toBe("第四十一条")
  })

  it("colours grades and words months and deadlines", () => {
    expect(gradeTone("从重")).toBe("heavy")
    expect(gradeTone("从轻")).toBe("light")
    expect(gradeTone("减轻")).toBe("light")
    expect(gradeTone("一般")).toBe("normal")
    expect(gradeTone("不予处罚")).toBe("none")
    expect(monthsText(null, "暂停")).toBe("不适用")
    expect(monthsText({ min: 6, max: 12, recommended: 6 }, "暂停")).toBe("暂停6–12个月，建议6个月")
    expect(transferDeadlineText(7)).toBe("处罚决定书下达后7个工作日内")
    expect(transferDeadlineText(null)).toBe("见事由")
  })
})
