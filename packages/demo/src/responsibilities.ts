/**
 * Demo responsibilities for 奉节县 (seed 000): the bureau, its sections and the 医保中心, the eight
 * township/street 社保所, the health centres (朱衣镇社区卫生服务中心 also covering 夔州街道's village
 * clinics), the §三(一) leaders and sections per street, the default duties plus a 2026 campaign laid
 * out like seed 001's, the ranking scheme, this year's tasks up to today — and, on the first seed only,
 * completions with evidence (most on time, some late, some missing, so some tasks are overdue).
 */
import * as Application from "@fundguard/application"
import {
  EvidenceStoreLive,
  listRankingSchemes,
  plannerContext,
  repositoriesLayer,
  upsertInstitutions,
  type Actor,
  type Db
} from "@fundguard/db"
import {
  addDays,
  BureauClock,
  isoDate,
  WorkingCalendar,
  type Institution,
  type OrgKind,
  type WorkingCalendarShape
} from "@fundguard/domain/kernel"
import {
  Area,
  AreaAssignment,
  campaignPhases,
  defaultDuties,
  defaultRankingScheme,
  dutiesIn,
  Jurisdiction,
  objectInstitutions,
  OrgUnit,
  Placement
} from "@fundguard/domain/responsibilities"
import { createHash } from "node:crypto"
import * as Cause from "effect/Cause"
import * as Effect from "effect/Effect"
import * as Exit from "effect/Exit"
import * as Layer from "effect/Layer"
import * as Schema from "effect/Schema"

const areas = [
  ["kuizhou", "夔州街道", "street"],
  ["yongan", "永安街道", "street"],
  ["yufu", "鱼复街道", "street"],
  ["kuimen", "夔门街道", "street"],
  ["caotang", "草堂镇", "town"],
  ["tuxiang", "吐祥镇", "town"],
  ["qinglong", "青龙镇", "town"],
  ["zhuyi", "朱衣镇", "town"]
] as const

const unit = (
  id: string,
  name: string,
  kind: string,
  parentId: string | null,
  more: Partial<Record<string, unknown>> = {}
) =>
  Schema.decodeUnknownSync(OrgUnit)({
    id,
    name,
    kind,
    parentId,
    areaCode: null,
    institutionCode: null,
    head: null,
    phone: null,
    active: true,
    ...more
  })

/** The demo county's administrative division, as the contracts' examples write it. */
export const demoDivision = "500235"

/** Institutions the demo extract lacks but seed 000 names: 朱衣镇's centre and a 夔州街道 village clinic. */
export const demoExtraInstitutions = [
  {
    code: "H50023500014",
    name: "奉节县朱衣镇社区卫生服务中心",
    orgKind: "community_health_center",
    hospitalLevel: "3",
    admdvs: demoDivision,
    approvedBeds: 20,
    supervisorCode: null
  },
  {
    code: "H50023500015",
    name: "奉节县夔州街道莲花村卫生室",
    orgKind: "village_clinic",
    hospitalLevel: "9",
    admdvs: demoDivision,
    approvedBeds: 0,
    supervisorCode: "H50023500014"
  }
] as unknown as ReadonlyArray<Institution>

const officeOf = (code: string, name: string) =>
  unit(`SSO-${code.toUpperCase()}`, `${name}社保所`, "social_security_office", "SEC-JJJG", { areaCode: code })

