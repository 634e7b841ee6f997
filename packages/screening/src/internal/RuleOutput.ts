/**
 * A rule's output: its query wrapped in the suspicion contract, and the rows checked and turned into suspicions.
 * Shared by the runner and the staged verdicts (`Staged.ts`), so both file leads the same way.
 */
import { roundYuan } from "@fundguard/domain/kernel"
import { type Suspicion, suspicionKey } from "@fundguard/domain/screening"
import type { DuckDBConnection } from "@duckdb/node-api"
import * as Effect from "effect/Effect"
import type { Rule } from "../Rule.js"
import { asString, type DuckDbError, startQueryColumn, type Row } from "./Duck.js"

/** Code-point order, the order of every list a run returns. */
export const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0)

/**
 * The rule query `sql` with the contract's columns, each row as one JSON text; the casts pin their types, whatever
 * the rule's SQL produced. One text a row: DuckDB writes it, and parsing it takes half the time the Node API
 * takes to hand over ten columns value by value (a rule of 180,000 leads: 1.0 s instead of 2.0 s). An amount that
 * is not a finite number is written as null (JSON has no NaN), and refused as such.
 */
export const contract = (sql: string) => `
  SELECT CAST(to_json(__suspicion) AS VARCHAR) AS suspicion FROM (
    SELECT CAST(fixmedins_code AS VARCHAR) AS fixmedins_code, CAST(psn_no AS VARCHAR) AS psn_no,
           CAST(mdtrt_id AS VARCHAR) AS mdtrt_id, CAST(setl_id AS VARCHAR) AS setl_id,
           CAST(coalesce(feedetl_sn, []) AS VARCHAR[]) AS feedetl_sn, CAST(med_list_codg AS VARCHAR) AS med_list_codg,
           CAST(date AS VARCHAR) AS date,
           CASE WHEN isfinite(CAST(amount AS DOUBLE)) THEN CAST(amount AS DOUBLE) END AS amount,
           to_json(evidence) AS evidence, CAST(message AS VARCHAR) AS message
    FROM (${sql}) AS __rule
  ) AS __suspicion`

/** A rule query's rows, one JSON text each (`contract`), and the milliseconds the query took. */
export interface RuleRows {
  readonly rows: ReadonlyArray<string>
  readonly durationMs: number
}

/**
 * Starts a rule's query `sql` in the contract (`contract`) now, and returns what awaits its rows: a run starts the
 * next rule's query before it checks this one's rows (`suspicionsOf`), so that DuckDB works meanwhile.
 */
export const startRuleOutput = (
  conn: DuckDBConnection,
  sql: string
): Effect.Effect<Effect.Effect<RuleRows, DuckDbError>> =>
  Effect.map(
    startQueryColumn(conn, contract(sql)),
    Effect.map(({ durationMs, values }) => ({ rows: values.map((t) => asString(t) ?? "null"), durationMs }))
  )

/** Runs a rule's query `sql` in the contract (`contract`): one JSON text per row, for `suspicionsOf`. */
export const ruleOutput = (conn: DuckDBConnection, sql: string): Effect.Effect<ReadonlyArray<string>, DuckDbError> =>
  Effect.flatten(startRuleOutput(conn, sql)).pipe(Effect.map((r) => r.rows))

/** What each level's key needs (`screening-rules.md`, "Levels and their key"). */
const missingKey = (s: Suspicion): string | null => {
  const need: Record<Suspicion["level"], ReadonlyArray<[string, unknown]>> = {
    line: [
      ["mdtrt_id", s.mdtrt_id],
      ["feedetl_sn", s.feedetl_sn.length > 0 ? s.feedetl_sn : null]
    ],
    visit: [["mdtrt_id", s.mdtrt_id]],
    person: [
      ["psn_no", s.psn_no],
      ["date", s.date]
    ],
    item: [["med_list_codg", s.med_list_codg]],
    institution: [],
    staff: [
      ["evidence.staff_code", s.evidence.staff_code],
      ["date", s.date]
    ],
    trace: [["evidence.drug_trac_codg", s.evidence.drug_trac_codg]],
    settlement: [["setl_id", s.setl_id]]
  }
  return need[s.level].find(([, v]) => v === null || v === undefined)?.[0] ?? null
}

const toSuspicion = (rule: Rule, row: Row): Suspicion | string => {
  const fixmedins = asString(row.fixmedins_code)
  if (fixmedins === null) return "a suspicion has no fixmedins_code"
  const date = asString(row.date)
  if (date !== null && !/^\d{4}-\d{2}-\d{2}$/.test(date)) return `date ${JSON.stringify(date)} is not yyyy-MM-dd`
  const amount = typeof row.amount === "number" ? row.amount : Number.NaN
  if (!Number.isFinite(amount)) return `amount ${JSON.stringify(row.amount)} is not a number`
  const evidence: unknown = row.evidence ?? {}
  if (typeof evidence !== "object" || evidence === null || Array.isArray(evidence)) return "evidence is not an object"
  const suspicion: Suspicion = {
    rule: rule.code,
    ruleVersion: rule.version,
    level: rule.level,
    fixmedins_code: fixmedins,
    psn_no: asString(row.psn_no),
    mdtrt_id: asString(row.mdtrt_id),
    setl_id: asString(row.setl_id),
    feedetl_sn: (Array.isArray(row.feedetl_sn) ? row.feedetl_sn.map((v) => asString(v) ?? "") : []).sort(compare),
    med_list_codg: asString(row.med_list_codg),
    date,
    amount: roundYuan(amount),
    violation: rule.violation,
    evidence: evidence as Record<string, unknown>,
    message: asString(row.message) ?? ""
  }
  const missing = missingKey(suspicion)
  return missing === null ? suspicion : `a ${rule.level}-level suspicion has no ${missing}`
}

/**
 * The suspicions of a rule's rows, in key order; or what is wrong with them (a row breaking the contract, two
 * rows of one key), which is a fault of the rule.
 */
export const suspicionsOf = (rule: Rule, rows: ReadonlyArray<string>): ReadonlyArray<Suspicion> | string => {
  const byKey = new Map<string, Suspicion>()
  for (const text of rows) {
    let row: unknown
    try {
      row = JSON.parse(text)
    } catch (e) {
      return `a suspicion is not valid JSON (${e instanceof Error ? e.message : String(e)})`
    }
    if (typeof row !== "object" || row === null || Array.isArray(row)) return "a suspicion is not an object"
    const s = toSuspicion(rule, row as Row)
    if (typeof s === "string") return s
    const key = suspicionKey(s)
    if (byKey.has(key)) return `two suspicions with the same key ${key}`
    byKey.set(key, s)
  }
  return [...byKey.entries()].sort(([a], [b]) => compare(a, b)).map(([, s]) => s)
}
