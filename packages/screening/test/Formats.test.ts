import { assert, describe, it } from "@effect/vitest"
import * as Effect from "effect/Effect"
import { join } from "node:path"
import { afterAll } from "vitest"
import { DuckDBInstance } from "@duckdb/node-api"
import { formatProblem, importExtract, importExtractScoped, runScreening } from "../src/index.js"
import {
  AMOXICILLIN,
  baseTables,
  cleanupDirs,
  INFUSION,
  line,
  type Tables,
  toJsonl,
  ULTRASOUND,
  writeCsvExtract,
  writeDir
} from "./utils/extract.js"

afterAll(cleanupDirs)

const lines = [
  line({ sn: "1", visit: 2, item: INFUSION, cnt: 3, pric: 12 }),
  line({ sn: "2", visit: 3, item: ULTRASOUND, cnt: 3, pric: 90 }),
  line({ sn: "3", visit: 3, item: ULTRASOUND, cnt: -1, pric: 90, init: "2" }),
  line({ sn: "1", visit: 5, item: AMOXICILLIN, cnt: 2, pric: 17.8 })
]

/** Writes the tables of `tables` (all, or those in `only`) as Parquet files into `dir`. */
const writeParquet = (tables: Tables, dir: string, only?: ReadonlyArray<string>) =>
  Effect.scoped(
    Effect.gen(function* () {
      // Import the CSV first so the Parquet files carry real DOUBLE, DATE and TIMESTAMP columns.
      const handle = yield* importExtractScoped(writeCsvExtract(tables))
      for (const table of handle.tables.filter((t) => only === undefined || only.includes(t))) {
        const target = join(dir, `${table}.parquet`)
        yield* Effect.promise(() =>
          handle.connection.run(`COPY (SELECT * FROM ${table}) TO '${target}' (FORMAT parquet)`)
        )
      }
    })
  )

/** Runs one SQL statement on a scratch DuckDB database. */
const scratch = (sql: string) =>
  Effect.promise(async () => {
    const instance = await DuckDBInstance.create(":memory:")
    const connection = await instance.connect()
    try {
      await connection.run(sql)
    } finally {
      connection.closeSync()
      instance.closeSync()
    }
  })

const screen = (dir: string) =>
  Effect.map(runScreening({ extract: dir, rules: ["PRICE_OVER_CAP"] }), (r) => r.suspicions)

describe("file formats", () => {
  it.effect("CSV, JSONL and Parquet of the same data give the same suspicions", () =>
    Effect.gen(function* () {
      const csvDir = writeCsvExtract(baseTables(lines))
      const jsonlDir = writeDir(
        Object.fromEntries(Object.entries(baseTables(lines)).map(([name, rows]) => [`${name}.jsonl`, toJsonl(rows)]))
      )
      const parquetDir = writeDir({})
      yield* writeParquet(baseTables(lines), parquetDir)
      const fromCsv = yield* screen(csvDir)
      assert.strictEqual(fromCsv.length, 3)
      assert.deepStrictEqual(yield* screen(jsonlDir), fromCsv)
      assert.deepStrictEqual(yield* screen(parquetDir), fromCsv)
    })
  )

  it.effect("accepts a mix of formats in one extract, typing Parquet dates and timestamps", () =>
    Effect.gen(function* () {
      const { feedetail: _f, psn: _p, ...rest } = baseTables(lines)
      const dir = writeCsvExtract(rest)
      yield* writeParquet(baseTables(lines), dir, ["feedetail", "psn"])
      const handle = yield* importExtractScoped(dir)
      assert.deepStrictEqual(handle.files, {
        fixmedins: "fixmedins.csv",
        psn: "psn.parquet",
        mdtrt: "mdtrt.csv",
        feedetail: "feedetail.parquet",
        setlinfo: "setlinfo.csv",
        catalog: "catalog.csv"
      })
      const reader = yield* Effect.promise(() =>
        handle.connection.runAndReadAll(
          `SELECT (SELECT CAST(brdy AS VARCHAR) FROM psn ORDER BY psn_no LIMIT 1) AS brdy,
                  (SELECT CAST(max(fee_ocur_time) AS VARCHAR) FROM feedetail) AS t`
        )
      )
      assert.deepStrictEqual(reader.getRowObjectsJson(), [{ brdy: "1960-05-12", t: "2025-01-06 09:30:00" }])
    }).pipe(Effect.scoped)
  )

  it.effect("Parquet problems name the row", () =>
    Effect.gen(function* () {
      const { psn: _psn, ...rest } = baseTables(lines)
      const dir = writeCsvExtract(rest)
      yield* scratch(
        `COPY (SELECT * FROM (VALUES ('P1', '1', '1960-01-01'), ('P2', '2', 'bad'), ('P3', '1', '2001-02-29'))
               AS t(psn_no, gend, brdy)) TO '${join(dir, "psn.parquet")}' (FORMAT parquet)`
      )
      const error = yield* Effect.flip(importExtract(dir))
      assert.deepStrictEqual(error.problems.map(formatProblem), [
        'psn.parquet row 2, column brdy: "bad" is not a date (yyyy-MM-dd)',
        'psn.parquet row 3, column brdy: "2001-02-29" is not a date (yyyy-MM-dd)'
      ])
    })
  )

  // Columns already of their type are checked in the scan that stages the file; its finding must not hide a problem.
  it.effect("Parquet columns of their own type: empty required values and numbers that are not finite are named", () =>
    Effect.gen(function* () {
      const { psn: _psn, ...rest } = baseTables(lines)
      const dir = writeCsvExtract(rest)
      yield* scratch(
        `COPY (SELECT psn_no, gend, CAST(brdy AS DATE) AS brdy, CAST(n AS DOUBLE) AS insutype_weight FROM (VALUES
                 ('P1', '1', '1960-01-01', 1), ('P2', NULL, '1970-01-01', 2), ('P3', '2', NULL, 3)
               ) AS t(psn_no, gend, brdy, n)) TO '${join(dir, "psn.parquet")}' (FORMAT parquet)`
      )
      const error = yield* Effect.flip(importExtract(dir))
      assert.deepStrictEqual(error.problems.map(formatProblem), [
        "psn.parquet row 2, column gend: required value is empty",
        "psn.parquet row 3, column brdy: required value is empty"
      ])
      const { fixmedins: _fixmedins, ...others } = rest
      const clean = writeCsvExtract(others)
      yield* scratch(
        `COPY (SELECT psn_no, gend, CAST(brdy AS DATE) AS brdy FROM (VALUES ('P1', '1', '1960-01-01'), ('P2', '2', '1970-01-01'))
               AS t(psn_no, gend, brdy)) TO '${join(clean, "psn.parquet")}' (FORMAT parquet)`
      )
      yield* scratch(
        `COPY (SELECT fixmedins_code, fixmedins_name, fixmedins_type, org_kind,
                      CASE WHEN n = 1 THEN CAST('Infinity' AS DOUBLE) ELSE 20 END AS aprv_bed_cnt
               FROM (VALUES ('H1', 'A', '1', 'clinic', 1), ('H2', 'B', '1', 'clinic', 2)) AS t(fixmedins_code, fixmedins_name, fixmedins_type, org_kind, n))
         TO '${join(clean, "fixmedins.parquet")}' (FORMAT parquet)`
      )
      const handle = yield* importExtractScoped(clean)
      assert.deepStrictEqual(handle.warnings.map(formatProblem), [
        'fixmedins.parquet row 1, column aprv_bed_cnt: "inf" is not a number; read as empty'
      ])
    }).pipe(Effect.scoped)
  )
})
