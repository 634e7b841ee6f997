/**
 * The responsibility API's calls (organisation, duties, tasks, calendar, coverage, rankings, ledger),
 * typed, on top of the shared client's `call` and `download`.
 */
import type { DutyJson, EvidenceField } from "@fundguard/domain/Duty"
import type { RankingMetric, RankingScheme } from "@fundguard/domain/Ranking"
import type { TaskState } from "@fundguard/domain/TaskState"
import type { OrgKind } from "@fundguard/domain/Institution"
import type { AreaKind, UnitKind } from "@fundguard/domain/Organisation"
import { buildQuery, type ApiClient } from "./api.js"

export interface CompletionRow {
  readonly id: string
  readonly completedOn: string
  readonly record: string
  readonly values: Readonly<Record<string, unknown>> | null
  readonly actorName: string
  readonly files: ReadonlyArray<{
    readonly id: string
    readonly fileName: string
    readonly size: number
    readonly sha256: string
  }>
}

export interface TaskRow {
  readonly id: string | null
  readonly generated: boolean
  readonly key: string
  readonly dutyCode: string
  readonly dutyVersion: number
  readonly title: string
  readonly category: string
  readonly unitId: string
  readonly unitName: string
  readonly objectType: string
  readonly objectCode: string
  readonly objectName: string | null
  readonly periodKey: string
  readonly periodLabel: string
  readonly periodStart: string
  readonly periodEnd: string
  readonly deadline: string
  readonly deadlineProvisional: boolean
  readonly deadlineNote: string | null
  readonly requiredCount: number
  readonly completedCount: number
  readonly completedOn: string | null
  readonly state: TaskState
  readonly stateLabel: string
  readonly dueToday: boolean
  readonly workingDaysLeft: number | null
  readonly coverageTarget: number
  readonly evidence: ReadonlyArray<EvidenceField>
  readonly source: string
  readonly completions: ReadonlyArray<CompletionRow>
}

export interface DayInfoRow {
  readonly date: string
  readonly working: boolean
  readonly name: string
  readonly adjusted: boolean
}

export interface CalendarDayRow {
  readonly date: string
  readonly day: DayInfoRow | null
  readonly dayUnknown: string | null
  readonly tasks: ReadonlyArray<TaskRow>
}

export interface UnitRow {
  readonly id: string
  readonly name: string
  readonly kind: UnitKind
  readonly parentId: string | null
  readonly areaCode: string | null
  readonly institutionCode: string | null
  readonly head: string | null
  readonly phone: string | null
  readonly active: boolean
}

export interface OrganisationData {
  readonly areas: ReadonlyArray<{ readonly code: string; readonly name: string; readonly kind: AreaKind }>
  readonly units: ReadonlyArray<UnitRow>
  readonly jurisdictions: ReadonlyArray<{
    readonly unitId: string
    readonly areaCode: string
    readonly orgKinds: ReadonlyArray<OrgKind>
  }>
  readonly assignments: ReadonlyArray<{
    readonly areaCode: string
    readonly sectionId: string
    readonly leaderName: string
    readonly leaderTitle: string
  }>
  readonly placements: ReadonlyArray<{ readonly institutionCode: string; readonly areaCode: string }>
}

export interface CoverageRowView {
  readonly dutyCode: string
  readonly dutyTitle: string
  readonly unitId: string | null
  readonly unitName: string
  readonly periodKey: string
  readonly objects: number
  readonly done: number
  readonly doneOnTime: number
  readonly target: number
  readonly required: number
  readonly rate: number | null
  readonly status: "met" | "behind" | "no_objects"
  readonly campaign: { readonly code: string; readonly name: string; readonly phase: string } | null
}

export interface RankedRow {
  /** Null for a unit with nothing due at all: not ranked. */
  readonly rank: number | null
  readonly score: number | null
  readonly outcome: "commended" | "interviewed" | null
  readonly explanation: string
  readonly points: ReadonlyArray<{
    readonly metric: RankingMetric
    readonly value: number | null
    readonly points: number | null
  }>
  readonly performance: {
    readonly unitId: string
    readonly unitName: string
    readonly dutiesDue: number
    readonly dutiesOnTime: number
    readonly checksRequired: number
    readonly checksDone: number
    readonly problemsFound: number
    readonly rectificationsVerified: number
    readonly overdue: number
  }
}

export interface RankingAnswer {
  readonly period: { readonly key: string; readonly label: string; readonly start: string; readonly end: string }
  readonly asOf: string
  readonly scheme: RankingScheme
  readonly groups: ReadonlyArray<{
    readonly unitKind: UnitKind
    readonly label: string
    readonly note: string
    readonly rows: ReadonlyArray<RankedRow>
  }>
  readonly metricLabels: Readonly<Record<RankingMetric, string>>
}

export interface Campaign {
  readonly code: string
  readonly name: string
  readonly phases: ReadonlyArray<string>
  readonly from: string
  readonly to: string
}

export interface Upload {
  readonly fileName: string
  readonly contentBase64: string
}

export interface Scope {
  readonly unit?: string
  readonly includeSupervised?: boolean
}

const scope = (s: Scope) => ({ unit: s.unit, includeSupervised: s.includeSupervised === true ? "true" : undefined })

