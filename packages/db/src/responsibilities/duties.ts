/**
 * Duties and ranking schemes as versioned data: every version is kept (`dutyVersion`,
 * `rankingSchemeVersion`); the numbering and superseding are the domain's (`planDutyVersions`,
 * `planRankingSchemeVersion`), the saving the application's. Nothing is ever overwritten, so every
 * task keeps the rule it was generated under.
 */
import {
  decodeDuty,
  decodeRankingScheme,
  DutyRepository,
  RankingSchemeRepository,
  type Duty,
  type RankingScheme,
  type StoredVersion
} from "@fundguard/domain/responsibilities"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import { recordAudit } from "../access/audit.js"
import type { Db } from "../client.js"

/** Every version of every duty, by code then version. */
export const listDuties = async (db: Db): Promise<ReadonlyArray<Duty>> => {
  const rows = await db.dutyVersion.findMany({ orderBy: [{ code: "asc" }, { version: "asc" }] })
  return rows.map((r) => Effect.runSync(decodeDuty({ ...(r.definition as object), effectiveTo: r.effectiveTo })))
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

const versionFields = { code: true, version: true, effectiveFrom: true, effectiveTo: true } as const

/** Duty versions in this database: each write with its audit entries in one transaction. */
export const dutyRepository = (db: Db): DutyRepository["Type"] => ({
  versions: Effect.promise(
    (): Promise<ReadonlyArray<StoredVersion>> => db.dutyVersion.findMany({ select: versionFields })
  ),
  save: (planned, source, actor) =>
    Effect.promise(() =>
      db.$transaction(async (tx) => {
        for (const { item: duty, supersedes } of planned) {
          if (supersedes !== null) {
            await tx.dutyVersion.update({
              where: { code_version: { code: supersedes.code, version: supersedes.version } },
              data: { effectiveTo: supersedes.effectiveTo }
            })
            await recordAudit(tx, actor, {
              action: "duty.supersede",
              entityType: "duty",
              entityId: `${supersedes.code}@${supersedes.version}`,
              details: { effectiveTo: supersedes.effectiveTo, by: duty.version, source }
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
    ),
  retire: (version, lastDay, actor) =>
    Effect.promise(() =>
      db.$transaction(async (tx) => {
        await tx.dutyVersion.update({
          where: { code_version: { code: version.code, version: version.version } },
          data: { effectiveTo: lastDay }
        })
        await recordAudit(tx, actor, {
          action: "duty.retire",
          entityType: "duty",
          entityId: `${version.code}@${version.version}`,
          details: { effectiveTo: lastDay }
        })
      })
    )
})

/** Ranking-scheme versions in this database, each write with its audit entry. */
export const rankingSchemeRepository = (db: Db): RankingSchemeRepository["Type"] => ({
  versions: Effect.promise(
    (): Promise<ReadonlyArray<StoredVersion>> => db.rankingSchemeVersion.findMany({ select: versionFields })
  ),
  save: ({ item: scheme, supersedes }, actor) =>
    Effect.promise(() =>
      db.$transaction(async (tx) => {
        if (supersedes !== null)
          await tx.rankingSchemeVersion.update({
            where: { code_version: { code: supersedes.code, version: supersedes.version } },
            data: { effectiveTo: supersedes.effectiveTo }
          })
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
    )
})

/** The duty repository as a layer. */
export const DutyRepositoryLive = (db: Db): Layer.Layer<DutyRepository> =>
  Layer.succeed(DutyRepository, dutyRepository(db))

/** The ranking-scheme repository as a layer. */
export const RankingSchemeRepositoryLive = (db: Db): Layer.Layer<RankingSchemeRepository> =>
  Layer.succeed(RankingSchemeRepository, rankingSchemeRepository(db))