/** The demo organisation, as one change. */
export const demoOrganisation = () => {
  const kinds = (...k: Array<OrgKind>) => k
  return {
    areas: areas.map(([code, name, kind]) => Schema.decodeUnknownSync(Area)({ code, name, kind })),
    units: [
      unit("BUREAU", "奉节县医疗保障局", "bureau", null, { head: "刘次权（局长）" }),
      unit("SEC-JJJG", "基金监管科", "section", "BUREAU", { phone: "56551825" }),
      unit("SEC-YWGL", "业务管理科", "section", "BUREAU"),
      unit("SEC-JMDY", "居民待遇科", "section", "BUREAU"),
      unit("SEC-XXFW", "信息服务科", "section", "BUREAU"),
      unit("CENTRE", "奉节县医保中心", "handling_centre", "BUREAU", { head: "邓芳（副主任）" }),
      ...areas.map(([code, name]) => officeOf(code, name)),
      unit("HC-CAOTANG", "奉节县草堂镇卫生院", "health_centre", "SEC-JJJG", {
        areaCode: "caotang",
        institutionCode: "H50023500004"
      }),
      unit("HC-TUXIANG", "奉节县吐祥镇中心卫生院", "health_centre", "SEC-JJJG", {
        areaCode: "tuxiang",
        institutionCode: "H50023500005"
      }),
      unit("HC-QINGLONG", "奉节县青龙镇卫生院", "health_centre", "SEC-JJJG", {
        areaCode: "qinglong",
        institutionCode: "H50023500006"
      }),
      unit("HC-YUFU", "奉节县鱼复街道社区卫生服务中心", "health_centre", "SEC-JJJG", {
        areaCode: "yufu",
        institutionCode: "H50023500007"
      }),
      unit("HC-ZHUYI", "奉节县朱衣镇社区卫生服务中心", "health_centre", "SEC-JJJG", {
        areaCode: "zhuyi",
        institutionCode: "H50023500014"
      })
    ],
    jurisdictions: [
      {
        unitId: "SEC-JJJG",
        areaCode: "*",
        orgKinds: kinds(
          "public_hospital",
          "private_hospital",
          "township_health_center",
          "community_health_center",
          "village_clinic",
          "clinic",
          "pharmacy"
        )
      },
      // seed 000 §二(二): 医保中心每月对门诊统筹费用进行分析比对 — the claims of every institution.
      {
        unitId: "CENTRE",
        areaCode: "*",
        orgKinds: kinds(
          "public_hospital",
          "private_hospital",
          "township_health_center",
          "community_health_center",
          "village_clinic",
          "clinic",
          "pharmacy"
        )
      },
      ...areas.map(([code]) => ({
        unitId: `SSO-${code.toUpperCase()}`,
        areaCode: code,
        orgKinds: kinds("clinic", "pharmacy", "township_health_center", "community_health_center")
      })),
      { unitId: "HC-CAOTANG", areaCode: "caotang", orgKinds: kinds("village_clinic") },
      { unitId: "HC-TUXIANG", areaCode: "tuxiang", orgKinds: kinds("village_clinic") },
      { unitId: "HC-QINGLONG", areaCode: "qinglong", orgKinds: kinds("village_clinic") },
      { unitId: "HC-YUFU", areaCode: "yufu", orgKinds: kinds("village_clinic") },
      { unitId: "HC-ZHUYI", areaCode: "zhuyi", orgKinds: kinds("village_clinic") },
      // seed 000 §三(四): 朱衣镇社区卫生服务中心包含夔州街道辖区内卫生室.
      { unitId: "HC-ZHUYI", areaCode: "kuizhou", orgKinds: kinds("village_clinic") }
    ].map((j) => Schema.decodeUnknownSync(Jurisdiction)(j)),
    // seed 000 §三(一).
    assignments: [
      { areaCode: "kuizhou", sectionId: "SEC-YWGL", leaderName: "刘次权", leaderTitle: "局长" },
      { areaCode: "yongan", sectionId: "SEC-JJJG", leaderName: "匡新明", leaderTitle: "副局长" },
      { areaCode: "yufu", sectionId: "SEC-JMDY", leaderName: "田爱平", leaderTitle: "副局长" },
      { areaCode: "kuimen", sectionId: "SEC-XXFW", leaderName: "邓芳", leaderTitle: "医保中心副主任" }
    ].map((a) => Schema.decodeUnknownSync(AreaAssignment)(a)),
    placements: (
      [
        ["H50023500001", "yongan"],
        ["H50023500002", "kuizhou"],
        ["H50023500003", "yufu"],
        ["H50023500004", "caotang"],
        ["H50023500005", "tuxiang"],
        ["H50023500006", "qinglong"],
        ["H50023500007", "yufu"],
        ["H50023500008", "caotang"],
        ["H50023500009", "caotang"],
        ["H50023500010", "tuxiang"],
        ["H50023500011", "qinglong"],
        ["H50023500012", "yongan"],
        ["H50023500013", "kuimen"],
        ["H50023500014", "zhuyi"],
        ["H50023500015", "kuizhou"],
        ["P50023500001", "kuizhou"],
        ["P50023500002", "yongan"],
        ["P50023500003", "tuxiang"]
      ] as const
    ).map(([institutionCode, areaCode]) => Schema.decodeUnknownSync(Placement)({ institutionCode, areaCode }))
  }
}

