/**
 * Duties and ranking schemes as versioned data. Saving a duty (from the UI, the API or a spreadsheet)
 * writes a new version taking effect on its `effectiveFrom`; the version it replaces ends the day
 * before. Nothing is ever overwritten, so every task keeps the rule it was generated under.
 */
import { addDays, isoDate } from "@fundguard/domain/kernel"
import {
  decodeDuty,
  decodeRankingScheme,
  InvalidDuty,
  InvalidRankingScheme,
  type Duty,
  type RankingScheme
} from "@fundguard/domain/responsibilities"
import * as Effect from "effect/Effect"
import { recordAudit, type Actor } from "../access/audit.js"
import type { Db } from "../client.js"

type VersionRow = {
  readonly code: string
  readonly version: number
  readonly effectiveFrom: string
  readonly effectiveTo: string | null
}

/** Every version of every duty, by code then version. */
export const listDuties = async (db: Db): Promise<ReadonlyArray<Duty>> => {
  const rows = await db.dutyVersion.findMany({ orderBy: [{ code: "asc" }, { version: "asc" }] })
  return rows.map((r) => Effect.runSync(decodeDuty({ ...(r.definition as object), effectiveTo: r.effectiveTo })))
}

const nextVersion = (
  existing: ReadonlyArray<VersionRow>,
  code: string,
  effectiveFrom: string
): { readonly version: number; readonly close: VersionRow | null; readonly problem: string | null } => {
  const mine = existing.filter((r) => r.code === code)
  const version = mine.reduce((max, r) => Math.max(max, r.version), 0) + 1
  const current = mine.find((r) => r.effectiveTo === null || r.effectiveTo >= effectiveFrom) ?? null
  const latestStart = mine.reduce<string | null>(
    (max, r) => (max === null || r.effectiveFrom > max ? r.effectiveFrom : max),
    null
  )
  if (latestStart !== null && effectiveFrom <= latestStart)
    return { version, close: null, problem: `生效日期须晚于现行版本的生效日期 ${latestStart}` }
  return { version, close: current, problem: null }
}

/**
 * Saves a new version of a duty (version 1 for a new code). The version number is assigned here; the
 * previous version still in force on `effectiveFrom` ends the day before. Fails with `InvalidDuty`.
 */
export const saveDuty = async (db: Db, actor: Actor, input: unknown, source = "api"): Promise<Duty> => {
  const [saved] = await saveDuties(db, actor, [input], source)
  return saved!
}

/**
 * The server numbers versions; a client may send back the version it read (it is ignored), but
 * only as a whole number in range.
 */
const versionProblem = (raw: Record<string, unknown>): string | null => {
  const v = raw["version"]
  return v === undefined || (Number.isSafeInteger(v) && (v as number) >= 1 && (v as number) <= 1_000_000)
    ? null
    : "版本号由系统生成；如填写，须为 1 至 1000000 之间的整数"
}

/** Saves several duty versions at once (all or nothing); problems are prefixed with the item's index. */
export const saveDuties = async (
  db: Db,
  actor: Actor,
  inputs: ReadonlyArray<unknown>,
  source: string
): Promise<ReadonlyArray<Duty>> => {
  const existing: Array<VersionRow> = await db.dutyVersion.findMany({
    select: { code: true, version: true, effectiveFrom: true, effectiveTo: true }
  })
  const problems: Array<{ path: string; message: string }> = []
  const planned: Array<{ duty: Duty; close: VersionRow | null }> = []
  inputs.forEach((input, index) => {
    const prefix = inputs.length === 1 ? "$" : `$[${index}]`
    const raw = typeof input === "object" && input !== null ? (input as Record<string, unknown>) : {}
    const code = typeof raw["code"] === "string" ? raw["code"] : ""
    const effectiveFrom = typeof raw["effectiveFrom"] === "string" ? raw["effectiveFrom"] : ""
    const next = nextVersion(existing, code, effectiveFrom)
    const decoded = Effect.runSync(Effect.either(decodeDuty({ ...raw, version: next.version })))
    const sentVersion = versionProblem(raw)
    if (sentVersion !== null) problems.push({ path: `${prefix}.version`, message: sentVersion })
    if (decoded._tag === "Left") {
      problems.push(...decoded.left.problems.map((p) => ({ path: p.path.replace(/^\$/, prefix), message: p.message })))
      return
    }
    if (next.problem !== null) {
      problems.push({ path: `${prefix}.effectiveFrom`, message: next.problem })
      return
    }
    planned.push({ duty: decoded.right, close: next.close })
    existing.push({ code, version: next.version, effectiveFrom, effectiveTo: decoded.right.effectiveTo })
  })
  if (problems.length > 0) throw new InvalidDuty({ problems })
  await db.$transaction(async (tx) => {
    for (const { duty, close } of planned) {
      if (close !== null) {
        const effectiveTo = addDays(isoDate(duty.effectiveFrom), -1)
        await tx.dutyVersion.update({
          where: { code_version: { code: close.code, version: close.version } },
          data: { effectiveTo }
        })
        await recordAudit(tx, actor, {
          action: "duty.supersede",
          entityType: "duty",
          entityId: `${close.code}@${close.version}`,
          details: { effectiveTo, by: duty.version, source }
        })
      }
      await tx.dutyVersion.create({
        data: {
          code: duty.code,
          version: duty.version,
          title: duty.title,
          effectiveFrom: duty.effectiveFrom,
          effectiveTo: duty.effectiveTo,
          definition: duty as never,
          createdBy: actor.name
        }
      })
      await recordAudit(tx, actor, {
        action: duty.version === 1 ? "duty.create" : "duty.revise",
        entityType: "duty",
        entityId: `${duty.code}@${duty.version}`,
        details: { title: duty.title, effectiveFrom: duty.effectiveFrom, source }
      })
    }
  })
  return planned.map((p) => p.duty)
}

