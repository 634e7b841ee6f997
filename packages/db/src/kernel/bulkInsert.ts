/**
 * Bulk inserts written in SQL for both databases, where Prisma's `createMany` costs most of the time (its query
 * compiler's cost is per row): the rows travel as one JSON parameter and the database unpacks them.
 */
import type { Provider } from "../config.js"

/** A DateTime as Prisma stores it: SQLite's text with its offset, PostgreSQL's timestamp(3) in UTC. */
export const storedInstant = (provider: Provider, at: Date): string =>
  provider === "sqlite" ? at.toISOString().replace("Z", "+00:00") : at.toISOString().slice(0, -1)

/**
 * `INSERT … SELECT` from one JSON parameter, an array of rows each an array of the columns' values: one bound
 * value whatever the batch's size (the client's cost is per bound value, and the databases limit their
 * number), unpacked by the database's own JSON functions. PostgreSQL is told each column's type.
 */
export const insertRows = (
  provider: Provider,
  table: string,
  columns: ReadonlyArray<
    readonly [name: string, pgType: "text" | "integer" | "double precision" | "jsonb" | "timestamp(3)"]
  >
): string => {
  const names = columns.map(([name]) => `"${name}"`).join(",")
  const values =
    provider === "sqlite"
      ? columns.map((_, i) => `json_extract(value, '$[${i}]')`).join(",")
      : columns
          .map(([, type], i) => (type === "jsonb" ? `r->${i}` : type === "text" ? `r->>${i}` : `(r->>${i})::${type}`))
          .join(",")
  return provider === "sqlite"
    ? `INSERT INTO "${table}" (${names}) SELECT ${values} FROM json_each(?)`
    : `INSERT INTO "${table}" (${names}) SELECT ${values} FROM jsonb_array_elements($1::jsonb) AS r`
}
