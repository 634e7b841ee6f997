/**
 * An extract as pre-settlement checks: its reference tables as the service's reference data, and its
 * visits — each with its netted lines — in time order, checked one by one with the history of the
 * visits before (`precheck.md`, "Equivalence with the nightly run"). The CLI door loads its reference
 * directory with `readReference`; the equivalence tests replay whole extracts with `replayExtract`.
 *
 * @since 0.6.0
 */
import * as Effect from "effect/Effect"
import { type ExtractHandle, importExtractScoped } from "../Extract.js"
import type { ExtractInvalid } from "../ExtractProblem.js"
import { regionParamsOf } from "../Job.js"
import type { ScreeningConfigInvalid } from "../ScreeningConfig.js"
import { asNumber, asString, type DuckDbError, query, type Row } from "../internal/Duck.js"
import { prepare } from "../Runner.js"
import { sqlMacros } from "../SqlMacros.js"
import type { PrecheckRequest } from "@fundguard/domain/screening"
import {
  type CatalogItem,
  type ClaimInstitution,
  type ClaimLine,
  type ClaimPerson,
  type ClaimVisit,
  isInpatient,
  type Reference
} from "./Claim.js"
import { checkClaim, memoryHistory, type PrecheckRule, type RuleHit } from "./Evaluate.js"

const text = (row: Row, column: string): string => asString(row[column]) ?? ""
const optionalNumber = (row: Row, column: string): number | null =>
  row[column] === null || row[column] === undefined ? null : asNumber(row[column])

const groupBy = <A>(rows: ReadonlyArray<A>, key: (a: A) => string, value: (a: A) => string) => {
  const map = new Map<string, Array<string>>()
  for (const r of rows) {
    const list = map.get(key(r)) ?? []
    list.push(value(r))
    map.set(key(r), list)
  }
  return map
}

/**
 * The reference data of an imported extract: catalogue and pairs, institution register, deaths, persons.
 *
 * @category constructors
 */
export const readReference = (handle: ExtractHandle): Effect.Effect<Reference, DuckDbError> =>
  Effect.gen(function* () {
    const read = (table: string, sql: string) =>
      handle.has(table as never) ? query(handle.connection, sql) : Effect.succeed([] as ReadonlyArray<Row>)
    const catalog = yield* read("catalog", "SELECT * FROM catalog")
    const pairs = yield* read(
      "catalog_pair",
      "SELECT DISTINCT item_a, item_b, relation FROM catalog_pair WHERE item_a <> item_b ORDER BY item_a, item_b"
    )
    const institutions = yield* read("fixmedins", "SELECT * FROM fixmedins")
    const deaths = yield* read(
      "deaths",
      "SELECT psn_no, strftime(min(die_date), '%Y-%m-%d') AS die_date FROM deaths GROUP BY psn_no"
    )
    const persons = yield* read("psn", "SELECT psn_no, gend, strftime(brdy, '%Y-%m-%d') AS brdy FROM psn")
    return {
      catalog: new Map(
        catalog.map((r): [string, CatalogItem] => [
          text(r, "med_list_codg"),
          {
            med_list_codg: text(r, "med_list_codg"),
            name: text(r, "name"),
            list_type: text(r, "list_type"),
            pric_uplmt_lv1: optionalNumber(r, "pric_uplmt_lv1"),
            pric_uplmt_lv2: optionalNumber(r, "pric_uplmt_lv2"),
            pric_uplmt_lv3: optionalNumber(r, "pric_uplmt_lv3"),
            pric_uplmt_other: optionalNumber(r, "pric_uplmt_other"),
            lmt_gend: asString(r["lmt_gend"]),
            lmt_age_min: optionalNumber(r, "lmt_age_min"),
            lmt_age_max: optionalNumber(r, "lmt_age_max"),
            lmt_med_type: asString(r["lmt_med_type"]),
            max_daily_cnt: optionalNumber(r, "max_daily_cnt"),
            max_prd_days: optionalNumber(r, "max_prd_days")
          }
        ])
      ),
      includes: groupBy(
        pairs.filter((r) => text(r, "relation") === "includes"),
        (r) => text(r, "item_a"),
        (r) => text(r, "item_b")
      ),
      bundles: groupBy(
        pairs.filter((r) => text(r, "relation") === "part_of"),
        (r) => text(r, "item_a"),
        (r) => text(r, "item_b")
      ),
      institutions: new Map(
        institutions.map((r): [string, ClaimInstitution] => [
          text(r, "fixmedins_code"),
          {
            fixmedins_code: text(r, "fixmedins_code"),
            fixmedins_name: text(r, "fixmedins_name"),
            fixmedins_type: text(r, "fixmedins_type"),
            hosp_lv: asString(r["hosp_lv"])
          }
        ])
      ),
      deaths: new Map(deaths.map((r) => [text(r, "psn_no"), text(r, "die_date")])),
      persons: new Map(
        persons.map((r): [string, ClaimPerson] => [
          text(r, "psn_no"),
          { psn_no: text(r, "psn_no"), gend: text(r, "gend"), brdy: text(r, "brdy") }
        ])
      ),
      tables: new Set(handle.tables)
    }
  })

