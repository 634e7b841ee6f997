/**
 * FREQUENCY_EXCEEDED (超频次收费): more units of an item in one day than the catalogue allows.
 *
 * @since 0.1.0
 */
import * as Schema from "effect/Schema"
import { compareText, groupLines, itemName, monthDay, qty, round6, type HistoryLine } from "../precheck/Claim.js"
import { defineRule } from "../Rule.js"
import { linesEvidence, nullText, snList, sortedDistinct } from "./Sql.js"

/**
 * The rule. A person's net units of one item on one day at one institution, summed over all their
 * visits there that day (splitting a day into visits does not evade the limit), above the
 * catalogue's `max_daily_cnt`. One suspicion per person, institution, item and day; all that day's
 * lines of the item are flagged and `mdtrt_id` is the visit of the earliest. amount = excess units
 * × pric, the excess taken from the latest lines first (so with one price, exactly excess × pric).
 *
 * @category rules
 */
export const frequencyExceeded = defineRule({
  code: "FREQUENCY_EXCEEDED",
  version: 1,
  level: "line",
  violation: "A38-2-OVER_TREATMENT",
  requiredTables: ["feedetail", "catalog"],
  parameters: Schema.Struct({}),
  partitionInputs: ["person", "institution"],
  title: { zh: "超频次收费（超过每日限定数量）", en: "More units a day than the catalogue allows" },
  description: {
    zh:
      "同一参保人同一天在同一机构某项目的数量（跨该机构当天的所有就诊合计，拆分就诊不能规避），退费冲销后超过目录的" +
      "每日最高数量 max_daily_cnt。每人每机构每项目每天一条疑点，标记当天该项目的全部明细，mdtrt_id 为最早一条明细所属" +
      "就诊。金额 = 超出数量 × 单价（超出部分按时间从最晚的明细算起）。证据列出每条明细、合计数量、限量和超出数量。",
    en:
      "A person's net units of one item on one day at one institution, summed across all their visits there that " +
      "day (splitting visits does not evade the limit), above the catalogue's max_daily_cnt. One suspicion per " +
      "person, institution, item and day, flagging all that day's lines of the item; mdtrt_id is the visit of the " +
      "earliest line. Amount = excess units × unit price (the excess taken from the latest lines). Evidence lists " +
      "the lines, the units, the limit and the excess."
  },
  sql: () => `
    WITH lines AS (
      SELECT f.*, c.max_daily_cnt FROM fg_fee f JOIN catalog c ON c.med_list_codg = f.med_list_codg
      WHERE c.max_daily_cnt IS NOT NULL
    ),
    -- Millions of (person, institution, item, day) groups: aggregate on a 64-bit hash of the
    -- keys first (fast), then confirm the few candidates on the keys themselves (exact).
    hashed AS (
      SELECT hash(psn_no, fixmedins_code, med_list_codg, day) AS h
      FROM lines GROUP BY hash(psn_no, fixmedins_code, med_list_codg, day)
      HAVING round(sum(net_cnt) - min(max_daily_cnt), 6) > 0
    ),
    over AS (
      SELECT l.psn_no, l.fixmedins_code, l.med_list_codg, l.day, sum(l.net_cnt) AS units, any_value(l.max_daily_cnt) AS lim
      FROM lines l SEMI JOIN hashed c ON c.h = hash(l.psn_no, l.fixmedins_code, l.med_list_codg, l.day)
      GROUP BY l.psn_no, l.fixmedins_code, l.med_list_codg, l.day
      HAVING round(sum(l.net_cnt) - any_value(l.max_daily_cnt), 6) > 0
    ),
    flagged AS (
      SELECT l.*, o.units, o.lim, o.units - o.lim AS excess,
             sum(l.net_cnt) OVER (PARTITION BY l.psn_no, l.fixmedins_code, l.med_list_codg, l.day
                                  ORDER BY l.fee_ocur_time DESC, l.mdtrt_id DESC, l.feedetl_sn DESC
                                  ROWS UNBOUNDED PRECEDING) - l.net_cnt AS later_units
      FROM lines l JOIN over o USING (psn_no, fixmedins_code, med_list_codg, day)
    )
    SELECT fixmedins_code, psn_no,
           arg_min(mdtrt_id, (fee_ocur_time, mdtrt_id, feedetl_sn)) AS mdtrt_id,
           ${nullText} AS setl_id, ${snList("f")} AS feedetl_sn, med_list_codg, day AS date,
           sum(least(net_cnt, greatest(excess - later_units, 0)) * pric) AS amount,
           {
             'med_list_name': any_value(item_name),
             'day': CAST(day AS VARCHAR),
             'units': round(any_value(units), 4),
             'max_daily_cnt': round(any_value(lim), 4),
             'excess': round(any_value(excess), 4),
             'visits': ${sortedDistinct("mdtrt_id")},
             'lines': ${linesEvidence("f")}
           } AS evidence,
           any_value(item_name) || '：' || fg_md(day) || '共 ' || fg_qty(any_value(units)) || ' 次' ||
             CASE WHEN count(DISTINCT mdtrt_id) > 1 THEN '（' || count(DISTINCT mdtrt_id) || ' 次就诊）' ELSE '' END ||
             '，超过每日限 ' || fg_qty(any_value(lim)) || ' 次，超出 ' || fg_qty(any_value(excess)) || ' 次' AS message
    FROM flagged f
    GROUP BY psn_no, fixmedins_code, med_list_codg, day
  `,
  precheck:
    () =>
    ({ visit, reference, history }) =>
      [...groupLines(visit.lines, (l) => `${l.day}\u0000${l.med_list_codg}`)].flatMap(([, lines]) => {
        const { day, med_list_codg: code } = lines[0]!
        const limit = reference.catalog.get(code)?.max_daily_cnt ?? null
        if (limit === null) return []
        // The person's lines of the item that day at this institution, from visits checked before.
        const earlier = history
          .sameDayLines(visit.psn_no, visit.fixmedins_code, day)
          .filter((h) => h.mdtrt_id !== visit.mdtrt_id && h.line.med_list_codg === code)
        const all: ReadonlyArray<HistoryLine> = [
          ...earlier,
          ...lines.map((line) => ({ mdtrt_id: visit.mdtrt_id, line }))
        ]
        const units = all.reduce((n, h) => n + h.line.net_cnt, 0)
        if (!(round6(units - limit) > 0)) return []
        const excess = units - limit
        // The excess is taken from the latest lines first; this claim's lines pay for their part of it.
        const latestFirst = [...all].sort(
          (a, b) =>
            -compareText(a.line.fee_ocur_time, b.line.fee_ocur_time) ||
            -compareText(a.mdtrt_id, b.mdtrt_id) ||
            -compareText(a.line.feedetl_sn, b.line.feedetl_sn)
        )
        let later = 0
        let amount = 0
        for (const h of latestFirst) {
          if (h.mdtrt_id === visit.mdtrt_id)
            amount += Math.min(h.line.net_cnt, Math.max(excess - later, 0)) * h.line.pric
          later += h.line.net_cnt
        }
        const visits = new Set(all.map((h) => h.mdtrt_id)).size
        return [
          {
            mdtrt_id: visit.mdtrt_id,
            flagged: lines.map((l) => l.feedetl_sn),
            involved: earlier,
            med_list_codg: code,
            date: day,
            amount,
            message:
              `${itemName(lines[0]!, reference)}：${monthDay(day)}共 ${qty(units)} 次` +
              (visits > 1 ? `（${visits} 次就诊）` : "") +
              `，超过每日限 ${qty(limit)} 次，超出 ${qty(excess)} 次`
          }
        ]
      })
})
