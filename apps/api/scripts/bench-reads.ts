/**
 * `pnpm bench:reads [--database-url URL] [--suspicions 1000000] [--institutions 10000] [--seconds 30]
 * [--rates 100,200,400] [--json] [--cpu-profile DIR] [--skip-export]`: the suspicion list and detail at scale, on PostgreSQL.
 *
 * 1. The database: the given empty PostgreSQL database, or a throwaway server (scripts/lib/postgres.mjs).
 * 2. Through the application's own writers: 10,000 institutions under a bureau, the bureau's accounts, three
 *    screening runs. Then, in bulk SQL for speed, one million leads with a province's shape: the 27 rules
 *    (a few flag most), institutions from a long tail (big hospitals carry most leads), amounts spread over
 *    four orders of magnitude, leads at every review step with their deadlines, assignees and history, and
 *    evidence of the size the rules write.
 * 3. The API runs in a child process; this process signs in as the bureau's supervisor (data scope: the
 *    whole bureau, as a county or city officer has) and sends an open-loop mix at fixed rates — the first page
 *    of a filter (none, a rule, an institution, a status, rule and status, an amount floor, a category,
 *    overdue), the next page of one (keyset cursor), and one lead's detail — latency from the scheduled
 *    time.
 * 4. Per rate and per kind: p50, p99, max, errors, and the server's memory; then the .xlsx export of the
 *    largest allowed set, its time and the server's peak memory while streaming it.
 */
