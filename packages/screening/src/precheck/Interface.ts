/**
 * Answering 3101/3102 (`precheck.md`): the request's visits as claims, each checked by the rule library's
 * pre-settlement checks with the history of visits checked before, and the warnings in the national
 * interface's form. The HTTP and CLI doors both answer through `answerPrecheck`; each keeps its own history
 * and stores the warnings it returns.
 *
 * @since 0.6.0
 */
import { violationEntry, type ViolationCode } from "@fundguard/domain/penalty"
import { problemsOf } from "@fundguard/domain/kernel"
import {
  type PrecheckDetail,
  PrecheckFeedback,
  PrecheckRequest,
  type PrecheckResponse,
  type PrecheckWarning
} from "@fundguard/domain/screening"
import * as Either from "effect/Either"
import type { ParseError } from "effect/ParseResult"
import * as Schema from "effect/Schema"
import type { ClaimHistory, ClaimInstitution, ClaimLine, ClaimPerson, ClaimVisit, Reference } from "./Claim.js"
import { checkClaim, type PrecheckRule, type RuleHit } from "./Evaluate.js"

/** `YYYY-MM-DD HH:MM:SS` from the interface's date-times (`T`, no seconds). */
const timestamp = (t: string): string => {
  const s = t.replace("T", " ")
  return s.length === 10 ? `${s} 00:00:00` : s.length === 16 ? `${s}:00` : s
}

/**
 * A request's visit as a claim: its orders as fee lines (a request carries each line's net count), the
 * patient, and the institution — the register's row when it has one (the register wins over `medins_lv`).
 *
 * @category constructors
 */
export const claimOfEncounter = (
  patient: PrecheckRequest["input"]["data"]["patient_dtos"][number],
  encounter: PrecheckRequest["input"]["data"]["patient_dtos"][number]["fsi_encounter_dtos"][number],
  reference: Reference
): { readonly visit: ClaimVisit; readonly person: ClaimPerson; readonly institution: ClaimInstitution } => {
  const lines = encounter.fsi_order_dtos.map(
    (o): ClaimLine => ({
      feedetl_sn: o.rx_id,
      med_list_codg: o.hilist_code,
      med_chrgitm_type: o.chrg_type,
      fee_ocur_time: timestamp(o.drord_begn_date),
      day: o.drord_begn_date.slice(0, 10),
      cnt: o.cnt,
      refunded_cnt: 0,
      net_cnt: o.cnt,
      pric: o.pric,
      net_amt: o.sumamt,
      prd_days: o.prd_days ?? null
    })
  )
  return {
    visit: {
      mdtrt_id: encounter.mdtrt_id,
      psn_no: patient.patn_id,
      fixmedins_code: encounter.medins_id,
      med_type: encounter.med_type,
      begntime: timestamp(encounter.adm_date),
      endtime:
        encounter.dscg_date === undefined || encounter.dscg_date === null ? null : timestamp(encounter.dscg_date),
      atddr_no: encounter.dr_codg ?? null,
      dise_codg: encounter.dscg_main_dise_codg ?? null,
      cancelled: false,
      // A line billed and refunded in the same request nets out, as at night.
      lines: lines.filter((l) => l.net_cnt > 0)
    },
    person: { psn_no: patient.patn_id, gend: patient.gend, brdy: patient.brdy },
    institution: reference.institutions.get(encounter.medins_id) ?? {
      fixmedins_code: encounter.medins_id,
      fixmedins_name: encounter.medins_name ?? encounter.medins_id,
      // A pharmacy purchase (med_type 41) is the only sign of a pharmacy the request carries.
      fixmedins_type: encounter.med_type === "41" ? "2" : "1",
      hosp_lv: encounter.medins_lv ?? null
    }
  }
}

/**
 * A warning given, with what the door stores (`jr_id`, the lines, the doctor).
 *
 * @category models
 */
export interface GivenWarning {
  readonly warning: PrecheckWarning
  readonly rule: RuleHit["rule"]
  readonly visit: ClaimVisit
  readonly doctor: string | null
  readonly amount: number
}

const round2 = (x: number) => Math.round(x * 100) / 100

const evidenceOf = (violation: ViolationCode | null): { readonly evid: string; readonly behaviour: string } => {
  if (violation === null) return { evid: "数据质量或统计线索（非违法认定）", behaviour: "" }
  const entry = violationEntry(violation)
  return { evid: `《医疗保障基金使用监督管理条例》${entry.clause}`, behaviour: entry.behaviour }
}

/**
 * What a door needs to answer: the reference data and rules in force, the history it keeps, and how it
 * names warnings.
 *
 * @category models
 */
export interface PrecheckSetting {
  readonly reference: Reference
  readonly rules: ReadonlyArray<PrecheckRule>
  readonly history: ClaimHistory & {
    readonly add: (visit: Pick<ClaimVisit, "mdtrt_id" | "psn_no" | "fixmedins_code" | "lines">) => void
  }
  /** A new unique id (`jr_id`, `jrd_id`). */
  readonly newId: () => string
  readonly taskId: string
}

