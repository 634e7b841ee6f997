/**
 * How a staged column's text becomes its spec's type, and what makes a value empty or bad: the one definition
 * the import types (`Validation.ts`) and checks values by, also where a Parquet file's values are checked while
 * it is staged (`Staging.ts`).
 *
 * @internal
 */
import type { ColumnType } from "../Tables.js"
import { ident } from "./Duck.js"

/** The DuckDB type of each spec type. */
export const sqlType: Record<ColumnType, string> = { C: "VARCHAR", N: "DOUBLE", D: "DATE", DT: "TIMESTAMP" }

// Blank and whitespace-only cells are null; known text columns are trimmed so that codes join. DuckDB's
// trim removes Unicode space separators (Zs); for an ASCII value that is only the space, so a value with
// no space at either end and no other character than ASCII is kept as it is: trimming copies every value,
// which cost a third of a CSV's import, and codes and ids are ASCII.
/** A staged text column trimmed, with blank values as NULL. */
export const text = (column: string) => {
  const c = ident(column)
  return `CASE WHEN starts_with(${c}, ' ') OR ends_with(${c}, ' ') OR strlen(${c}) <> length(${c})
          THEN nullif(trim(${c}), '') ELSE nullif(${c}, '') END`
}

// GLOB with ASCII digit classes is the very pattern of the regular expression it replaced, at half the cost.
const digits = (n: number) => "[0-9]".repeat(n)
const datePattern = `${digits(4)}-${digits(2)}-${digits(2)}`
const dateTimePattern = `${datePattern} ${digits(2)}:${digits(2)}:${digits(2)}`

/**
 * The typed value of a staged column; NULL when the text is empty or does not parse. A native
 * column (already of the spec's type) is only normalised (non-finite numbers are not numbers).
 */
export const typed = (column: string, type: ColumnType, native = false): string => {
  if (native) {
    const c = ident(column)
    return type === "N"
      ? `CASE WHEN isfinite(CAST(${c} AS DOUBLE)) THEN CAST(${c} AS DOUBLE) END`
      : `CAST(${c} AS ${sqlType[type]})`
  }
  const t = text(column)
  switch (type) {
    case "C":
      return t
    case "N":
      return `CASE WHEN isfinite(TRY_CAST(${t} AS DOUBLE)) THEN TRY_CAST(${t} AS DOUBLE) END`
    case "D":
      return `CASE WHEN (${t}) GLOB '${datePattern}' THEN CAST(TRY_STRPTIME(${t}, '%Y-%m-%d') AS DATE) END`
    case "DT":
      return `CASE WHEN (${t}) GLOB '${dateTimePattern}' THEN TRY_STRPTIME(${t}, '%Y-%m-%d %H:%M:%S') END`
  }
}

/** The condition "the value is empty" of a staged column. */
export const isEmpty = (column: string, native: boolean): string =>
  native ? `${ident(column)} IS NULL` : `${text(column)} IS NULL`

/** The condition "a value is there but does not type", or null when every value types. */
export const isBad = (column: string, type: ColumnType, native: boolean): string | null =>
  native
    ? type === "N"
      ? `${ident(column)} IS NOT NULL AND NOT isfinite(CAST(${ident(column)} AS DOUBLE))`
      : null
    : type === "C"
      ? null
      : `${text(column)} IS NOT NULL AND (${typed(column, type)}) IS NULL`