/** Ends a duty: its version in force on `lastDay` stops after that day. */
export const retireDuty = async (db: Db, actor: Actor, code: string, lastDay: string): Promise<void> => {
  const current = await db.dutyVersion.findFirst({
    where: { code, effectiveFrom: { lte: lastDay }, OR: [{ effectiveTo: null }, { effectiveTo: { gte: lastDay } }] },
    orderBy: { version: "desc" }
  })
  if (current === null)
    throw new InvalidDuty({ problems: [{ path: "$.code", message: `没有在 ${lastDay} 有效的职责 ${code}` }] })
  await db.$transaction(async (tx) => {
    await tx.dutyVersion.update({ where: { id: current.id }, data: { effectiveTo: lastDay } })
    await recordAudit(tx, actor, {
      action: "duty.retire",
      entityType: "duty",
      entityId: `${code}@${current.version}`,
      details: { effectiveTo: lastDay }
    })
  })
}

/** Loads default duties whose code is not stored yet (version 1); returns how many were added. */
export const seedDuties = async (db: Db, actor: Actor, duties: ReadonlyArray<unknown>): Promise<number> => {
  const codes = new Set((await db.dutyVersion.findMany({ select: { code: true } })).map((r) => r.code))
  const fresh = duties.filter((d) => !codes.has(String((d as { code?: unknown }).code)))
  if (fresh.length > 0) await saveDuties(db, actor, fresh, "seed")
  return fresh.length
}

/** Every version of every ranking scheme. */
export const listRankingSchemes = async (db: Db): Promise<ReadonlyArray<RankingScheme>> => {
  const rows = await db.rankingSchemeVersion.findMany({ orderBy: [{ code: "asc" }, { version: "asc" }] })
  return rows.map((r) =>
    Effect.runSync(decodeRankingScheme({ ...(r.definition as object), effectiveTo: r.effectiveTo }))
  )
}

/** The scheme version in force on `date` (the latest to take effect), or undefined. */
export const rankingSchemeOn = (schemes: ReadonlyArray<RankingScheme>, date: string): RankingScheme | undefined =>
  schemes
    .filter((s) => s.effectiveFrom <= date && (s.effectiveTo === null || s.effectiveTo >= date))
    .sort((a, b) => b.effectiveFrom.localeCompare(a.effectiveFrom) || b.version - a.version)[0]

/** Saves a new version of a ranking scheme (same rules as duties). Fails with `InvalidRankingScheme`. */
export const saveRankingScheme = async (db: Db, actor: Actor, input: unknown): Promise<RankingScheme> => {
  const existing: Array<VersionRow> = await db.rankingSchemeVersion.findMany({
    select: { code: true, version: true, effectiveFrom: true, effectiveTo: true }
  })
  const raw = typeof input === "object" && input !== null ? (input as Record<string, unknown>) : {}
  const next = nextVersion(existing, String(raw["code"] ?? ""), String(raw["effectiveFrom"] ?? ""))
  const decoded = Effect.runSync(Effect.either(decodeRankingScheme({ ...raw, version: next.version })))
  const sentVersion = versionProblem(raw)
  if (decoded._tag === "Left")
    throw sentVersion === null
      ? decoded.left
      : new InvalidRankingScheme({ problems: [{ path: "$.version", message: sentVersion }, ...decoded.left.problems] })
  if (sentVersion !== null) throw new InvalidRankingScheme({ problems: [{ path: "$.version", message: sentVersion }] })
  const scheme = decoded.right
  if (next.problem !== null)
    throw new InvalidRankingScheme({ problems: [{ path: "$.effectiveFrom", message: next.problem }] })
  await db.$transaction(async (tx) => {
    if (next.close !== null) {
      const effectiveTo = addDays(isoDate(scheme.effectiveFrom), -1)
      await tx.rankingSchemeVersion.update({
        where: { code_version: { code: next.close.code, version: next.close.version } },
        data: { effectiveTo }
      })
    }
    await tx.rankingSchemeVersion.create({
      data: {
        code: scheme.code,
        version: scheme.version,
        effectiveFrom: scheme.effectiveFrom,
        effectiveTo: scheme.effectiveTo,
        definition: scheme as never,
        createdBy: actor.name
      }
    })
    await recordAudit(tx, actor, {
      action: scheme.version === 1 ? "ranking_scheme.create" : "ranking_scheme.revise",
      entityType: "ranking_scheme",
      entityId: `${scheme.code}@${scheme.version}`,
      details: { criteria: scheme.criteria, groups: scheme.groups, effectiveFrom: scheme.effectiveFrom }
    })
  })
  return scheme
}
