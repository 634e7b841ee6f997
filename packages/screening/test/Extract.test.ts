import { assert, describe, it } from "@effect/vitest"
import * as Effect from "effect/Effect"
import { spawnSync } from "node:child_process"
import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { afterAll } from "vitest"
import { demoExtractDir, type ExtractProblem, importExtract, importExtractScoped } from "../src/index.js"
import {
  baseTables,
  cleanupDirs,
  INFUSION,
  line,
  psn,
  toCsv,
  toJsonl,
  writeCsvExtract,
  writeDir
} from "./utils/extract.js"

afterAll(cleanupDirs)

const lines = [
  line({ sn: "1", visit: 2, item: INFUSION, cnt: 3, pric: 12 }),
  line({ sn: "2", visit: 2, item: INFUSION, cnt: 1, pric: 10 })
]

/** Imports a directory that must fail and returns its problems. */
const problemsOf = (dir: string) =>
  Effect.map(Effect.flip(importExtract(dir)), (error) => {
    assert.strictEqual(error._tag, "ExtractInvalid")
    return error
  })

const problem = (file: string, line: number | null, column: string | null, message: string): ExtractProblem => ({
  file,
  line,
  column,
  message
})

describe("importExtract — valid extracts", () => {
  it.effect("loads every table present, with row counts, typed columns and kept extra columns", () =>
    Effect.gen(function* () {
      const withExtra = lines.map((l) => ({ ...l, hisnote: "备注,含逗号" }))
      const handle = yield* importExtractScoped(writeCsvExtract(baseTables(withExtra)))
      assert.deepStrictEqual(handle.tables, ["fixmedins", "psn", "mdtrt", "feedetail", "setlinfo", "catalog"])
      assert.deepStrictEqual(handle.rowCounts, {
        fixmedins: 5,
        psn: 3,
        mdtrt: 5,
        feedetail: 2,
        setlinfo: 5,
        catalog: 3
      })
      assert.strictEqual(handle.files.feedetail, "feedetail.csv")
      assert.isTrue(handle.has("catalog"))
      assert.isFalse(handle.has("deaths"))
      const reader = yield* Effect.promise(() =>
        handle.connection.runAndReadAll(
          `SELECT typeof(pric) AS p, typeof(fee_ocur_time) AS t, typeof(prd_days) AS d, hisnote, prd_days
           FROM feedetail ORDER BY feedetl_sn LIMIT 1`
        )
      )
      assert.deepStrictEqual(reader.getRowObjectsJson(), [
        { p: "DOUBLE", t: "TIMESTAMP", d: "DOUBLE", hisnote: "备注,含逗号", prd_days: null }
      ])
    }).pipe(Effect.scoped)
  )

  it.effect("tolerates a BOM, CRLF line ends, blank lines and quoted line breaks", () =>
    Effect.gen(function* () {
      const csv = toCsv(psn).replaceAll("\n", "\r\n")
      const text = `\uFEFF${csv.replace("\r\n", "\r\n\r\n")}`
      const withNote = toCsv(lines.map((l, i) => ({ ...l, memo: i === 0 ? "第一行\n第二行" : "x" })))
      const dir = writeCsvExtract(baseTables(lines), { "psn.csv": text, "feedetail.csv": withNote })
      const handle = yield* importExtractScoped(dir)
      assert.strictEqual(handle.rowCounts.psn, 3)
      const reader = yield* Effect.promise(() =>
        handle.connection.runAndReadAll(`SELECT memo FROM feedetail ORDER BY feedetl_sn`)
      )
      assert.deepStrictEqual(reader.getRowObjectsJson(), [{ memo: "第一行\n第二行" }, { memo: "x" }])
    }).pipe(Effect.scoped)
  )

  it.effect("loads a CSV in one pass exactly as the precise path types it (demo extract and padded values)", () =>
    Effect.gen(function* () {
      const padded = lines.map((l, i) => ({
        ...l,
        mdtrt_id: ` ${l.mdtrt_id} `,
        prd_days: i === 0 ? " 7 " : "",
        fee_ocur_time: ` ${l.fee_ocur_time}`,
        memo: i === 0 ? "第一行\n第二行" : "  kept as written  "
      }))
      const messy = writeCsvExtract(baseTables(padded), { "psn.csv": `\uFEFF${toCsv(psn).replaceAll("\n", "\r\n")}` })
      for (const dir of [messy, demoExtractDir]) {
        const contents = (onePassCsv: boolean) =>
          Effect.gen(function* () {
            const handle = yield* importExtractScoped(dir, { onePassCsv })
            const tables: Record<string, unknown> = {}
            for (const t of handle.tables) {
              const reader = yield* Effect.promise(() =>
                handle.connection.runAndReadAll(`SELECT * FROM "${t}" ORDER BY ALL`)
              )
              tables[t] = {
                columns: reader.columnNames(),
                types: reader.columnTypes().map(String),
                rows: reader.getRowsJson()
              }
            }
            // The one-pass load writes its check column (__bad) into the typed file, and its view leaves it out.
            const onePassViews = yield* Effect.promise(() =>
              handle.connection.runAndReadAll(
                `SELECT count(*)::INTEGER AS n FROM duckdb_views() WHERE NOT internal AND sql LIKE '%EXCLUDE (__bad)%'`
              )
            )
            return { tables, onePass: Number(onePassViews.getRowObjectsJson()[0]?.n) > 0 }
          }).pipe(Effect.scoped)
        const fast = yield* contents(true)
        const precise = yield* contents(false)
        assert.isTrue(fast.onePass)
        assert.isFalse(precise.onePass)
        assert.deepStrictEqual(fast.tables, precise.tables)
      }
    })
  )

  it.effect("trims the Unicode spaces DuckDB's trim removes from text values, both ways, and nothing else", () =>
    Effect.gen(function* () {
      // ASCII values skip trimming; these are the values that must still take it (or must not change).
      const written = [
        [" A 1 ", "A 1"],
        ["\u3000中药饮片\u00a0", "中药饮片"],
        ["\u00a0X", "X"],
        ["\tTAB", "\tTAB"],
        ["中 文", "中 文"],
        ["\u3000", null]
      ] as const
      const padded = written.map(([value], i) => ({
        ...line({ sn: String(i + 1), visit: 2, item: INFUSION, cnt: 1, pric: 10 }),
        bilg_dr_codg: value
      }))
      for (const onePassCsv of [true, false]) {
        const handle = yield* importExtractScoped(writeCsvExtract(baseTables(padded)), { onePassCsv })
        const reader = yield* Effect.promise(() =>
          handle.connection.runAndReadAll(`SELECT bilg_dr_codg FROM feedetail ORDER BY CAST(feedetl_sn AS INTEGER)`)
        )
        assert.deepStrictEqual(
          reader.getRowObjectsJson().map((r) => r.bilg_dr_codg),
          written.map(([, stored]) => stored),
          onePassCsv ? "one pass" : "precise path"
        )
      }
    }).pipe(Effect.scoped)
  )

  it.effect("removes the scratch directory a killed process left behind, and no living process's", () =>
    Effect.gen(function* () {
      // A process that has exited: its pid names a directory nobody will close.
      const dead = spawnSync(process.execPath, ["-e", "process.stdout.write(String(process.pid))"], {
        encoding: "utf8"
      }).stdout
      const abandoned = join(tmpdir(), `fundguard-import-${dead}-test`)
      const living = join(tmpdir(), `fundguard-import-${process.ppid}-test`)
      for (const dir of [abandoned, living]) {
        mkdirSync(dir, { recursive: true })
        writeFileSync(join(dir, "fg_fee.parquet"), "left behind")
      }
      try {
        const handle = yield* importExtractScoped(writeCsvExtract(baseTables(lines)))
        assert.isTrue(handle.scratchDir.startsWith(join(tmpdir(), `fundguard-import-${process.pid}-`)))
        assert.isFalse(existsSync(abandoned))
        assert.isTrue(existsSync(join(living, "fg_fee.parquet")))
      } finally {
        rmSync(living, { recursive: true, force: true })
        rmSync(abandoned, { recursive: true, force: true })
      }
    }).pipe(Effect.scoped)
  )

  it.effect("reads manifest.json", () =>
    Effect.gen(function* () {
      const manifest = {
        format: "claims-extract/1",
        admdvs: "500235",
        period: { from: "2025-01-01", to: "2025-03-31" }
      }
      const handle = yield* importExtractScoped(
        writeCsvExtract(baseTables(lines), { "manifest.json": JSON.stringify(manifest) })
      )
      assert.deepStrictEqual(handle.manifest as unknown, manifest)
    }).pipe(Effect.scoped)
  )

  it.effect("ignores unknown files and reports unparsable optional values as warnings", () =>
    Effect.gen(function* () {
      const withBadDays = lines.map((l, i) => ({ ...l, prd_days: i === 1 ? "七天" : 7 }))
      const dir = writeCsvExtract(baseTables(withBadDays), { "notes.csv": "x\n1\n", "README.txt": "hello" })
      const handle = yield* importExtractScoped(dir)
      assert.deepStrictEqual(handle.warnings, [
        problem("feedetail.csv", 3, "prd_days", '"七天" is not a number; read as empty')
      ])
    }).pipe(Effect.scoped)
  )
})

