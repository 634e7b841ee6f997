/**
 * `pnpm --filter @fundguard/worker bench:merge [--leads 400000] [--database-url URL] [--json]`: the merge of a
 * partitioned run, measured on PostgreSQL (a throwaway server, or `--database-url`). A run's partitions' copies
 * are filled with `--leads` suspicions dealt over 16 partitions and three rules (each about 800 bytes, with
 * evidence and a Chinese message like a rule's), then merged twice: into an empty lead table (every lead new) and
 * again as a second run over the same keys (every lead found again). Reports each merge's time, leads per second
 * and the growth of this process's memory, which the merge must not have (it files in the database).
 */
import {
  migrateDatabase,
  mergePartitionedRun,
  openDatabase,
  runOwner,
  startRun,
  systemActor,
  type Db
} from "@fundguard/db"
import { suspicionKey, type Suspicion } from "@fundguard/domain/screening"
import { parseArgs } from "node:util"
// @ts-expect-error -- a plain ES module of the repository's scripts, without types
import { machineInfo } from "../../../scripts/lib/machine.mjs"
// @ts-expect-error -- a plain ES module of the repository's scripts, without types
import { startThrowawayPostgres } from "../../../scripts/lib/postgres.mjs"

const { values } = parseArgs({
  options: {
    leads: { type: "string", default: "400000" },
    "database-url": { type: "string" },
    json: { type: "boolean", default: false }
  }
})
const leads = Number(values.leads)
if (!Number.isInteger(leads) || leads < 1 || leads > 50_000_000) {
  console.error("--leads: a whole number from 1 to 50,000,000")
  process.exit(2)
}

const actor = systemActor("bench")
const rules = ["PRICE_OVER_CAP", "DUPLICATE_CHARGE", "SUPPLY_DAYS_EXCEEDED"]

const lead = (i: number): Suspicion => ({
  rule: rules[i % rules.length]!,
  ruleVersion: 1,
  level: "line",
  fixmedins_code: `H${i % 400}`,
  psn_no: `P${i}`,
  mdtrt_id: `M${i}`,
  setl_id: `S${i}`,
  feedetl_sn: [`F${i}`, `G${i}`],
  med_list_codg: "XA01AAA001A001010100001",
  date: "2025-11-02",
  amount: 10 + (i % 1000) + 0.25,
  violation: "A38-4-SWAP",
  evidence: {
    lines: [{ mdtrt_id: `M${i}`, feedetl_sn: `F${i}`, cnt: 2, pric: 6.25, amount: 12.5 }],
    note: "x".repeat(200)
  },
  message: `第${i}条疑点：同一就诊的收费明细重复收费，金额${10 + (i % 1000)}元。`.repeat(3)
})

/** A run whose partitions' copies hold the leads, claimed for merging by this process. */
const filledRun = async (db: Db): Promise<string> => {
  const run = await startRun(db, actor, {
    trigger: "cli",
    extract: "bench-merge",
    admdvs: null,
    periodFrom: null,
    periodTo: null,
    params: {}
  })
  for (let from = 0; from < leads; from += 2_000) {
    const rows = Array.from({ length: Math.min(2_000, leads - from) }, (_, k) => {
      const s = lead(from + k)
      return {
        runId: run.id,
        ruleCode: s.rule,
        dedupKey: suspicionKey(s),
        partition: `person:${(from + k) % 16}`,
        suspicion: s as never
      }
    })
    await db.partitionSuspicion.createMany({ data: rows })
  }
  await db.screeningRun.update({ where: { id: run.id }, data: { owner: `merging:${runOwner()}` } })
  return run.id
}

const measure = async (db: Db, runId: string) => {
  const before = process.memoryUsage().rss
  let peak = before
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50)
  const started = performance.now()
  const filed = await mergePartitionedRun(db, actor, runId)
  const seconds = (performance.now() - started) / 1000
  clearInterval(sampler)
  return {
    created: filed.created,
    seconds: Math.round(seconds * 10) / 10,
    leadsPerSecond: Math.round(leads / seconds),
    rssGrowthMb: Math.round((peak - before) / 1e6)
  }
}

const throwaway =
  values["database-url"] === undefined
    ? ((await startThrowawayPostgres({ log: () => undefined })) as { url: string; stop: () => void })
    : null
const url = values["database-url"] ?? throwaway!.url
try {
  await migrateDatabase(url)
  const database = openDatabase(url)
  try {
    const fresh = await measure(database.db, await filledRun(database.db))
    const again = await measure(database.db, await filledRun(database.db))
    const report = { leads, machine: machineInfo() as Record<string, unknown>, new: fresh, foundAgain: again }
    if (values.json) console.log(JSON.stringify(report, null, 2))
    else {
      console.log(`## merge of ${leads.toLocaleString("en-US")} leads, ${String(report.machine.date)}`)
      console.log("| merge | created | time | leads/s | process memory growth |")
      console.log("|---|---:|---:|---:|---:|")
      for (const [name, m] of [
        ["every lead new", fresh],
        ["every lead found again", again]
      ] as const)
        console.log(
          `| ${name} | ${m.created} | ${m.seconds} s | ${m.leadsPerSecond.toLocaleString("en-US")} | ${m.rssGrowthMb} MB |`
        )
    }
  } finally {
    await database.close()
  }
} finally {
  throwaway?.stop()
}