const timestamp = (column: string) => `strftime(${column}, '%Y-%m-%d %H:%M:%S')`

/**
 * The visits of an imported extract with their netted lines (`fg_visit`, `fg_fee`), in time order.
 *
 * @category constructors
 */
export const readVisits = (handle: ExtractHandle): Effect.Effect<ReadonlyArray<ClaimVisit>, DuckDbError> =>
  Effect.gen(function* () {
    yield* Effect.promise(() => handle.connection.run(sqlMacros.join(";\n")))
    yield* prepare(handle)
    const visits = yield* query(
      handle.connection,
      `SELECT mdtrt_id, psn_no, fixmedins_code, med_type, ${timestamp("begntime")} AS begntime,
              ${timestamp("endtime")} AS endtime, atddr_no, dise_codg, cancelled
       FROM fg_visit ORDER BY begntime, mdtrt_id`
    )
    const lines = yield* query(
      handle.connection,
      `SELECT mdtrt_id, feedetl_sn, med_list_codg, med_chrgitm_type, ${timestamp("fee_ocur_time")} AS fee_ocur_time,
              strftime(day, '%Y-%m-%d') AS day, cnt, refunded_cnt, net_cnt, pric, net_amt, prd_days
       FROM fg_fee ORDER BY mdtrt_id, fee_ocur_time, feedetl_sn`
    )
    const byVisit = new Map<string, Array<ClaimLine>>()
    for (const r of lines) {
      const id = text(r, "mdtrt_id")
      const list = byVisit.get(id) ?? []
      list.push({
        feedetl_sn: text(r, "feedetl_sn"),
        med_list_codg: text(r, "med_list_codg"),
        med_chrgitm_type: text(r, "med_chrgitm_type"),
        fee_ocur_time: text(r, "fee_ocur_time"),
        day: text(r, "day"),
        cnt: asNumber(r["cnt"]),
        refunded_cnt: asNumber(r["refunded_cnt"]),
        net_cnt: asNumber(r["net_cnt"]),
        pric: asNumber(r["pric"]),
        net_amt: asNumber(r["net_amt"]),
        prd_days: optionalNumber(r, "prd_days")
      })
      byVisit.set(id, list)
    }
    return visits.map(
      (r): ClaimVisit => ({
        mdtrt_id: text(r, "mdtrt_id"),
        psn_no: text(r, "psn_no"),
        fixmedins_code: text(r, "fixmedins_code"),
        med_type: text(r, "med_type"),
        begntime: text(r, "begntime"),
        endtime: asString(r["endtime"]),
        atddr_no: asString(r["atddr_no"]),
        dise_codg: asString(r["dise_codg"]),
        cancelled: r["cancelled"] === true,
        lines: byVisit.get(text(r, "mdtrt_id")) ?? []
      })
    )
  })

/**
 * A warning of the replay, with the visit it was given for.
 *
 * @category models
 */
export interface ReplayHit extends RuleHit {
  readonly visit: ClaimVisit
}

