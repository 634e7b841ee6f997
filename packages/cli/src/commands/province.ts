import {
  databaseUrl,
  migrateDatabase,
  openDatabase,
  openPartitionQueue,
  runPartitions,
  startPartitionedRun,
  systemActor
} from "@fundguard/db"
import {
  combinePreparedPartitions,
  maxKeyPartitions,
  preparedFromOtherExtract,
  prepareProvincePartitions,
  readPartitionsManifest,
  ruleLibrary,
  rulesOfJob
} from "@fundguard/screening"
import * as Effect from "effect/Effect"
import { existsSync } from "node:fs"
import { join, resolve } from "node:path"
import { parseArgs } from "node:util"
import { CliFailure, ExitCode, note, type Command } from "../cli.js"

const help = `Usage:
  pnpm fundguard province prepare --extract DIR --out DIR --partitions N
  pnpm fundguard province combine --out DIR --from DIR --from DIR [--from DIR …]
  pnpm fundguard province start [--extract DIR] --prepared DIR [--staged N] [--staged-dir DIR]
                                [--expire-seconds 3600]
  pnpm fundguard province status --run ID

A province-size run split into partitions (docs/screening-scale.md):
  prepare  writes the extract as Parquet split N ways by person and by institution (the copy the
           workers read from shared storage), with partitions.json
  combine  one copy of copies prepared apart (one per county, each by prepare with the same N, on
           as many machines): names their files where they are; persons, the catalogue and the
           other tables without an institution are written once
  start    records a partitioned run and puts its partitions on the queue (pg-boss on the production
           PostgreSQL, DATABASE_URL): N person partitions and N institution partitions; workers take
           them: pnpm worker:partitions. --extract is the extract the copy was prepared from, checked
           against it (a combined copy has none and needs no --extract). The rules that compare across both keys are staged: each
           institution partition writes their facts to --staged-dir (shared storage, default
           <prepared>/staged), then --staged verdicts (default N) give their leads; with --staged 0
           they run instead in one global partition over the whole extract. A partition
           taken for longer than --expire-seconds counts as lost (its worker died) and is offered again:
           make it longer than the slowest partition
  status   the run's partitions: state, attempts, worker, time, suspicions

Exit codes: 0 done, 2 invalid options or extract, 1 other failure.`

const requireOption = (value: string | undefined, name: string): string => {
  if (value === undefined || value.trim() === "")
    throw new CliFailure(`--${name} 必须给出\n\n${help}`, ExitCode.invalid)
  return value
}

const existingDir = (value: string, name: string): string => {
  const dir = resolve(value)
  if (!existsSync(dir)) throw new CliFailure(`--${name} ${value}：目录不存在`, ExitCode.invalid)
  return dir
}

const withDatabase = async <A>(work: (db: ReturnType<typeof openDatabase>) => Promise<A>): Promise<A> => {
  const url = databaseUrl()
  if (!url.startsWith("postgresql://") && !url.startsWith("postgres://"))
    throw new CliFailure(
      "分区筛查的队列在 PostgreSQL 上：请把 DATABASE_URL 设为生产数据库（postgresql://…）",
      ExitCode.invalid
    )
  await migrateDatabase(url)
  const database = openDatabase(url)
  try {
    return await work(database)
  } finally {
    await database.close()
  }
}

