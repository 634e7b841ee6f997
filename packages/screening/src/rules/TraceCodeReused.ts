/**
 * TRACE_CODE_REUSED (追溯码重复): one drug package's traceability code scanned at more than one
 * sale or settlement — the package was sold again (回流药) or the code is fake.
 *
 * @since 0.1.0
 */
import * as Schema from "effect/Schema"
import { defineRule, stageFactsRelation } from "../Rule.js"
import { noLines, nullText, sortedList } from "./Sql.js"

/** Every distinct scan of the extract (or of the institution partition a staged run reads). */
const everyScan = `(SELECT DISTINCT drug_trac_codg, fixmedins_code, src, ref, mdtrt_id, scan_time FROM drugtrac)`

/**
 * Every scan of `scansFrom` (a relation of distinct scans: code, institution, source, reference, visit, time)
 * with what its own institution's records say of it: its settlement, its price, whether its record was found, and
 * whether it was undone. Every join stays within the scan's institution, so a province run works this out in each
 * institution partition (`RuleSpec.staged`).
 */
const scanFacts = (scansFrom: string): string => `
    -- A sale scan names the document, not its line: its price is the lowest of the document's priced lines (a
    -- lead does not claim more than the package can have cost; a free line, 赠品, prices nothing), and it is
    -- undone when a line of the document was returned (which package went back is not known, and a lead is not
    -- raised on a package that may have). Both are taken from every line, so that a document of several drugs
    -- gives one answer every run.
    WITH c AS (SELECT * FROM ${scansFrom}),
    sales AS (
      SELECT fixmedins_code, rtal_docno, min(setl_id) AS setl_id,
             coalesce(min(finl_trns_pric) FILTER (WHERE finl_trns_pric > 0), min(finl_trns_pric)) AS pric
      FROM inv_sale GROUP BY fixmedins_code, rtal_docno
    ),
    returned AS (
      SELECT DISTINCT s.fixmedins_code, s.rtal_docno
      FROM inv_sale s JOIN inv_sale_return r
        ON r.fixmedins_code = s.fixmedins_code AND r.med_list_codg = s.med_list_codg
       AND r.sel_retn_time >= s.sel_retn_time
       AND ((s.setl_id IS NOT NULL AND r.setl_id = s.setl_id)
            OR (s.setl_id IS NULL AND r.setl_id IS NULL AND r.fixmedins_bchno = s.fixmedins_bchno
                AND abs(r.sel_retn_cnt) = abs(s.sel_retn_cnt)))
    ),
    -- A fee scan is the fee line and the settlement of its own institution's visit (version 3: version 2 matched
    -- them by visit alone, so a scan recorded under another institution than its visit's took that visit's line).
    -- Only the visits scanned: a province's settlements grouped whole cost more than the rest of the rule.
    fee_setl AS (
      SELECT s.fixmedins_code, s.mdtrt_id, min(s.setl_id) AS setl_id
      FROM fg_setl s SEMI JOIN (SELECT DISTINCT fixmedins_code, mdtrt_id FROM c WHERE src = 'fee') v
        ON v.fixmedins_code = s.fixmedins_code AND v.mdtrt_id = s.mdtrt_id
      WHERE s.effective GROUP BY s.fixmedins_code, s.mdtrt_id
    ),
    refunds AS (
      SELECT fixmedins_code, mdtrt_id, init_feedetl_sn AS feedetl_sn, sum(cnt) AS cnt FROM feedetail
      WHERE cnt < 0 AND init_feedetl_sn IS NOT NULL GROUP BY fixmedins_code, mdtrt_id, init_feedetl_sn
    )
    SELECT c.drug_trac_codg, c.fixmedins_code, c.src, c.ref, c.mdtrt_id, c.scan_time,
           s.setl_id, s.pric, s.rtal_docno IS NULL AS unknown, x.rtal_docno IS NOT NULL AS undone
    FROM c
    LEFT JOIN sales s ON s.fixmedins_code = c.fixmedins_code AND s.rtal_docno = c.ref
    LEFT JOIN returned x ON x.fixmedins_code = c.fixmedins_code AND x.rtal_docno = c.ref
    WHERE c.src = 'sale'
    UNION ALL
    -- One pass over the fee lines: a scan of a refund line, or of a line refunded in full, is undone.
    SELECT c.drug_trac_codg, c.fixmedins_code, c.src, c.ref, c.mdtrt_id, c.scan_time,
           fs.setl_id, o.pric, o.feedetl_sn IS NULL AS unknown,
           (o.feedetl_sn IS NOT NULL AND (o.cnt <= 0 OR round(o.cnt + coalesce(r.cnt, 0), 6) <= 0)) AS undone
    FROM c
    LEFT JOIN feedetail o ON o.fixmedins_code = c.fixmedins_code AND o.mdtrt_id = c.mdtrt_id AND o.feedetl_sn = c.ref
    LEFT JOIN refunds r ON r.fixmedins_code = c.fixmedins_code AND r.mdtrt_id = c.mdtrt_id AND r.feedetl_sn = c.ref
    LEFT JOIN fee_setl fs ON fs.fixmedins_code = c.fixmedins_code AND fs.mdtrt_id = c.mdtrt_id
    WHERE c.src = 'fee'
`

