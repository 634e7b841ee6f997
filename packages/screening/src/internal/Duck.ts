/**
 * Thin Effect wrappers over the DuckDB Node API, and SQL quoting. Every value crosses back into
 * JavaScript through `getRowObjectsJson`, so BIGINT and DECIMAL arrive as strings instead of
 * `bigint` objects that `JSON.stringify` cannot handle (stack notes, pitfall 12).
 *
 * @internal
 */
import type { DuckDBConnection } from "@duckdb/node-api"
import * as Data from "effect/Data"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"

/** A DuckDB call failed; callers turn it into an extract problem or a rule failure. */
export class DuckDbError extends Data.TaggedError("DuckDbError")<{ readonly message: string; readonly sql: string }> {}

/** A JSON value as `getRowObjectsJson` returns it. */
export type JsonValue =
  | null
  | boolean
  | number
  | string
  | ReadonlyArray<JsonValue>
  | { readonly [k: string]: JsonValue }

/** One result row with JSON-safe values. */
export type Row = Readonly<Record<string, JsonValue>>

const errorMessage = (e: unknown): string => (e instanceof Error ? e.message : String(e))

/** Runs statements that return nothing we need. */
export const exec = (conn: DuckDBConnection, sql: string): Effect.Effect<void, DuckDbError> =>
  Effect.tryPromise({
    try: () => conn.run(sql),
    catch: (e) => new DuckDbError({ message: errorMessage(e), sql })
  }).pipe(Effect.asVoid)

/** Runs a query and returns every row as a JSON-safe object. */
export const query = (conn: DuckDBConnection, sql: string): Effect.Effect<ReadonlyArray<Row>, DuckDbError> =>
  Effect.tryPromise({
    try: async () => (await conn.runAndReadAll(sql)).getRowObjectsJson() as ReadonlyArray<Row>,
    catch: (e) => new DuckDbError({ message: errorMessage(e), sql })
  })

/**
 * Starts a query now and returns what awaits its first column's values (no row objects: cheaper for one column of
 * many rows) with the milliseconds the query took: DuckDB's threads run it meanwhile, whatever the JavaScript thread
 * does until it is awaited.
 */
export const startQueryColumn = (
  conn: DuckDBConnection,
  sql: string
): Effect.Effect<
  Effect.Effect<{ readonly values: ReadonlyArray<JsonValue>; readonly durationMs: number }, DuckDbError>
> =>
  Effect.sync(() => {
    const started = performance.now()
    // Settled into an Either at once, so that a failure nobody has awaited yet is not an unhandled rejection.
    const settled = conn
      .runAndReadAll(sql)
      .then((result) =>
        Either.right({
          values: (result.getColumnsJson()[0] ?? []) as ReadonlyArray<JsonValue>,
          // Taken when JavaScript gets to the rows: after the previous rule's check when that took longer.
          durationMs: Math.round((performance.now() - started) * 10) / 10
        })
      )
      .catch((e: unknown) => Either.left(new DuckDbError({ message: errorMessage(e), sql })))
    return Effect.flatMap(
      Effect.promise(() => settled),
      (either) => either
    )
  })

/** Quotes an identifier (`"pric"`), doubling embedded quotes. */
export const ident = (name: string): string => `"${name.replaceAll('"', '""')}"`

/** Quotes a string literal (`'abc'`), doubling embedded quotes. */
export const literal = (value: string): string => `'${value.replaceAll("'", "''")}'`

/** A finite number as a SQL literal; anything else is a programming error. */
export const numberLiteral = (value: number): string => {
  if (!Number.isFinite(value)) throw new Error(`not a finite number: ${value}`)
  return String(value)
}

/** Reads a column of a result row as a string, `null` when SQL NULL. */
export const asString = (value: JsonValue | undefined): string | null =>
  value === null || value === undefined ? null : typeof value === "string" ? value : JSON.stringify(value)

/** Reads a column of a result row as a number (BIGINT columns arrive as strings). */
export const asNumber = (value: JsonValue | undefined): number => {
  const n = typeof value === "number" ? value : Number(value)
  if (!Number.isFinite(n)) throw new Error(`expected a number, got ${JSON.stringify(value)}`)
  return n
}