import {
  finishRun,
  migrateDatabase,
  openDatabase,
  startRun,
  systemActor,
  upsertInstitutions,
  upsertUser
} from "@fundguard/db"
import { addBureauUnit } from "@fundguard/db/testing"
import { ruleLibrary } from "@fundguard/screening"
import { mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { parseArgs } from "node:util"
// @ts-expect-error -- a plain ES module of the repository's scripts, without types
import { startThrowawayPostgres } from "../../../scripts/lib/postgres.mjs"
import {
  driveOpenLoop,
  machineInfo,
  percentile,
  rssMb,
  send,
  startApiServer,
  tenth,
  type Shot
} from "./lib/openLoop.js"

const { values } = parseArgs({
  options: {
    "database-url": { type: "string" },
    suspicions: { type: "string", default: "1000000" },
    institutions: { type: "string", default: "10000" },
    seconds: { type: "string", default: "30" },
    rates: { type: "string", default: "100,200,400" },
    json: { type: "boolean", default: false },
    // Measures the list and the detail only (the export takes a minute and a half).
    "skip-export": { type: "boolean", default: false },
    // Writes the server's CPU profile (.cpuprofile, for Chrome's DevTools) into this directory.
    "cpu-profile": { type: "string" }
  }
})
const suspicionCount = Number(values.suspicions)
const institutionCount = Number(values.institutions)
const seconds = Number(values.seconds)
const rates = values.rates.split(",").map(Number)
const say = (s: string) => process.stderr.write(`${s}\n`)
const work = mkdtempSync(join(tmpdir(), "fundguard-bench-reads-"))

const throwaway =
  values["database-url"] === undefined
    ? ((await startThrowawayPostgres({ log: say })) as { url: string; stop: () => void })
    : null
const url = values["database-url"] ?? throwaway!.url
const password = "Fundguard-Bench-2025!"

say(`migrating ${url} …`)
await migrateDatabase(url)
const database = openDatabase(url)
const { db } = database
const actor = systemActor("bench")

// The bench writes a supervisor with the whole bureau's scope and a known password: never into a database that
// holds anyone else's accounts.
if ((await db.user.count({ where: { username: { not: "bench-supervisor" } } })) > 0) {
  say("这个数据库里已有其他用户：基准测试只在空数据库或它自己写过的数据库上运行（--database-url）")
  process.exit(2)
}
// A database that already holds the leads (an earlier run with --database-url) is measured as it is.
const seeded = values["database-url"] !== undefined && (await db.suspicion.count()) >= suspicionCount
if (seeded) say("the database already holds the leads: measuring it as it is")
say(`${institutionCount} institutions …`)
const kinds = [
  ["public_hospital", "3", "县人民医院"],
  ["public_hospital", "2", "中医院"],
  ["private_hospital", "1", "医院有限公司"],
  ["township_health_center", null, "镇卫生院"],
  ["village_clinic", null, "村卫生室"],
  ["clinic", null, "诊所"],
  ["pharmacy", null, "大药房"]
] as const
const codes = Array.from({ length: institutionCount }, (_, i) => `H${String(500000000000 + i)}`)
for (let from = 0; from < (seeded ? 0 : codes.length); from += 2000) {
  await upsertInstitutions(
    db,
    actor,
    codes.slice(from, from + 2000).map((code, j) => {
      const i = from + j
      // The first institutions are the big hospitals: they carry most leads (below).
      const [orgKind, hospitalLevel, suffix] = kinds[i < 50 ? 0 : i < 200 ? 1 : i < 600 ? 2 : 3 + (i % 4)]!
      return {
        code,
        name: `第${i + 1}${suffix}`,
        orgKind,
        hospitalLevel,
        admdvs: "500235",
        approvedBeds: orgKind.endsWith("hospital") ? 100 + (i % 400) : null,
        supervisorCode: null
      }
    })
  )
}
const bureau = await addBureauUnit(db)
const supervisor = await upsertUser(db, actor, {
  username: "bench-supervisor",
  displayName: "稽核科",
  role: "supervisor",
  department: null,
  unitId: bureau,
  password
})
const runs: Array<string> = []
for (const month of seeded ? [] : ["2025-09", "2025-10", "2025-11"]) {
  const run = await startRun(db, actor, {
    trigger: "cli",
    extract: `/srv/extracts/500235-${month}`,
    admdvs: "500235",
    periodFrom: `${month}-01`,
    periodTo: `${month}-28`,
    params: {}
  })
  await finishRun(db, actor, run.id, { rules: [], suspicions: [] })
  runs.push(run.id)
}

say(`${suspicionCount} leads in bulk …`)
const rules = ruleLibrary.map((r) => r.code)
const sqlList = (xs: ReadonlyArray<string>) => `ARRAY[${xs.map((x) => `'${x}'`).join(",")}]`
const statuses = [
  ["pending_first_review", 0.62],
  ["dismissed", 0.12],
  ["pending_second_review", 0.05],
  ["sent_to_institution", 0.05],
  ["institution_responded", 0.03],
  ["verifying", 0.03],
  ["pending_approval", 0.02],
  ["confirmed", 0.05],
  ["excluded", 0.03]
] as const
const statusCase = (() => {
  let cumulative = 0
  const arms = statuses.map(([s, p]) => {
    cumulative += p
    return `WHEN r.u < ${cumulative.toFixed(2)} THEN '${s}'`
  })
  return `CASE ${arms.join(" ")} ELSE 'corrected' END`
})()
const chunk = 100_000
for (let from = 0; from < (seeded ? 0 : suspicionCount); from += chunk) {
  const to = Math.min(suspicionCount, from + chunk) - 1
  await db.$executeRawUnsafe(`
    INSERT INTO "Suspicion" ("id","firstRunId","lastRunId","ruleCode","ruleVersion","level","dedupKey","fixmedinsCode",
      "psnNo","mdtrtId","setlId","feedetlSn","medListCodg","date","amount","violation","evidence","message","status",
      "createdAt","updatedAt","assigneeId","assigneeName","dueDate","revision")
    SELECT gen_random_uuid()::text, run, run, rule, 1, 'line', 'bench-' || i, inst,
      '500235' || lpad((i % 900000)::text, 12, '0'), 'M' || i, 'S' || i,
      jsonb_build_array('F' || i, 'F' || i || '-2'), 'XB01BAC' || lpad((i % 997)::text, 4, '0'),
      '2025-' || lpad((9 + i % 3)::text, 2, '0') || '-' || lpad((1 + i % 28)::text, 2, '0'),
      round((exp(r.a * 9) - 0.5)::numeric + 1, 2)::float8, 'A38-3-OVER_STANDARD_CHARGE',
      jsonb_build_object('psn_name', '张某' || (i % 1000), 'med_list_name', '阿莫西林胶囊', 'unit_price', 12.5,
        'cap', 10, 'quantity', 1 + i % 20, 'dept', '内科', 'doctor', 'D' || (i % 5000), 'visit_type', '门诊',
        'settled_on', '2025-11-02', 'fund_paid', round((r.a * 100)::numeric, 2)),
      '单价超过限价', ${statusCase},
      now() - (r.u * interval '90 days'), now() - (r.u * interval '90 days'),
      CASE WHEN r.u >= 0.62 THEN '${supervisor.id}' END, CASE WHEN r.u >= 0.62 THEN '稽核科' END,
      '2025-' || lpad((10 + i % 3)::text, 2, '0') || '-' || lpad((1 + i % 28)::text, 2, '0'),
      CASE WHEN r.u >= 0.62 THEN 1 ELSE 0 END
    FROM generate_series(${from}, ${to}) AS i
    CROSS JOIN LATERAL (SELECT random() AS u, random() AS a, random() AS p, random() AS q, i AS k) AS r
    CROSS JOIN LATERAL (SELECT
      (${sqlList(rules)})[1 + floor(${rules.length} * power(r.p, 2.5))::int] AS rule,
      (${sqlList(runs)})[1 + (i % 3)] AS run,
      'H' || (500000000000 + floor(${institutionCount} * power(r.q, 3))::bigint)::text AS inst) AS pick
  `)
  say(`  ${to + 1}`)
}
if (!seeded) say("their history …")
if (!seeded)
  await db.$executeRawUnsafe(`
  INSERT INTO "ReviewEvent" ("id","suspicionId","revision","action","fromStatus","toStatus","level","actorId",
    "actorName","actorRole","reason","details","assigneeId","assigneeName","dueDate","at")
  SELECT gen_random_uuid()::text, s."id", 1, 'first_review_pass', 'pending_first_review', s."status", null,
    '${supervisor.id}', '稽核科', 'supervisor', '初审：疑点成立，转复审', '{}'::jsonb, s."assigneeId", s."assigneeName",
    s."dueDate", s."updatedAt"
  FROM "Suspicion" s WHERE s."revision" = 1
`)
if (!seeded) await db.$executeRawUnsafe(`VACUUM ANALYZE`)
await database.close()

const { server, base } = await startApiServer({ databaseUrl: url, workDir: work, cpuProfileDir: values["cpu-profile"] })
const login = await send(`${base}/api/auth/login`, {
  method: "POST",
  headers: { "content-type": "application/json" },
  body: JSON.stringify({ username: "bench-supervisor", password })
})
if (login.status !== 200) throw new Error(`sign-in failed: ${login.text}`)
const headers = { authorization: `Bearer ${(JSON.parse(login.text) as { token: string }).token}` }

type Page = { readonly items: ReadonlyArray<{ readonly id: string }>; readonly nextCursor: string | null }
const get = async (path: string) => {
  const answer = await send(`${base}${path}`, { headers })
  return answer.status === 200
    ? { ok: true as const, body: answer.text }
    : { ok: false as const, error: `${answer.status} ${answer.text}` }
}

// The filters an officer uses, popular ones more often: a rule, an institution (big ones more often), a status.
const pick = <A>(xs: ReadonlyArray<A>) => xs[Math.floor(Math.random() * xs.length)]!
const filterQuery = (): string => {
  const rule = rules[Math.floor(rules.length * Math.random() ** 2.5)]!
  const institution = codes[Math.floor(institutionCount * Math.random() ** 3)]!
  return pick([
    "",
    `rule=${rule}`,
    `rule=${rule}`,
    `institution=${institution}`,
    `institution=${institution}`,
    "status=pending_first_review",
    `rule=${rule}&status=pending_first_review`,
    `institution=${institution}&status=pending_first_review,pending_second_review`,
    "minAmount=1000",
    "category=data_quality",
    "overdue=true"
  ])
}

say("warm-up: cursors and ids …")
const cursors: Array<string> = []
const ids: Array<string> = []
for (let i = 0; i < 300; i++) {
  const query = filterQuery()
  let cursor: string | null = null
  for (let depth = 0; depth < 1 + (i % 6); depth++) {
    const page: Awaited<ReturnType<typeof get>> = await get(
      `/api/v1/suspicions?pageSize=50&${query}${cursor === null ? "" : `&after=${encodeURIComponent(cursor)}`}`
    )
    if (!page.ok) throw new Error(page.error)
    const body = JSON.parse(page.body) as Page
    ids.push(...body.items.slice(0, 5).map((s) => s.id))
    cursor = body.nextCursor
    if (cursor === null) break
    cursors.push(`${query}&after=${encodeURIComponent(cursor)}`)
  }
}
say(`${cursors.length} cursors, ${ids.length} ids`)

const shot = (kind: string, path: string): Shot => ({
  kind,
  fire: async () => {
    const answer = await get(path)
    return answer.ok ? {} : { error: answer.error }
  }
})
const next = (): Shot => {
  const u = Math.random()
  if (u < 0.35) return shot("first page", `/api/v1/suspicions?pageSize=50&${filterQuery()}`)
  if (u < 0.6) return shot("next page", `/api/v1/suspicions?pageSize=50&${pick(cursors)}`)
  return shot("detail", `/api/v1/suspicions/${pick(ids)}`)
}

interface RateResult {
  readonly rate: number
  readonly sent: number
  readonly errors: number
  readonly byKind: Record<string, { n: number; p50: number; p99: number; max: number }>
  readonly lagP99: number
  readonly rssStartMb: number
  readonly rssMaxMb: number
}
const results: Array<RateResult> = []
const errorKinds = new Map<string, number>()
let exportResult: { rows: number; seconds: number; bytes: number; rssBeforeMb: number; rssMaxMb: number } | null = null
try {
  await driveOpenLoop({ rate: 50, seconds: 5, next })
  for (const rate of rates) {
    say(`${rate} requests/s for ${seconds} s …`)
    const run = await driveOpenLoop({ rate, seconds, next, serverPid: server.pid! })
    for (const [k, n] of run.errorKinds) errorKinds.set(k, (errorKinds.get(k) ?? 0) + n)
    results.push({
      rate,
      sent: run.sent,
      errors: run.errors,
      byKind: Object.fromEntries(
        [...run.latencies].map(([kind, l]) => [
          kind === "*" ? "all" : kind,
          { n: l.length, p50: tenth(percentile(l, 50)), p99: tenth(percentile(l, 99)), max: tenth(l.at(-1) ?? 0) }
        ])
      ),
      lagP99: tenth(percentile(run.lags, 99)),
      rssStartMb: tenth(run.rss[0]!),
      rssMaxMb: tenth(Math.max(...run.rss))
    })
  }
  if (!values["skip-export"]) {
    say("export of the largest allowed set …")
    const rssBeforeMb = rssMb(server.pid!)
    let rssMax = rssBeforeMb
    const sampler = setInterval(() => (rssMax = Math.max(rssMax, rssMb(server.pid!))), 100)
    const started = performance.now()
    const exported = await fetch(`${base}/api/v1/suspicions/export?status=pending_first_review`, { headers })
    const bytes = (await exported.arrayBuffer()).byteLength
    clearInterval(sampler)
    if (exported.status !== 200) throw new Error(`export: ${exported.status}`)
    exportResult = {
      rows: Number(exported.headers.get("x-fundguard-rows") ?? 0),
      seconds: tenth((performance.now() - started) / 1000),
      bytes,
      rssBeforeMb: tenth(rssBeforeMb),
      rssMaxMb: tenth(rssMax)
    }
  }
} finally {
  const exited = new Promise((resolve) => server.once("exit", resolve))
  server.kill("SIGTERM")
  await exited
  throwaway?.stop()
}

const machine = {
  ...machineInfo(),
  suspicions: suspicionCount,
  institutions: institutionCount
}
if (errorKinds.size > 0) say(`errors: ${JSON.stringify(Object.fromEntries(errorKinds))}`)
if (values.json) process.stdout.write(`${JSON.stringify({ machine, results, export: exportResult }, null, 2)}\n`)
else {
  process.stdout.write(
    `suspicion list and detail on PostgreSQL — ${machine.date}, ${machine.cpus}, ${machine.memoryGb} GB, node ${machine.node}, load ${machine.load}\n`
  )
  process.stdout.write(`${suspicionCount} leads, ${institutionCount} institutions; ${seconds} s per rate\n`)
  process.stdout.write("rate/s\tkind\tn\terrors\tp50 ms\tp99 ms\tmax ms\tsend lag p99 ms\tRSS start (max) MB\n")
  for (const r of results)
    for (const [kind, k] of Object.entries(r.byKind))
      process.stdout.write(
        `${r.rate}\t${kind}\t${k.n}\t${kind === "all" ? r.errors : ""}\t${k.p50}\t${k.p99}\t${k.max}\t${kind === "all" ? r.lagP99 : ""}\t${kind === "all" ? `${r.rssStartMb} (${r.rssMaxMb})` : ""}\n`
      )
  if (exportResult !== null)
    process.stdout.write(
      `export: ${exportResult.rows} rows, ${(exportResult.bytes / 1024 ** 2).toFixed(1)} MB in ${exportResult.seconds} s; server RSS ${exportResult.rssBeforeMb} → max ${exportResult.rssMaxMb} MB\n`
    )
}
rmSync(work, { recursive: true, force: true })
process.exit(0)
