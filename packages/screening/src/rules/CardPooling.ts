/**
 * CARD_POOLING (聚敛盗刷): at one pharmacy till, the same basket settled on many persons' cards
 * within minutes.
 *
 * @since 0.1.0
 */
import * as Schema from "effect/Schema"
import { numberLiteral } from "../internal/Duck.js"
import { PositiveInt, withDefault } from "../internal/Params.js"
import { chainCte } from "../internal/Windows.js"
import { defineRule } from "../Rule.js"
import { joinedDistinct, noLines, nullText, sortedList } from "./Sql.js"

const Parameters = Schema.Struct({
  /** Fewest different persons in one window that make a lead. */
  N: withDefault(PositiveInt, 5),
  /** Window length in minutes. */
  M: withDefault(PositiveInt, 10)
})

/** The order of a suspicion's episodes in its evidence. */
const episodeOrder = ["first_time", "opter", "basket"]

/**
 * The rule. Institution level, per day (key: institution and `date`). At one pharmacy and till
 * (`opter`; an empty till is one till), the effective settlements whose baskets (the set of
 * `med_list_codg` billed, net of refunds) are identical, taken in time order with anchored
 * windows of M minutes starting at settlements (`Windows.ts`): a window holding settlements of at
 * least N different persons is a pooling episode. `date` = the day of the episode's first
 * settlement; episodes of one pharmacy starting on the same day share one suspicion, and
 * `evidence.setl_ids` lists all their settlements. amount = their fund payment. Version 2: the message
 * describes the first episode of the day by time, then till and basket (version 1: by time only, so two episodes
 * starting in the same second were described either way).
 *
 * @category rules
 */