/** The responsibility calls. */
export const dutiesApi = (api: ApiClient) => ({
  calendarInfo: () =>
    api.call<{ today: string; source: string; coveredYears: { from: number; to: number } }>(
      "GET",
      "/api/v1/calendar/info"
    ),
  due: (on: string, s: Scope) =>
    api.call<{ on: string; items: ReadonlyArray<TaskRow>; overdue: number }>(
      "GET",
      `/api/v1/tasks/due${buildQuery({ on, ...scope(s) })}`
    ),
  overdue: (on: string, s: Scope) =>
    api.call<{ on: string; items: ReadonlyArray<TaskRow> }>(
      "GET",
      `/api/v1/tasks${buildQuery({ on, state: "overdue", ...scope(s) })}`
    ),
  month: (month: string, s: Scope) =>
    api.call<{ month: string; today: string; days: ReadonlyArray<CalendarDayRow> }>(
      "GET",
      `/api/v1/calendar/month${buildQuery({ month, ...scope(s) })}`
    ),
  task: (id: string) => api.call<TaskRow>("GET", `/api/v1/tasks/${encodeURIComponent(id)}`),
  complete: (
    id: string,
    body: {
      completedOn: string
      record: string
      values: Record<string, unknown>
      files: ReadonlyArray<{ fileName: string; mediaType: string; contentBase64: string }>
    }
  ) =>
    api.call<{ completionId: string; task: TaskRow }>(
      "POST",
      `/api/v1/tasks/${encodeURIComponent(id)}/completions`,
      body
    ),
  generate: () =>
    api.call<{ planned: number; created: number; recalculated: number; provisional: number }>(
      "POST",
      "/api/v1/tasks/generate",
      {}
    ),
  organisation: () => api.call<OrganisationData>("GET", "/api/v1/organisation"),
  saveUnit: (unit: UnitRow, jurisdictions?: ReadonlyArray<{ areaCode: string; orgKinds: ReadonlyArray<OrgKind> }>) => {
    const { id, ...fields } = unit
    return api.call<unknown>("PUT", `/api/v1/organisation/units/${encodeURIComponent(id)}`, {
      ...fields,
      ...(jurisdictions === undefined ? {} : { jurisdictions })
    })
  },
  saveArea: (code: string, name: string, kind: AreaKind) =>
    api.call<unknown>("PUT", `/api/v1/organisation/areas/${encodeURIComponent(code)}`, { name, kind }),
  saveAssignment: (areaCode: string, a: { sectionId: string; leaderName: string; leaderTitle: string }) =>
    api.call<unknown>("PUT", `/api/v1/organisation/assignments/${encodeURIComponent(areaCode)}`, a),
  savePlacement: (institutionCode: string, areaCode: string) =>
    api.call<unknown>("PUT", `/api/v1/organisation/placements/${encodeURIComponent(institutionCode)}`, { areaCode }),
  importOrganisation: (upload: Upload, table?: string) =>
    api.call<{ written: number; counts: Record<string, number> }>("POST", "/api/v1/organisation/import", {
      ...upload,
      ...(table === undefined ? {} : { table })
    }),
  exportOrganisation: () => api.download("/api/v1/organisation/export.xlsx"),
  duties: (all = false) =>
    api.call<{ on: string; items: ReadonlyArray<DutyJson> }>(
      "GET",
      `/api/v1/duties${buildQuery({ all: all ? "true" : undefined })}`
    ),
  saveDuty: (duty: Omit<DutyJson, "version"> & { version?: number }) =>
    api.call<DutyJson>("POST", "/api/v1/duties", duty),
  retireDuty: (code: string, lastDay: string) =>
    api.call<unknown>("POST", `/api/v1/duties/${encodeURIComponent(code)}/retire`, { lastDay }),
  importDuties: (upload: Upload) =>
    api.call<{ imported: number; items: ReadonlyArray<{ code: string; version: number; effectiveFrom: string }> }>(
      "POST",
      "/api/v1/duties/import",
      upload
    ),
  exportDuties: () => api.download("/api/v1/duties/export.xlsx"),
  rankingSchemes: () => api.call<{ items: ReadonlyArray<RankingScheme> }>("GET", "/api/v1/ranking-schemes"),
  saveRankingScheme: (scheme: Readonly<Record<string, unknown>>) =>
    api.call<RankingScheme>("POST", "/api/v1/ranking-schemes", scheme),
  coverage: (q: { period?: string; campaign?: string; asOf?: string; unit?: string }) =>
    api.call<{ asOf: string; rows: ReadonlyArray<CoverageRowView> }>("GET", `/api/v1/coverage${buildQuery(q)}`),
  campaigns: () => api.call<{ items: ReadonlyArray<Campaign> }>("GET", "/api/v1/campaigns"),
  rankings: (period: string, asOf?: string) =>
    api.call<RankingAnswer>("GET", `/api/v1/rankings${buildQuery({ period, asOf })}`),
  ledger: (month: string, s: Scope) => api.download(`/api/v1/ledger.xlsx${buildQuery({ month, ...scope(s) })}`)
})

export type DutiesApi = ReturnType<typeof dutiesApi>