describe("importExtract — invalid extracts name file, line and column", () => {
  it.effect("missing required column", () =>
    Effect.gen(function* () {
      const noPric = lines.map(({ pric: _pric, ...rest }) => rest)
      const error = yield* problemsOf(writeCsvExtract(baseTables(noPric)))
      assert.deepStrictEqual(error.problems, [problem("feedetail.csv", 1, "pric", "required column is missing")])
    })
  )

  it.effect("bad date, with the line counted as an editor does", () =>
    Effect.gen(function* () {
      const bad = psn.map((p, i) => (i === 1 ? { ...p, brdy: "1985/11/03" } : p))
      const error = yield* problemsOf(writeCsvExtract(baseTables(lines, { psn: bad })))
      assert.deepStrictEqual(error.problems, [problem("psn.csv", 3, "brdy", '"1985/11/03" is not a date (yyyy-MM-dd)')])
      assert.include(error.message, 'psn.csv line 3, column brdy: "1985/11/03" is not a date (yyyy-MM-dd)')
    })
  )

  it.effect("bad number and bad date-time, after a quoted line break", () =>
    Effect.gen(function* () {
      const bad = [
        { ...lines[0]!, memo: "跨\n两行" },
        { ...lines[1]!, pric: "abc", fee_ocur_time: "2025-01-06T09:30:00" }
      ]
      const error = yield* problemsOf(writeCsvExtract(baseTables(bad)))
      assert.deepStrictEqual(error.problems, [
        problem("feedetail.csv", 4, "fee_ocur_time", '"2025-01-06T09:30:00" is not a date-time (yyyy-MM-dd HH:mm:ss)'),
        problem("feedetail.csv", 4, "pric", '"abc" is not a number')
      ])
    })
  )

  it.effect("empty required value", () =>
    Effect.gen(function* () {
      const bad = lines.map((l, i) => (i === 1 ? { ...l, med_list_codg: "  " } : l))
      const error = yield* problemsOf(writeCsvExtract(baseTables(bad)))
      assert.deepStrictEqual(error.problems, [problem("feedetail.csv", 3, "med_list_codg", "required value is empty")])
    })
  )

  it.effect("duplicate primary key, single and composite", () =>
    Effect.gen(function* () {
      const dupLines = [...lines, line({ sn: "1", visit: 2, item: INFUSION, cnt: 1, pric: 10 })]
      const dupPsn = [...psn, psn[0]!]
      const error = yield* problemsOf(writeCsvExtract(baseTables(dupLines, { psn: dupPsn })))
      assert.deepStrictEqual(error.problems, [
        problem("psn.csv", 5, "psn_no", 'duplicate primary key psn_no "50023500000001", first on line 2'),
        problem(
          "feedetail.csv",
          4,
          "feedetl_sn,mdtrt_id",
          'duplicate primary key (feedetl_sn, mdtrt_id) = ("1", "M2"), first on line 2'
        )
      ])
    })
  )

  it.effect("missing required table", () =>
    Effect.gen(function* () {
      const { setlinfo: _setlinfo, ...rest } = baseTables(lines)
      const error = yield* problemsOf(writeCsvExtract(rest))
      assert.deepStrictEqual(error.problems, [
        problem(
          "setlinfo.csv",
          null,
          null,
          "required table setlinfo is missing (no setlinfo.csv, setlinfo.jsonl, setlinfo.parquet)"
        )
      ])
    })
  )

  it.effect("two files for one table", () =>
    Effect.gen(function* () {
      const error = yield* problemsOf(writeCsvExtract(baseTables(lines), { "feedetail.jsonl": toJsonl(lines) }))
      assert.deepStrictEqual(error.problems, [
        problem(
          "feedetail.jsonl",
          null,
          null,
          "table feedetail has two files (feedetail.csv and feedetail.jsonl); keep one"
        )
      ])
    })
  )

  it.effect("a row with the wrong number of cells", () =>
    Effect.gen(function* () {
      const csv = toCsv(psn).replace("1985-11-03,310", "1985-11-03,310,extra")
      const error = yield* problemsOf(writeCsvExtract(baseTables(lines), { "psn.csv": csv }))
      assert.deepStrictEqual(error.problems, [problem("psn.csv", 3, null, "row has 5 cells but the header has 4")])
    })
  )

  it.effect("collects every problem across tables, up to the cap, and keeps nothing", () =>
    Effect.gen(function* () {
      const badLines = lines.map((l) => ({ ...l, cnt: "many" }))
      const badPsn = psn.map((p) => ({ ...p, brdy: "unknown" }))
      const dir = writeCsvExtract(baseTables(badLines, { psn: badPsn }), { "manifest.json": '{"format":"x"}' })
      const before = readdirSync(dir).sort()
      const error = yield* problemsOf(dir)
      assert.strictEqual(error.problems.length, 6)
      assert.deepStrictEqual(
        error.problems.map((p) => `${p.file}:${p.line}:${p.column}`),
        [
          "manifest.json:null:format",
          "psn.csv:2:brdy",
          "psn.csv:3:brdy",
          "psn.csv:4:brdy",
          "feedetail.csv:2:cnt",
          "feedetail.csv:3:cnt"
        ]
      )
      assert.isFalse(error.truncated)
      assert.deepStrictEqual(readdirSync(dir).sort(), before)
      const capped = yield* Effect.flip(importExtract(dir, { maxProblems: 2 }))
      assert.strictEqual(capped.problems.length, 2)
      assert.isTrue(capped.truncated)
      assert.include(capped.message, "more problems were found")
    })
  )

  it.effect("a directory that does not exist", () =>
    Effect.gen(function* () {
      const error = yield* problemsOf("/nonexistent/fundguard-extract")
      assert.strictEqual(error.problems.length, 1)
      assert.include(error.problems[0]!.message, "directory cannot be read")
    })
  )
})