/** The scans' facts (`fg_stage_facts`) of whole codes grouped: one suspicion per code counted more than once. */
const verdict = `
    -- A fee scan of the settlement a counted sale scan of the same code belongs to is the same dispensing seen twice.
    WITH all_scans AS (
      SELECT f.*,
             CASE WHEN f.undone THEN CASE WHEN f.src = 'sale' THEN 'returned' ELSE 'refunded' END
                  WHEN f.src = 'fee' AND f.setl_id IS NOT NULL AND EXISTS (
                    SELECT 1 FROM ${stageFactsRelation} s
                    WHERE s.src = 'sale' AND s.drug_trac_codg = f.drug_trac_codg AND NOT s.undone AND s.setl_id = f.setl_id)
                  THEN 'same_dispensing_as_sale' END AS why_not
      FROM ${stageFactsRelation} f
    ),
    -- The amount is the price of every counted scan after the first, taken as the sum less the first's
    -- price: one aggregate, where numbering the scans of each code in a window took a third of the rule. "First"
    -- is one order everywhere (time, source, reference, institution, visit), so that ties cannot attribute the
    -- lead to one institution and leave out another's price.
    counted_scans AS (SELECT *, why_not IS NULL AS counted FROM all_scans),
    reused AS (
      SELECT drug_trac_codg FROM counted_scans GROUP BY drug_trac_codg HAVING count(*) FILTER (WHERE counted) > 1
    )
    SELECT arg_min(o.fixmedins_code, (NOT o.counted, o.scan_time, o.src, o.ref, o.fixmedins_code, o.mdtrt_id)) AS fixmedins_code,
           ${nullText} AS psn_no, ${nullText} AS mdtrt_id, ${nullText} AS setl_id, ${noLines} AS feedetl_sn,
           ${nullText} AS med_list_codg,
           CAST(min(o.scan_time) FILTER (WHERE o.counted) AS DATE) AS date,
           coalesce(sum(o.pric) FILTER (WHERE o.counted)
             - coalesce(arg_min_null(o.pric, (o.scan_time, o.src, o.ref, o.fixmedins_code, o.mdtrt_id)) FILTER (WHERE o.counted), 0), 0)
             AS amount,
           {
             'drug_trac_codg': o.drug_trac_codg,
             'scans': count(*) FILTER (WHERE o.counted),
             'institutions': count(DISTINCT o.fixmedins_code) FILTER (WHERE o.counted),
             'refs': ${sortedList(
               `{'src': o.src, 'ref': o.ref, 'fixmedins_code': o.fixmedins_code, 'mdtrt_id': o.mdtrt_id,
                 'setl_id': o.setl_id, 'scan_time': fg_ts(o.scan_time), 'counted': o.counted,
                 'not_counted_because': o.why_not}`,
               ["o.scan_time", "o.src", "o.ref", "o.fixmedins_code", "o.mdtrt_id"]
             )}
           } AS evidence,
           '追溯码 ' || o.drug_trac_codg || ' 被扫码销售或结算 ' || count(*) FILTER (WHERE o.counted) || ' 次（' ||
             count(DISTINCT o.fixmedins_code) FILTER (WHERE o.counted) || ' 家机构），疑似回流药或追溯码重复使用' AS message
    FROM counted_scans o SEMI JOIN reused r ON r.drug_trac_codg = o.drug_trac_codg
    GROUP BY o.drug_trac_codg
  `

/**
 * The rule. Trace level (key: `evidence.drug_trac_codg`): a `drug_trac_codg` with more than one
 * counted scan. A scan is counted unless it was undone:
 *
 * - a sale scan (`src` = `sale`, `ref` = `rtal_docno`) whose sale was returned (an
 *   `inv_sale_return` row matching a line of the document: same institution and item, for the same
 *   `setl_id`, or, for a sale without `setl_id`, the same batch and quantity, at or after the sale);
 * - a fee scan (`src` = `fee`, `ref` = `feedetl_sn`) of a refund line or of a line fully refunded.
 *
 * A fee scan of the settlement a counted sale scan of the same code belongs to is the same
 * dispensing seen twice (stock and settlement) and is not counted again. `evidence.refs` lists
 * every scan with whether it counted and why not. amount = the unit price of each counted scan after
 * the first (fee scans: the line's `pric`; sale scans: the lowest positive `finl_trns_pric` of the document's
 * lines, since a scan names the document and not its line; for the same reason a sale scan is undone when any
 * line of its document was returned). Version 2: version 1 took the price, item, batch
 * and quantity of an arbitrary line of a document of several lines, which could differ from run to run.
 *
 * @category rules
 */