/** `province prepare | start | status`. */
export const provinceCommand: Command = {
  name: "province",
  summary: "province prepare | start | status — a screening run split into partitions on the queue",
  help,
  run: async (args) => {
    const [sub, ...rest] = args
    const { values } = parseArgs({
      args: rest,
      options: {
        extract: { type: "string", short: "e" },
        out: { type: "string", short: "o" },
        partitions: { type: "string", short: "n" },
        prepared: { type: "string" },
        run: { type: "string" },
        "expire-seconds": { type: "string", default: "3600" },
        staged: { type: "string" },
        "staged-dir": { type: "string" },
        from: { type: "string", multiple: true },
        help: { type: "boolean", short: "h", default: false }
      }
    })
    if (values.help || sub === undefined || sub === "--help" || sub === "-h") {
      process.stdout.write(`${help}\n`)
      return ExitCode.ok
    }
    if (sub === "prepare") {
      const extract = existingDir(requireOption(values.extract, "extract"), "extract")
      const out = resolve(requireOption(values.out, "out"))
      const text = requireOption(values.partitions, "partitions")
      if (!/^\d{1,4}$/.test(text) || Number(text) < 1)
        throw new CliFailure(`--partitions ${text}：分区数应为 1–9999 的整数`, ExitCode.invalid)
      const started = Date.now()
      const outcome = await Effect.runPromise(
        Effect.either(prepareProvincePartitions(extract, out, { count: Number(text) }))
      )
      if (outcome._tag === "Left") throw new CliFailure(outcome.left.message, ExitCode.invalid)
      note(`prepared ${text} partitions by person and by institution in ${Date.now() - started} ms → ${out}`)
      return ExitCode.ok
    }
    if (sub === "combine") {
      const out = resolve(requireOption(values.out, "out"))
      const from = (values.from ?? []).map((dir) => existingDir(dir, "from"))
      if (from.length < 2) throw new CliFailure(`--from 至少给出两份分区副本\n\n${help}`, ExitCode.invalid)
      const outcome = await Effect.runPromise(Effect.either(combinePreparedPartitions(out, from)))
      if (outcome._tag === "Left") throw new CliFailure(outcome.left.message, ExitCode.invalid)
      note(`combined ${from.length} copies in ${outcome.right.durationMs} ms → ${out}`)
      return ExitCode.ok
    }
    if (sub === "start") {
      const prepared = existingDir(requireOption(values.prepared, "prepared"), "prepared")
      const manifest = await Effect.runPromise(Effect.either(readPartitionsManifest(prepared)))
      if (manifest._tag === "Left") throw new CliFailure(manifest.left.message, ExitCode.invalid)
      // A combined copy has no one extract behind it: its partitions are all the workers read.
      const combined = manifest.right.combinedFrom !== undefined
      if (combined && values.extract !== undefined)
        throw new CliFailure(
          `--extract ${values.extract}：${prepared} 由各县副本合并而成，没有对应的整份提取；不要给出 --extract`,
          ExitCode.invalid
        )
      const extract = combined ? prepared : existingDir(requireOption(values.extract, "extract"), "extract")
      const other = preparedFromOtherExtract(manifest.right, extract)
      if (other !== null) throw new CliFailure(`--prepared ${prepared}：${other}`, ExitCode.invalid)
      const count = manifest.right.count
      const expire = values["expire-seconds"]
      if (!/^\d{1,6}$/.test(expire) || Number(expire) < 10)
        throw new CliFailure(`--expire-seconds ${expire}：应为 10–999999 的整数秒`, ExitCode.invalid)
      const stagedText = values.staged ?? String(count)
      if (!/^\d{1,4}$/.test(stagedText) || Number(stagedText) > maxKeyPartitions)
        throw new CliFailure(`--staged ${stagedText}：应为 0–${maxKeyPartitions} 的整数`, ExitCode.invalid)
      const staged = Number(stagedText)
      if (combined && (staged === 0 || rulesOfJob("global", ruleLibrary, true).length > 0))
        throw new CliFailure(
          `--staged 0：合并的副本没有整份提取，跨参保人和机构的规则只能分阶段运行（--staged ≥ 1）`,
          ExitCode.invalid
        )
      const stagedDir = resolve(values["staged-dir"] ?? join(prepared, "staged"))
      return withDatabase(async ({ db, url }) => {
        const queue = await openPartitionQueue(url, { expireInSeconds: Number(expire) })
        try {
          const { runId, partitions } = await startPartitionedRun(
            db,
            queue,
            systemActor("cli"),
            {
              trigger: "cli",
              extract,
              admdvs: null,
              periodFrom: null,
              periodTo: null,
              params: { prepared, ...(staged > 0 ? { stagedDir } : {}) }
            },
            {
              person: count,
              institution: count,
              staged,
              global: rulesOfJob("global", ruleLibrary, staged > 0).length > 0
            }
          )
          process.stdout.write(`${runId}\n`)
          note(`run ${runId}: ${partitions.length} partitions queued; workers: pnpm worker:partitions`)
          return ExitCode.ok
        } finally {
          await queue.close()
        }
      })
    }
    if (sub === "status") {
      const runId = requireOption(values.run, "run")
      return withDatabase(async ({ db }) => {
        const run = await db.screeningRun.findUnique({ where: { id: runId } })
        if (run === null) throw new CliFailure(`--run ${runId}：没有这个批次`, ExitCode.invalid)
        const rows = await runPartitions(db, runId)
        process.stdout.write(
          [
            `run ${run.id} ${run.status} ${run.suspicionCount} suspicions`,
            "partition\tstatus\tattempts\tworker\tms\tsuspicions",
            ...rows.map((p) =>
              [
                `${p.job} ${p.index + 1}/${p.count}`,
                p.status,
                p.attempts,
                p.worker ?? "",
                p.durationMs ?? "",
                p.suspicions ?? ""
              ].join("\t")
            ),
            ""
          ].join("\n")
        )
        return ExitCode.ok
      })
    }
    throw new CliFailure(`unknown subcommand "${sub}"\n\n${help}`, ExitCode.invalid)
  }
}