/** The county's own 2026 campaign, phased and targeted like seed 001's (demo data). */
export const demoCampaign = (year: number) =>
  campaignPhases({ code: `FJ-${year}-ZXZL`, name: `${year}年奉节县打击欺诈骗保专项治理（示例）` }, year, `FJ${year}`, {
    seed: "001",
    document: `示例：参照种子001《2020年奈曼旗打击欺诈骗取医疗保障基金专项治理工作实施方案》的阶段与覆盖率目标设定的本县${year}年专项治理`
  })

const hash = (text: string) => createHash("sha256").update(text).digest().readUInt32BE(0) / 2 ** 32

/** How diligent each demo unit is (lower: more done on time), so the ranking has a spread. */
const bias: Readonly<Record<string, number>> = {
  "HC-CAOTANG": -0.2,
  "HC-YUFU": -0.1,
  "HC-QINGLONG": 0.25,
  "SSO-TUXIANG": 0.2,
  "SSO-YONGAN": -0.15
}

/** What loading the demo needs besides the database: the working calendar, "today", the evidence folder. */
export interface DemoOptions {
  readonly calendar: WorkingCalendarShape
  readonly today: string
  readonly evidenceDir: string
}

/**
 * Runs a use case on a database with every service it may need: the database's repositories, the
 * evidence folder, the calendar and a clock stuck on `today`. For the demo and for tests that set up
 * data the way a user would; fails with the use case's own error.
 */
export const runUseCase = <A, E>(
  db: Db,
  options: DemoOptions,
  effect: Effect.Effect<A, E, Application.Services>
): Promise<A> =>
  runWith(
    Layer.mergeAll(
      repositoriesLayer(db),
      EvidenceStoreLive(options.evidenceDir),
      Layer.succeed(WorkingCalendar, options.calendar),
      BureauClock.fixed(options.today)
    ),
    effect
  )

/** Runs an effect with a layer: its value, or its failure thrown as it is (a tagged error, not a fiber failure). */
const runWith = async <A, E, R>(layer: Layer.Layer<R>, effect: Effect.Effect<A, E, R>): Promise<A> => {
  const exit = await Effect.runPromiseExit(effect.pipe(Effect.provide(layer)))
  if (Exit.isSuccess(exit)) return exit.value
  throw Cause.squash(exit.cause)
}

/**
 * Loads the demo organisation (and the two institutions the demo extract lacks) through the
 * application's `changeOrganisation`: checked and audited like a change in the UI. Each unit's
 * jurisdictions are replaced by the demo's.
 */
export const seedDemoOrganisation = async (db: Db, actor: Actor) => {
  await upsertInstitutions(db, actor, demoExtraInstitutions)
  const org = demoOrganisation()
  await runWith(
    repositoriesLayer(db),
    Application.Responsibilities.changeOrganisation({
      change: { ...org, replaceJurisdictionsOf: org.units.map((u) => u.id) },
      source: "seed",
      actor: { id: actor.id, name: actor.name, ip: actor.ip ?? null }
    })
  )
  return org
}

/**
 * Loads the demo responsibilities (idempotent). Completions are recorded only when the database had no
 * tasks before, so a rerun never completes the tasks left overdue on purpose.
 */
