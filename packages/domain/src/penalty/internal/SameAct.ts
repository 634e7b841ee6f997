/**
 * 行政处罚法 Art.29 ✅: 对当事人的同一个违法行为，不得给予两次以上罚款的行政处罚。同一个违法行为违反多个法律规范
 * 应当给予罚款处罚的，按照罚款数额高的规定处罚.
 *
 * The contract cannot tell on its own whether two items are one act, so the caller says so: items that share
 * an `actId` are one act under several provisions (e.g. 串换 billed as 超标准收费 on the same money). Items
 * without an `actId` are separate acts, each graded and fined, and the fines added up (分别裁量、合并处罚).
 *
 * @since 0.2.0
 */
import type { AssessedItem } from "../PenaltyResult.js"

/**
 * Keeps one fine per act — the highest recommended one — and one refund and confiscation (the same money is
 * returned once). Non-fine sanctions are kept: Art.29 only forbids a second fine.
 *
 * @category rules
 */
export const applySameAct = (
  items: ReadonlyArray<AssessedItem>
): { readonly items: ReadonlyArray<AssessedItem>; readonly notes: ReadonlyArray<string> } => {
  const out = [...items]
  const notes: Array<string> = []
  const ids = [...new Set(items.flatMap((i) => (i.actId === null ? [] : [i.actId])))]
  for (const id of ids) {
    const members = items.map((item, index) => ({ item, index })).filter((m) => m.item.actId === id)
    if (members.length < 2) continue
    const byFine = members.reduce((a, b) =>
      (b.item.fine?.recommended ?? -1) > (a.item.fine?.recommended ?? -1) ? b : a
    )
    const byRefund = members.reduce((a, b) => (b.item.refund > a.item.refund ? b : a))
    const byConfiscation = members.reduce((a, b) => ((b.item.confiscation ?? 0) > (a.item.confiscation ?? 0) ? b : a))
    for (const { item, index } of members) {
      const dropFine = index !== byFine.index && item.fine !== null
      const dropRefund = index !== byRefund.index && item.refund > 0
      const dropConfiscation = index !== byConfiscation.index && (item.confiscation ?? 0) > 0
      if (!dropFine && !dropRefund && !dropConfiscation) continue
      const lines = [
        ...(dropFine
          ? [
              `本项与第${byFine.index + 1}项属同一违法行为（${id}），依据《中华人民共和国行政处罚法》第二十九条按照罚款数额高的规定处罚，本项不再罚款。`
            ]
          : []),
        ...(dropRefund ? [`同一违法行为涉及的基金已在第${byRefund.index + 1}项责令退回，本项不重复计算。`] : []),
        ...(dropConfiscation ? [`违法所得已在第${byConfiscation.index + 1}项没收，本项不重复计算。`] : [])
      ]
      out[index] = {
        ...item,
        fine: dropFine ? null : item.fine,
        refund: dropRefund ? 0 : item.refund,
        confiscation: dropConfiscation ? 0 : item.confiscation,
        measures: item.measures.filter(
          (m) =>
            !(dropFine && m === "罚款") &&
            !(dropRefund && (m === "责令退回" || m === "责令追回")) &&
            !(dropConfiscation && m === "没收违法所得")
        ),
        explanation: [...item.explanation, ...lines]
      }
    }
    notes.push(
      `第${members.map((m) => m.index + 1).join("、")}项为同一违法行为（${id}）违反多个规定，只按罚款数额高的第${byFine.index + 1}项处以罚款（《中华人民共和国行政处罚法》第二十九条）。`
    )
  }
  return { items: out, notes }
}