export const cardPooling = defineRule({
  code: "CARD_POOLING",
  version: 2,
  level: "institution",
  violation: "A40-1-IMPERSONATION_OR_FAKE_CARE",
  requiredTables: ["setlinfo", "feedetail", "fixmedins"],
  optionalTables: ["catalog"],
  parameters: Parameters,
  partitionInputs: ["institution"],
  title: {
    zh: "聚敛盗刷（同一收银台短时间内多人相同药品结算）",
    en: "Card pooling: same basket, many cards, minutes apart"
  },
  description: {
    zh:
      "同一药店同一收银员/收银台（opter）在 M 分钟内（默认 10 分钟，窗口从结算起算、锚定不重叠）为不少于 N 名不同参保人" +
      "（默认 5 名）结算完全相同的药品组合（结算明细的医保目录编码集合，退费冲销后），疑似聚敛医保卡盗刷。已冲销的结算" +
      "不计。date 为该批第一笔结算的日期，同一药店同一天的多批合并为一条疑点，证据 setl_ids 列出全部结算。金额为这些" +
      "结算的基金支付合计。",
    en:
      "At one pharmacy and till (opter), settlements with exactly the same basket (the set of catalogue codes " +
      "billed, net of refunds) for at least N (default 5) different persons within M minutes (default 10; " +
      "anchored, non-overlapping windows starting at settlements) — cards collected and swiped together. " +
      "Reversed settlements do not count. date is the day of the first settlement; episodes of one pharmacy on " +
      "one day make one suspicion, evidence.setl_ids lists all their settlements. Amount = their fund payment."
  },
  sql: ({ M, N }) => `
    WITH RECURSIVE ps AS (SELECT * FROM fg_setl WHERE effective AND pharmacy),
    baskets AS (
      SELECT s.setl_id, list_sort(list_distinct(list(f.med_list_codg))) AS items
      FROM ps s JOIN fg_fee f ON f.mdtrt_id = s.mdtrt_id
      GROUP BY s.setl_id
    ),
    ev AS MATERIALIZED (
      SELECT s.fixmedins_code, coalesce(s.opter, '') AS opter, array_to_string(b.items, ',') AS basket, b.items,
             s.setl_id, s.mdtrt_id, s.psn_no, s.setl_time, s.day, s.fund_pay_sumamt,
             CAST(epoch(s.setl_time) AS BIGINT) AS t
      FROM ps s JOIN baskets b ON b.setl_id = s.setl_id
    ),
    -- A window needs at least N settlements before it can hold N persons: count first (cheap),
    -- count distinct persons only for those starts. A till's basket settled fewer than N times in the whole extract
    -- (most of them) is left out before the windows are counted.
    repeated AS (
      SELECT hash(fixmedins_code, opter, basket) AS h FROM ev
      GROUP BY hash(fixmedins_code, opter, basket) HAVING count(*) >= ${numberLiteral(N)}
    ),
    busy AS (
      SELECT * FROM (
        SELECT fixmedins_code, opter, basket, t,
               count(*) OVER (PARTITION BY fixmedins_code, opter, basket ORDER BY t
                              RANGE BETWEEN CURRENT ROW AND ${numberLiteral(M * 60 - 1)} FOLLOWING) AS n
        FROM ev SEMI JOIN repeated r ON r.h = hash(ev.fixmedins_code, ev.opter, ev.basket))
      WHERE n >= ${numberLiteral(N)}
    ),
    q AS MATERIALIZED (
      SELECT b.fixmedins_code, b.opter, b.basket, b.t
      FROM busy b JOIN ev e ON e.fixmedins_code = b.fixmedins_code AND e.opter = b.opter AND e.basket = b.basket
                           AND e.t >= b.t AND e.t < b.t + ${numberLiteral(M * 60)}
      GROUP BY b.fixmedins_code, b.opter, b.basket, b.t
      HAVING count(DISTINCT e.psn_no) >= ${numberLiteral(N)}
    ),
    ${chainCte("chain", "q", ["fixmedins_code", "opter", "basket"], M * 60)},
    episodes AS (
      SELECT c.t AS start_t, e.*
      FROM chain c JOIN ev e ON e.fixmedins_code = c.fixmedins_code AND e.opter = c.opter AND e.basket = c.basket
                            AND e.t >= c.t AND e.t < c.t + ${numberLiteral(M * 60)}
    ),
    names AS (
      SELECT u.basket, ${joinedDistinct("coalesce(c.name, u.x)", "'、'")} AS names
      FROM (SELECT DISTINCT basket, unnest(items) AS x FROM episodes) u
      LEFT JOIN catalog c ON c.med_list_codg = u.x
      GROUP BY u.basket
    ),
    per_episode AS (
      SELECT fixmedins_code, opter, basket, start_t, any_value(items) AS items,
             any_value(n.names) AS names,
             min(day) AS day, min(setl_time) AS first_time, max(setl_time) AS last_time,
             count(DISTINCT psn_no) AS persons, count(*) AS settlements, sum(fund_pay_sumamt) AS amount,
             ${sortedList("setl_id", ["setl_time", "setl_id"])} AS setl_ids
      FROM episodes JOIN names n USING (basket) GROUP BY fixmedins_code, opter, basket, start_t
    )
    SELECT fixmedins_code, ${nullText} AS psn_no, ${nullText} AS mdtrt_id, ${nullText} AS setl_id,
           ${noLines} AS feedetl_sn, ${nullText} AS med_list_codg, day AS date, sum(amount) AS amount,
           {
             'setl_ids': flatten(${sortedList("setl_ids", episodeOrder)}),
             'episodes': ${sortedList(
               `{'opter': opter, 'items': items, 'from': fg_ts(first_time), 'to': fg_ts(last_time),
                 'persons': persons, 'settlements': settlements, 'setl_ids': setl_ids}`,
               episodeOrder
             )},
             'N': ${numberLiteral(N)},
             'M': ${numberLiteral(M)}
           } AS evidence,
           fg_md(day) || ' ' || strftime(min(first_time), '%H:%M') || '起，收银台' ||
             coalesce(nullif(arg_min(opter, (first_time, opter, basket)), ''), '（未填）') || ' 在 ' || ${numberLiteral(M)} ||
             ' 分钟内为 ' || arg_min(persons, (first_time, opter, basket)) || ' 名不同参保人结算相同药品组合（' ||
             arg_min(names, (first_time, opter, basket)) || '）' ||
             CASE WHEN count(*) > 1 THEN '；当天共 ' || count(*) || ' 批' ELSE '' END AS message
    FROM per_episode
    GROUP BY fixmedins_code, day
  `
})