export const seedResponsibilitiesDemo = async (db: Db, actor: Actor, options: DemoOptions) => {
  const year = Number(options.today.slice(0, 4))
  const by = { id: actor.id, name: actor.name, ip: actor.ip ?? null }
  const org = await seedDemoOrganisation(db, actor)
  const duties = await runWith(
    repositoriesLayer(db),
    // Only the duties of documents that bind the county: not 宁夏's joint-mechanism duties, nor 奈曼旗's campaign.
    Application.Responsibilities.seedDuties({
      duties: dutiesIn([...defaultDuties, ...demoCampaign(year)], demoDivision),
      actor: by
    })
  )
  if ((await listRankingSchemes(db)).length === 0)
    await runWith(
      repositoriesLayer(db),
      Application.Responsibilities.saveRankingScheme({ scheme: defaultRankingScheme, actor: by })
    )
  const hadTasks = (await db.dutyTask.count()) > 0
  const generated = await runUseCase(
    db,
    options,
    Application.Responsibilities.generateTasks({
      from: isoDate(`${year}-01-01`),
      through: isoDate(options.today),
      actor: by
    })
  )
  let completions = 0
  if (!hadTasks) completions = await completeSome(db, by, options)
  return { units: org.units.length, duties, tasks: generated, completions }
}

const completeSome = async (
  db: Db,
  actor: { readonly id: string | null; readonly name: string; readonly ip: string | null },
  options: DemoOptions
): Promise<number> => {
  const context = await plannerContext(db)
  const tasks = await db.dutyTask.findMany({ orderBy: [{ deadline: "asc" }, { id: "asc" }] })
  let count = 0
  for (const task of tasks) {
    const duty = context.duties.find((d) => d.code === task.dutyCode && d.version === task.dutyVersion)
    if (duty === undefined) continue
    const key = `${task.dutyCode}|${task.unitId}|${task.objectCode}|${task.periodKey}`
    const r = hash(key) + (bias[task.unitId] ?? 0)
    const past = task.deadline < options.today
    const sampledOut = duty.coverageTarget < 1 && hash(`${key}|pick`) > duty.coverageTarget + 0.1
    if (sampledOut || (past && r >= 0.82) || (!past && r >= 0.35)) continue
    const late = past && r >= 0.7
    const base = late ? addDays(isoDate(task.deadline), 4) : addDays(isoDate(task.periodEnd), -3)
    const clamp = (d: string) => (d < task.periodStart ? task.periodStart : d > options.today ? options.today : d)
    const objects =
      duty.object.kind === "institutions"
        ? objectInstitutions(duty.object, context.organisation, task.unitId, context.institutions)
        : []
    for (let i = 0; i < task.requiredCount; i++) {
      const day = clamp(addDays(base, -i * 20))
      const n = Math.floor(hash(`${key}|${i}`) * 1000)
      const values: Record<string, unknown> = {}
      for (const f of duty.evidence) {
        if (f.type === "count")
          values[f.key] =
            f.key === "personsSampled"
              ? 10 + (n % 8)
              : f.key === "participants"
                ? 12 + (n % 20)
                : f.key === "rectificationsVerified"
                  ? n % 2
                  : n % 3
        if (f.type === "flag") values[f.key] = true
        if (f.type === "institutions")
          values[f.key] = objects.length === 0 ? [] : [objects[(n + i) % objects.length]!.code]
      }
      // Most problems found are rectified and verified; some are still open.
      if (typeof values["rectificationsVerified"] === "number" && typeof values["problemsFound"] === "number")
        values["rectificationsVerified"] = Math.max(0, (values["problemsFound"] as number) - (Math.floor(n / 7) % 2))
      const needsFile = duty.evidence.some((f) => f.type === "files" && f.required)
      const files = needsFile
        ? [
            {
              fileName: `${task.periodKey}-${task.unitId}-${duty.code}.txt`,
              mediaType: "text/plain",
              bytes: new TextEncoder().encode(`${duty.title}\n${task.periodKey} ${task.unitId}\n（演示数据）\n`)
            }
          ]
        : []
      await runUseCase(
        db,
        options,
        Application.Responsibilities.completeTask({
          taskId: task.id,
          completedOn: day,
          record: `${task.objectName ?? "本单位"}：${duty.title}（演示记录）`,
          values,
          files,
          actor
        })
      )
      count++
    }
  }
  return count
}
