/**
 * Partitioned runs: split one extract's screening across `count` workers by person or by
 * institution, each taking the records whose key hashes to its `index`. The union of the
 * partitions' suspicions is the suspicions of the whole run.
 *
 * For a rule that only compares records of one person (or one institution) the runner filters
 * the *inputs*, through views in a schema that shadows the tables, so each worker reads 1/count
 * of the data. Any other rule runs on all data and only its *output* is filtered, by the
 * suspicion's person (falling back to its institution) or institution.
 *
 * @since 0.1.0
 */
import * as Schema from "effect/Schema"
import { ident, numberLiteral } from "./internal/Duck.js"
import type { PartitionKey } from "./Rule.js"
import { type TableName, tableSpec } from "./Tables.js"

/**
 * A partition descriptor: this worker is number `index` (from 0) of `count`, split `by` key.
 *
 * @category models
 */
export const Partition = Schema.Struct({
  by: Schema.Literal("person", "institution").annotations({
    message: () => ({ message: 'must be "person" or "institution"', override: true })
  }),
  index: Schema.Int.pipe(Schema.nonNegative()),
  count: Schema.Int.pipe(Schema.greaterThanOrEqualTo(1))
})
  .pipe(Schema.filter((p) => p.index < p.count || { path: ["index"], message: "index must be less than count" }))
  .annotations({ identifier: "Partition" })
/** @category models */
export type Partition = typeof Partition.Type

/** The schema holding the partition views. */
export const partitionSchema = "__partition"

/**
 * The column each partition key splits on.
 *
 * @category models
 */
export const partitionKeyColumn: Record<PartitionKey, string> = { person: "psn_no", institution: "fixmedins_code" }

/**
 * The SQL expression giving the partition (0 to `count` − 1) of a row from its key `column` (an SQL
 * expression, e.g. a quoted identifier). Every placement of rows into partitions goes through it, so
 * that a prepared copy (`ProvincePartitions.ts`) puts each row where the runner's views look for it.
 *
 * @category rules
 */
export const partitionOf = (column: string, count: number): string => `hash(${column}) % ${numberLiteral(count)}`

/** The SQL condition selecting this partition's values of `column`. */
const inPartition = (column: string, partition: Partition): string =>
  `${partitionOf(column, partition.count)} = ${numberLiteral(partition.index)}`

/**
 * The tables among `tables` that have the key column of `by`, i.e. those a partition splits; the
 * others are seen whole by every partition.
 *
 * @category rules
 */
export const keyedTables = (by: PartitionKey, tables: ReadonlyArray<TableName>): ReadonlyArray<TableName> =>
  tables.filter((t) => tableSpec(t).columns.some((c) => c.name === partitionKeyColumn[by]))

/**
 * Statements creating one view per present table that has the partition's key column, each
 * showing only this partition's records; `derived` relations (see `Prepared.ts`) are shadowed the
 * same way. Tables without the column (the catalogue, persons when splitting by institution) are
 * left whole.
 *
 * @category rules
 */
export const partitionViews = (
  partition: Partition,
  tables: ReadonlyArray<TableName>,
  derived: ReadonlyArray<{ readonly name: string; readonly keys: ReadonlyArray<string> }> = []
): ReadonlyArray<string> => {
  const column = partitionKeyColumn[partition.by]
  const names = [
    ...keyedTables(partition.by, tables),
    ...derived.filter((d) => d.keys.includes(column)).map((d) => d.name)
  ]
  return [
    `CREATE SCHEMA IF NOT EXISTS ${partitionSchema}`,
    ...names.map(
      (t) =>
        `CREATE OR REPLACE VIEW ${partitionSchema}.${ident(t)} AS
         SELECT * FROM main.${ident(t)} WHERE ${inPartition(ident(column), partition)}`
    )
  ]
}

/**
 * Wraps a rule's query so that only this partition's suspicions remain (output filtering).
 *
 * @category rules
 */
export const filterOutput = (sql: string, partition: Partition): string => {
  const key = partition.by === "person" ? "coalesce(psn_no, fixmedins_code)" : "fixmedins_code"
  return `SELECT * FROM (${sql}) AS __unfiltered WHERE ${inPartition(key, partition)}`
}