/**
 * Checks every visit of an extract in time order, each with the history of those before.
 *
 * @category rules
 */
export const replayExtract = (
  handle: ExtractHandle,
  rules: ReadonlyArray<PrecheckRule>
): Effect.Effect<ReadonlyArray<ReplayHit>, DuckDbError> =>
  Effect.gen(function* () {
    const reference = yield* readReference(handle)
    const visits = yield* readVisits(handle)
    const history = memoryHistory()
    const hits: Array<ReplayHit> = []
    for (const visit of visits) {
      const context = {
        visit,
        person: reference.persons.get(visit.psn_no) ?? null,
        institution: reference.institutions.get(visit.fixmedins_code) ?? null,
        reference,
        history
      }
      for (const hit of checkClaim(context, rules)) hits.push({ ...hit, visit })
      history.add(visit)
    }
    return hits
  })

/**
 * The reference data of a directory in the claims-extract format (`catalog`, `catalog_pair`, `fixmedins`,
 * `deaths`, optionally `psn`; claims tables may be absent), with the parameters of its region (its manifest's
 * `admdvs`, as the nightly run applies them). The DuckDB database is closed once the data is read.
 *
 * @category constructors
 */
export const loadReferenceDir = (
  dir: string
): Effect.Effect<
  { readonly reference: Reference; readonly params: Readonly<Record<string, unknown>>; readonly admdvs: string | null },
  ExtractInvalid | ScreeningConfigInvalid | DuckDbError
> =>
  Effect.scoped(
    Effect.gen(function* () {
      const handle = yield* importExtractScoped(dir, { referenceOnly: true, duckdb: { threads: "1" } })
      const reference = yield* readReference(handle)
      const region = yield* regionParamsOf(dir)
      return {
        reference,
        params: (region?.params ?? {}) as Readonly<Record<string, unknown>>,
        admdvs: region?.admdvs ?? handle.manifest?.admdvs ?? null
      }
    })
  )

/**
 * An extract's visits as the 3102 requests a hospital system would have sent before settling each, in time
 * order: the patient from `psn`, the visit with its netted lines (count and amount after refunds). Feeding
 * them to either door replays the extract (`pnpm fundguard precheck`).
 *
 * @category constructors
 */
export const extractRequests = (handle: ExtractHandle): Effect.Effect<ReadonlyArray<PrecheckRequest>, DuckDbError> =>
  Effect.gen(function* () {
    const reference = yield* readReference(handle)
    const visits = yield* readVisits(handle)
    return visits.map((visit): PrecheckRequest => {
      const person = reference.persons.get(visit.psn_no)
      const institution = reference.institutions.get(visit.fixmedins_code)
      return {
        infno: "3102",
        input: {
          data: {
            trig_scen: isInpatient(visit.med_type) ? "8" : "6",
            patient_dtos: [
              {
                patn_id: visit.psn_no,
                gend: person?.gend ?? "9",
                brdy: person?.brdy ?? "1900-01-01",
                curr_mdtrt_id: visit.mdtrt_id,
                fsi_encounter_dtos: [
                  {
                    mdtrt_id: visit.mdtrt_id,
                    medins_id: visit.fixmedins_code,
                    ...(institution === undefined
                      ? {}
                      : { medins_name: institution.fixmedins_name, medins_lv: institution.hosp_lv }),
                    adm_date: visit.begntime,
                    dscg_date: visit.endtime,
                    med_type: visit.med_type,
                    dr_codg: visit.atddr_no,
                    dscg_main_dise_codg: visit.dise_codg,
                    fsi_order_dtos: visit.lines.map((l) => ({
                      rx_id: l.feedetl_sn,
                      hilist_code: l.med_list_codg,
                      chrg_type: l.med_chrgitm_type,
                      cnt: l.net_cnt,
                      pric: l.pric,
                      sumamt: l.net_amt,
                      drord_begn_date: l.fee_ocur_time,
                      prd_days: l.prd_days
                    }))
                  }
                ]
              }
            ]
          }
        }
      }
    })
  })