export const traceCodeReused = defineRule({
  code: "TRACE_CODE_REUSED",
  version: 3,
  level: "trace",
  violation: "A41-1-RESALE",
  requiredTables: ["drugtrac", "feedetail", "setlinfo"],
  optionalTables: ["inv_sale", "inv_sale_return", "catalog"],
  parameters: Schema.Struct({}),
  partitionInputs: [],
  title: { zh: "药品追溯码重复扫码", en: "Drug traceability code scanned more than once" },
  description: {
    zh:
      "同一药品追溯码在销售（进销存销售 src=sale）或结算（费用明细 src=fee）中被扫码超过一次，疑似回流药倒卖或追溯码" +
      "造假。已被销售退货撤销的销售、退费明细及全部退费的明细不计；同一笔结算既有销售扫码又有结算扫码的只算一次。" +
      "每个追溯码一条疑点，证据 refs 列出每次扫码（来源、单据、机构、时间、是否计入及原因）。金额为第一次之后各次计入" +
      "扫码的单价（结算按明细单价，销售按该销售单各行大于 0 的最终成交价中最低者）。扫码只记销售单号，因此销售单任一行" +
      "退货即视为该次销售扫码已撤销。结算扫码只与本机构同一次就诊的明细和结算对应。",
    en:
      "One drug traceability code scanned more than once in sales (src=sale) or settlements (src=fee) — resold " +
      "returned drugs or forged codes. Sales undone by a sale return, refund lines and fully refunded lines do " +
      "not count, and a settlement's fee scan of a package already counted by its sale scan is not counted again. " +
      "One suspicion per code; evidence.refs lists every scan (source, document, institution, time, whether it " +
      "counted and why not). Amount = the unit price of every counted scan after the first (line price for fee " +
      "scans; for sale scans the lowest positive final price among the sale document's lines). A sale scan names " +
      "only the document, so a return of any of its lines undoes the scan. A fee scan is matched only to its own " +
      "institution's line and settlement of the visit."
  },
  staged: { key: "drug_trac_codg", facts: () => scanFacts(everyScan), verdict: () => verdict },
  sql: () => `
    -- Only a code on more than one scan row can be reused: a real extract scans every package of every drug
    -- line, most of them once, so the scans worth a closer look are found first by one aggregate — over the
    -- codes' 64-bit hashes, not the codes: a province's tens of millions of codes then fit in memory (a hash
    -- shared by two codes only lets a few more scans through; the codes themselves decide below).
    WITH several AS (
      SELECT hash(drug_trac_codg) AS code_hash FROM drugtrac GROUP BY code_hash HAVING count(*) > 1
    ),
    candidates AS MATERIALIZED (
      SELECT d.drug_trac_codg, d.fixmedins_code, d.src, d.ref, d.mdtrt_id, d.scan_time
      FROM drugtrac d SEMI JOIN several s ON s.code_hash = hash(d.drug_trac_codg)
    ),
    -- Most codes scanned twice are one dispensing seen twice: a pharmacy scans the package when it sells it and
    -- when the sale is settled (98 % of the codes scanned more than once in an independently made county-year).
    -- A code of exactly one sale scan and one fee scan at one institution, whose sale document belongs to the
    -- settlement of the fee scan's visit (the very settlements the scans' facts find below), is never a lead:
    -- either the sale counts and the fee scan is the same dispensing, or the sale was returned and the fee scan
    -- is the only one left. Such codes are left out before the facts, which then look up tens of thousands of scans
    -- instead of millions (61 K of 2.72 M there). Raw rows are counted: two identical rows share their source, so
    -- "one sale and one fee" is two distinct scans, and repeated rows only keep a code in.
    pairs AS (
      SELECT drug_trac_codg, any_value(fixmedins_code) AS fixmedins_code,
             any_value(ref) FILTER (WHERE src = 'sale') AS rtal_docno,
             any_value(mdtrt_id) FILTER (WHERE src = 'fee') AS mdtrt_id
      FROM candidates GROUP BY drug_trac_codg
      HAVING count(*) = 2 AND count(*) FILTER (WHERE src = 'sale') = 1 AND count(*) FILTER (WHERE src = 'fee') = 1
         AND min(fixmedins_code) = max(fixmedins_code)
    ),
    -- Only the pairs' visits are grouped: all of a county-year's effective settlements took 1.4 s, these 0.2 s.
    one_dispensing AS (
      SELECT p.drug_trac_codg
      FROM pairs p
      JOIN (SELECT fixmedins_code, rtal_docno, min(setl_id) AS setl_id FROM inv_sale GROUP BY fixmedins_code, rtal_docno) s
        ON s.fixmedins_code = p.fixmedins_code AND s.rtal_docno = p.rtal_docno
      JOIN (SELECT s.fixmedins_code, s.mdtrt_id, min(s.setl_id) AS setl_id
            FROM fg_setl s SEMI JOIN pairs q ON q.fixmedins_code = s.fixmedins_code AND q.mdtrt_id = s.mdtrt_id
            WHERE s.effective GROUP BY s.fixmedins_code, s.mdtrt_id) v
        ON v.fixmedins_code = p.fixmedins_code AND v.mdtrt_id = p.mdtrt_id
      WHERE s.setl_id = v.setl_id
    ),
    scans AS (
      SELECT DISTINCT c.* FROM candidates c ANTI JOIN one_dispensing o ON o.drug_trac_codg = c.drug_trac_codg
    ),
    ${stageFactsRelation} AS (${scanFacts("scans")})
    SELECT * FROM (${verdict})
  `
})