/**
 * Answers a 3101/3102 request: the visit being checked of each patient (`curr_mdtrt_id`, else every visit)
 * checked with the history of the visits before — the request's other visits first — and recorded in the
 * history afterwards (a visit checked again replaces its lines).
 *
 * @category rules
 */
export const answerPrecheck = (
  request: PrecheckRequest,
  setting: PrecheckSetting
): {
  readonly response: PrecheckResponse
  readonly warnings: ReadonlyArray<GivenWarning>
  /** The visits checked (not those only sent as history), as the door records them. */
  readonly checked: ReadonlyArray<ClaimVisit>
} => {
  const checkedVisits: Array<ClaimVisit> = []
  const only = (request.input.data.rule_ids ?? []).length > 0 ? new Set(request.input.data.rule_ids) : null
  const warnings: Array<GivenWarning> = []
  for (const patient of request.input.data.patient_dtos) {
    const current = patient.curr_mdtrt_id ?? null
    const encounters = patient.fsi_encounter_dtos
    const checked = current === null ? encounters : encounters.filter((e) => e.mdtrt_id === current)
    for (const e of encounters.filter((e) => !checked.includes(e)))
      setting.history.add(claimOfEncounter(patient, e, setting.reference).visit)
    for (const encounter of checked) {
      const claim = claimOfEncounter(patient, encounter, setting.reference)
      const hits = checkClaim({ ...claim, reference: setting.reference, history: setting.history }, setting.rules, only)
      for (const { rule, hit } of hits) {
        const flaggedLines = claim.visit.lines.filter((l) => hit.flagged.includes(l.feedetl_sn))
        const flaggedAmount = flaggedLines.reduce((n, l) => n + l.net_amt, 0)
        const share = (l: ClaimLine) =>
          flaggedLines.length === 1 ? hit.amount : flaggedAmount === 0 ? 0 : (l.net_amt / flaggedAmount) * hit.amount
        const details: Array<PrecheckDetail> = [
          ...flaggedLines.map((l) => ({
            jrd_id: setting.newId(),
            patn_id: patient.patn_id,
            mdtrt_id: claim.visit.mdtrt_id,
            rx_id: l.feedetl_sn,
            vola_item_type: "1" as const,
            vola_amt: round2(share(l))
          })),
          ...hit.involved.map((i) => ({
            jrd_id: setting.newId(),
            patn_id: patient.patn_id,
            mdtrt_id: i.mdtrt_id,
            rx_id: i.line.feedetl_sn,
            vola_item_type: "2" as const,
            vola_amt: 0
          }))
        ]
        const { evid, behaviour } = evidenceOf(rule.violation)
        warnings.push({
          rule,
          visit: claim.visit,
          doctor: encounter.dr_codg ?? null,
          amount: hit.amount,
          warning: {
            jr_id: setting.newId(),
            rule_id: rule.code,
            rule_name: rule.title.zh,
            vola_cont: hit.message,
            patn_id: patient.patn_id,
            mdtrt_id: claim.visit.mdtrt_id,
            vola_amt: round2(hit.amount),
            vola_amt_stas: "1",
            sev_deg: rule.kind === "violation" ? "1" : "2",
            vola_evid: evid,
            vola_bhvr_type: behaviour,
            task_id: setting.taskId,
            judge_result_detail_dtos: details
          }
        })
      }
      setting.history.add(claim.visit)
      checkedVisits.push(claim.visit)
    }
  }
  return {
    response: { infcode: 0, err_msg: null, output: { result: warnings.map((w) => w.warning) } },
    warnings,
    checked: checkedVisits
  }
}

const decodeRequest = Schema.decodeUnknownEither(PrecheckRequest, { errors: "all" })
const decodeFeedback = Schema.decodeUnknownEither(PrecheckFeedback, { errors: "all" })

/**
 * Reads a message of the three interfaces, or says in Chinese what is wrong with it, naming each field by
 * its path (`$.input.data.patient_dtos[0].gend：…`).
 *
 * @category decoding
 */
export const decodePrecheckMessage = (json: unknown): Either.Either<PrecheckRequest | PrecheckFeedback, string> => {
  const infno = typeof json === "object" && json !== null ? (json as { infno?: unknown }).infno : undefined
  if (infno !== "3101" && infno !== "3102" && infno !== "3103")
    return Either.left(`$.infno：须为 "3101"、"3102" 或 "3103"，收到 ${JSON.stringify(infno ?? null)}`)
  const decoded: Either.Either<PrecheckRequest | PrecheckFeedback, ParseError> =
    infno === "3103" ? decodeFeedback(json) : decodeRequest(json)
  return Either.mapLeft(decoded, (error) =>
    problemsOf(error)
      .slice(0, 20)
      .map((p) => `${p.path}：${p.message}`)
      .join("；")
  )
}
