/**
 * Relations derived once per extract and shared by the rules, so that the spec's conventions
 * (`screening-rules.md`, "Conventions") are implemented in one place rather than once per rule:
 *
 * - `fg_period` — the extract's period: the manifest's, else the span of the dates of its claims,
 *   purchases and sales.
 * - `fg_setl` — settlements, each normal one marked `cancelled` when a reversal (`refd_setl_flag`
 *   = 1, same `mdtrt_id`) cancels it, and `effective` otherwise. A reversal cancels a normal
 *   settlement of the same visit with the same absolute `medfee_sumamt` (the k-th reversal the k-th
 *   such settlement, in time order); reversals left over cancel the visit's remaining settlements in
 *   time order.
 * - `fg_visit` — visits with their institution, care setting (inpatient `med_type` 21–29,
 *   outpatient 11–19, pharmacy 41 or an institution of `fixmedins_type` 2) and `fund_pay`: the
 *   `fund_pay_sumamt` of its settlements net of reversals. A visit that was settled and whose every
 *   settlement is cancelled is `cancelled`: it no longer exists for the visit rules. A visit with no
 *   settlement at all is kept (its `fund_pay` is 0).
 * - `fg_refund` — the refund lines summed per line they reverse (`init_feedetl_sn`, same visit).
 * - `fg_fee` — the fee lines that are still billed after refunds net out: every original line
 *   (`cnt` > 0) with the refund lines pointing at it (`init_feedetl_sn`, same visit) subtracted; fully
 *   refunded lines are gone, partly refunded ones carry their net quantity (`net_cnt`) and amount
 *   (`net_amt`). Refund lines that name no original are ignored. `is_drug`: charge type 09/10/11 or
 *   a catalogue `list_type` of `drug`. Most rules read it, so a run of several of them computes it once,
 *   into Parquet files of the handle's, the drug lines apart from the others (`PreparedRelation.storage`, `splitBy`).
 *
 * They carry `psn_no` and `fixmedins_code`, so partition views filter them like extract tables.
 *
 * @since 0.1.0
 */
import type { Manifest } from "./Manifest.js"
import { literal } from "./internal/Duck.js"

/**
 * A derived relation: its name, how it is kept, and the statement body.
 *
 * - `table`: materialised in the database (small relations read by many rules);
 * - `file`: written once to Parquet in the handle's scratch directory (one file, or one per value of `splitBy`) and
 *   read through a view —
 *   for `fg_fee`, as large as the fee lines: computed once instead of by every rule that reads it, without
 *   holding millions of rows in memory (an in-memory table of it took 1.8 GB at 10 M lines). Only when several
 *   of a run's rules read it whole; otherwise (one reader, none, or a partition's share of a whole extract) a
 *   view, like `view` (`Runner.prepare`);
 * - `view`: computed by each query that reads it.
 *
 * @category models
 */
export interface PreparedRelation {
  readonly name: string
  readonly storage: "table" | "file" | "view"
  readonly sql: string
  /** Columns a partition can filter on (see `Partition.ts`). */
  readonly keys: ReadonlyArray<"psn_no" | "fixmedins_code">
  /**
   * For a `file` relation: a boolean column, its last, by whose value the rows are written to separate files, so that
   * a rule reading only the rows where it is true skips the others' files unread.
   */
  readonly splitBy?: string
}

// Without a manifest the period spans the dates of claims and of stock movements; stock counts are
// left out because they are taken at the period's edges (the opening count is on or before its start).
const spans: ReadonlyArray<{ readonly table: string; readonly min: string; readonly max: string }> = [
  { table: "mdtrt", min: "CAST(begntime AS DATE)", max: "CAST(coalesce(endtime, begntime) AS DATE)" },
  { table: "feedetail", min: "CAST(fee_ocur_time AS DATE)", max: "CAST(fee_ocur_time AS DATE)" },
  { table: "setlinfo", min: "CAST(setl_time AS DATE)", max: "CAST(setl_time AS DATE)" },
  { table: "inv_purchase", min: "CAST(purc_retn_stoin_time AS DATE)", max: "CAST(purc_retn_stoin_time AS DATE)" },
  { table: "inv_sale", min: "CAST(sel_retn_time AS DATE)", max: "CAST(sel_retn_time AS DATE)" }
]