describe("importExtract — formats", () => {
  it.effect("accepts JSONL, with line numbers that count blank lines", () =>
    Effect.gen(function* () {
      const tables = baseTables(lines)
      const jsonl = `${toJsonl(tables.feedetail!.slice(0, 1))}\n${toJsonl([{ ...tables.feedetail![1]!, pric: "abc" }])}`
      const dir = writeDir({
        ...Object.fromEntries(Object.entries(tables).map(([n, rows]) => [`${n}.jsonl`, toJsonl(rows)])),
        "feedetail.jsonl": jsonl
      })
      const error = yield* problemsOf(dir)
      assert.deepStrictEqual(error.problems, [problem("feedetail.jsonl", 3, "pric", '"abc" is not a number')])
      const good = writeDir(
        Object.fromEntries(Object.entries(tables).map(([n, rows]) => [`${n}.jsonl`, toJsonl(rows)]))
      )
      const handle = yield* importExtractScoped(good)
      assert.strictEqual(handle.rowCounts.feedetail, 2)
      assert.strictEqual(handle.files.feedetail, "feedetail.jsonl")
    }).pipe(Effect.scoped)
  )

  it.effect("reports a required key missing from every JSONL line", () =>
    Effect.gen(function* () {
      const { feedetail: _feedetail, ...rest } = baseTables(lines)
      const jsonl = toJsonl(lines.map(({ pric: _pric, ...l }) => l))
      const error = yield* problemsOf(writeCsvExtract(rest, { "feedetail.jsonl": jsonl }))
      assert.deepStrictEqual(error.problems, [problem("feedetail.jsonl", null, "pric", "required column is missing")])
    })
  )

  it.effect("reports a JSONL line that is not a JSON object", () =>
    Effect.gen(function* () {
      const jsonl = `${toJsonl(lines.slice(0, 1))}not json\n[1, 2]\n`
      const { feedetail: _feedetail, ...rest } = baseTables(lines)
      const error = yield* problemsOf(writeCsvExtract(rest, { "feedetail.jsonl": jsonl }))
      assert.deepStrictEqual(error.problems, [
        problem("feedetail.jsonl", 2, null, "line is not a JSON object"),
        problem("feedetail.jsonl", 3, null, "line is not a JSON object")
      ])
    })
  )
})