// The manifest's date where it gives one; else the extract's own edge, which reads every dated table (0.3 s on a
// county-year), so it is not written into the query at all when the manifest makes it unneeded.
const dateOr = (value: string | undefined, edge: "least" | "greatest", bound: (x: (typeof spans)[number]) => string) =>
  value !== undefined
    ? `DATE ${literal(value)}`
    : `${edge}(${spans.map((x) => `(SELECT ${edge === "least" ? "min" : "max"}(${bound(x)}) FROM ${x.table})`).join(", ")})`

/**
 * The derived relations in creation order. `fg_period` depends on the manifest.
 *
 * @category rules
 */
export const preparedRelations = (manifest: Manifest | null): ReadonlyArray<PreparedRelation> => [
  {
    name: "fg_period",
    storage: "table",
    keys: [],
    sql: `
      SELECT ${dateOr(manifest?.period?.from, "least", (x) => x.min)} AS from_date,
             ${dateOr(manifest?.period?.to, "greatest", (x) => x.max)} AS to_date`
  },
  {
    name: "fg_setl",
    storage: "table",
    keys: ["psn_no", "fixmedins_code"],
    sql: `
      WITH s AS (
        SELECT *, coalesce(refd_setl_flag, '0') = '1' AS is_reversal, round(abs(medfee_sumamt), 2) AS amount_key
        FROM setlinfo
      ),
      reversing AS (SELECT DISTINCT mdtrt_id FROM s WHERE is_reversal),
      candidates AS (
        SELECT s.setl_id, s.mdtrt_id, s.setl_time, s.is_reversal, s.amount_key
        FROM s SEMI JOIN reversing USING (mdtrt_id)
      ),
      by_amount AS (
        SELECT *, row_number() OVER (PARTITION BY mdtrt_id, amount_key, is_reversal ORDER BY setl_time, setl_id) AS k
        FROM candidates
      ),
      matched AS (
        SELECT n.setl_id AS normal_id, r.setl_id AS reversal_id
        FROM by_amount n JOIN by_amount r USING (mdtrt_id, amount_key, k)
        WHERE NOT n.is_reversal AND r.is_reversal
      ),
      leftover AS (
        SELECT c.* FROM candidates c
        WHERE c.setl_id NOT IN (SELECT normal_id FROM matched) AND c.setl_id NOT IN (SELECT reversal_id FROM matched)
      ),
      by_time AS (
        SELECT *, row_number() OVER (PARTITION BY mdtrt_id, is_reversal ORDER BY setl_time, setl_id) AS k FROM leftover
      ),
      cancelled AS (
        SELECT normal_id AS setl_id FROM matched
        UNION ALL
        SELECT n.setl_id FROM by_time n JOIN by_time r USING (mdtrt_id, k) WHERE NOT n.is_reversal AND r.is_reversal
      )
      SELECT s.setl_id, s.mdtrt_id, s.psn_no, s.fixmedins_code, s.setl_time, CAST(s.setl_time AS DATE) AS day,
             s.med_type, s.opter, s.medfee_sumamt, s.hifp_pay, s.fund_pay_sumamt, s.is_reversal,
             x.setl_id IS NOT NULL AS cancelled,
             NOT s.is_reversal AND x.setl_id IS NULL AS effective,
             s.med_type = '41' OR i.fixmedins_type = '2' AS pharmacy
      FROM s
      LEFT JOIN cancelled x USING (setl_id)
      LEFT JOIN fixmedins i ON i.fixmedins_code = s.fixmedins_code`
  },
  {
    name: "fg_visit",
    storage: "table",
    keys: ["psn_no", "fixmedins_code"],
    sql: `
      SELECT m.mdtrt_id, m.psn_no, m.fixmedins_code, m.med_type, m.begntime, m.endtime, m.dscg_way, m.atddr_no,
             m.dise_codg, m.dise_name, CAST(m.begntime AS DATE) AS begin_day, CAST(m.endtime AS DATE) AS end_day,
             i.fixmedins_name, i.fixmedins_type, i.org_kind, i.hosp_lv, i.aprv_bed_cnt, i.open_24h,
             fg_is_inpatient(m.med_type) AS inpatient, fg_is_outpatient(m.med_type) AS outpatient,
             m.med_type = '41' OR i.fixmedins_type = '2' AS pharmacy,
             coalesce(s.fund_pay, 0) AS fund_pay, coalesce(s.settlements, 0) AS settlements,
             coalesce(s.effective, 0) AS effective_settlements,
             coalesce(s.settlements, 0) > 0 AND coalesce(s.effective, 0) = 0 AS cancelled
      FROM mdtrt m
      LEFT JOIN fixmedins i ON i.fixmedins_code = m.fixmedins_code
      LEFT JOIN (
        SELECT mdtrt_id, sum(fund_pay_sumamt) AS fund_pay, count(*) FILTER (WHERE NOT is_reversal) AS settlements,
               count(*) FILTER (WHERE effective) AS effective
        FROM fg_setl GROUP BY mdtrt_id
      ) s ON s.mdtrt_id = m.mdtrt_id`
  },
  {
    name: "fg_refund",
    storage: "table",
    keys: [],
    sql: `
      SELECT mdtrt_id, init_feedetl_sn AS feedetl_sn, sum(cnt) AS cnt, sum(abs(det_item_fee_sumamt)) AS amt
      FROM feedetail WHERE cnt < 0 AND init_feedetl_sn IS NOT NULL
      GROUP BY mdtrt_id, init_feedetl_sn`
  },
  {
    name: "fg_fee",
    storage: "file",
    keys: ["psn_no", "fixmedins_code"],
    // SETTLED_NOT_SOLD and SUPPLY_DAYS_EXCEEDED read the drug lines only, 8 % of the lines of an independently made
    // county-year; skipping the others' files took a fifth of their CPU time off (2.6 -> 2.0 s, 5.1 -> 4.0 s).
    splitBy: "is_drug",
    sql: `
      SELECT f.fixmedins_code, f.psn_no, f.mdtrt_id, f.feedetl_sn, f.med_list_codg, f.med_chrgitm_type,
             f.fee_ocur_time, CAST(f.fee_ocur_time AS DATE) AS day, f.cnt,
             coalesce(-r.cnt, 0) AS refunded_cnt, f.cnt + coalesce(r.cnt, 0) AS net_cnt, f.pric,
             f.det_item_fee_sumamt - coalesce(r.amt, 0) AS net_amt,
             f.prd_days,
             coalesce(c.name, f.med_list_codg) AS item_name, c.list_type,
             f.med_chrgitm_type IN ('09', '10', '11') OR coalesce(c.list_type = 'drug', false) AS is_drug
      FROM feedetail f
      LEFT JOIN fg_refund r ON r.mdtrt_id = f.mdtrt_id AND r.feedetl_sn = f.feedetl_sn
      LEFT JOIN catalog c ON c.med_list_codg = f.med_list_codg
      -- A line is billed while its net quantity rounds above 0. Most lines have no refund and a quantity of 1 or
      -- more: the rounding is only worked out for the others.
      WHERE f.cnt > 0
        AND (r.cnt IS NULL AND (f.cnt >= 0.000001 OR round(f.cnt, 6) > 0) OR round(f.cnt + r.cnt, 6) > 0)`
  }
]

/** Names of the derived relations (they are never extract tables). */
export const preparedNames: ReadonlyArray<string> = preparedRelations(null).map((r) => r.name)
