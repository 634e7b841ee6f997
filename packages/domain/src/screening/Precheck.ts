/**
 * The pre-settlement check's messages (`precheck.md`): the national interfaces 3101 (明细审核事前分析服务),
 * 3102 (明细审核事中分析服务) and 3103 (事前事中服务反馈服务) as hospital and pharmacy systems send them, and the
 * answers. Field names are the national interface's; unknown extra fields are accepted and ignored; every
 * number and list is bounded, and a wrong field is reported with its path.
 *
 * @since 0.6.0
 */
import * as Schema from "effect/Schema"

const Text = (max: number) => Schema.String.pipe(Schema.maxLength(max))
const Code = Schema.String.pipe(Schema.minLength(1), Schema.maxLength(64))
const OptionalText = (max: number) => Schema.optional(Schema.NullOr(Text(max)))
/** `YYYY-MM-DD HH:MM:SS` (seconds optional; `T` accepted). */
const DateTime = Schema.String.pipe(
  Schema.pattern(/^\d{4}-\d{2}-\d{2}([ T]\d{2}:\d{2}(:\d{2})?)?$/, {
    message: () => "须为日期时间 YYYY-MM-DD HH:MM:SS"
  })
)
const Day = Schema.String.pipe(Schema.pattern(/^\d{4}-\d{2}-\d{2}$/, { message: () => "须为日期 YYYY-MM-DD" }))
const Amount = Schema.Number.pipe(Schema.finite(), Schema.between(-1e9, 1e9))

/**
 * One order or fee line (`fsi_order_dtos`).
 *
 * @category models
 */
export const PrecheckOrder = Schema.Struct({
  rx_id: Code,
  hilist_code: Code,
  hilist_name: OptionalText(200),
  chrg_type: Schema.String.pipe(Schema.minLength(1), Schema.maxLength(8)),
  cnt: Amount,
  pric: Amount,
  sumamt: Amount,
  drord_begn_date: DateTime,
  drord_dr_codg: OptionalText(64),
  prd_days: Schema.optional(Schema.NullOr(Schema.Number.pipe(Schema.finite(), Schema.between(0, 3650))))
})
/** @category models */
export type PrecheckOrder = typeof PrecheckOrder.Type

/**
 * One visit (`fsi_encounter_dtos`).
 *
 * @category models
 */
export const PrecheckEncounter = Schema.Struct({
  mdtrt_id: Code,
  medins_id: Code,
  medins_name: OptionalText(200),
  medins_admdvs: OptionalText(12),
  medins_type: OptionalText(8),
  medins_lv: OptionalText(8),
  adm_date: DateTime,
  dscg_date: Schema.optional(Schema.NullOr(DateTime)),
  dscg_main_dise_codg: OptionalText(64),
  dr_codg: OptionalText(64),
  med_mdtrt_type: OptionalText(8),
  med_type: Schema.String.pipe(Schema.minLength(1), Schema.maxLength(8)),
  insutype: OptionalText(8),
  fsi_order_dtos: Schema.Array(PrecheckOrder).pipe(Schema.maxItems(5000))
})
/** @category models */
export type PrecheckEncounter = typeof PrecheckEncounter.Type

/**
 * One patient (`patient_dtos`): the visit being checked (`curr_mdtrt_id`) and, where the system sends them,
 * earlier visits.
 *
 * @category models
 */
export const PrecheckPatient = Schema.Struct({
  patn_id: Code,
  patn_name: OptionalText(100),
  gend: Schema.String.pipe(Schema.maxLength(4)),
  brdy: Day,
  poolarea: OptionalText(12),
  curr_mdtrt_id: OptionalText(64),
  fsi_encounter_dtos: Schema.Array(PrecheckEncounter).pipe(Schema.minItems(1), Schema.maxItems(100))
})
/** @category models */
export type PrecheckPatient = typeof PrecheckPatient.Type

/**
 * A 3101 or 3102 request.
 *
 * @category models
 */
export const PrecheckRequest = Schema.Struct({
  infno: Schema.Literal("3101", "3102"),
  input: Schema.Struct({
    data: Schema.Struct({
      trig_scen: Schema.optional(Schema.NullOr(Schema.String.pipe(Schema.maxLength(4)))),
      rule_ids: Schema.optional(Schema.NullOr(Schema.Array(Code).pipe(Schema.maxItems(200)))),
      patient_dtos: Schema.Array(PrecheckPatient).pipe(Schema.minItems(1), Schema.maxItems(50))
    }).pipe(
      Schema.filter((d) =>
        (d.trig_scen ?? null) === null && (d.rule_ids ?? null) === null
          ? { path: ["trig_scen"], message: "trig_scen 与 rule_ids 至少须有一个" }
          : undefined
      )
    )
  })
})
/** @category models */
export type PrecheckRequest = typeof PrecheckRequest.Type

/**
 * A 3103 feedback: what the doctor did with a warning — `dspo_way` 1 继续执行 (an override, with its reason),
 * 2 返回修改.
 *
 * @category models
 */
export const PrecheckFeedback = Schema.Struct({
  infno: Schema.Literal("3103"),
  input: Schema.Struct({
    data: Schema.Struct({
      warn_rslt_id: Code,
      dspo_way: Schema.Literal("1", "2"),
      dspo_way_rea: OptionalText(500)
    }).pipe(
      Schema.filter((d) =>
        d.dspo_way === "1" && (d.dspo_way_rea ?? "").trim() === ""
          ? { path: ["dspo_way_rea"], message: "继续执行（dspo_way 1）须说明理由" }
          : undefined
      )
    )
  })
})
/** @category models */
export type PrecheckFeedback = typeof PrecheckFeedback.Type

/**
 * Any message of the three interfaces.
 *
 * @category models
 */
export const PrecheckMessage = Schema.Union(PrecheckRequest, PrecheckFeedback)
/** @category models */
export type PrecheckMessage = typeof PrecheckMessage.Type

/**
 * One line of a warning (`judge_result_detail_dtos`): `vola_item_type` 1 违规项, 2 涉及项.
 *
 * @category models
 */
export const PrecheckDetail = Schema.Struct({
  jrd_id: Schema.String,
  patn_id: Schema.String,
  mdtrt_id: Schema.String,
  rx_id: Schema.String,
  vola_item_type: Schema.Literal("1", "2"),
  vola_amt: Schema.Number
})
/** @category models */
export type PrecheckDetail = typeof PrecheckDetail.Type

/**
 * One warning (`result`): a rule and the group of lines it flags.
 *
 * @category models
 */
export const PrecheckWarning = Schema.Struct({
  jr_id: Schema.String,
  rule_id: Schema.String,
  rule_name: Schema.String,
  vola_cont: Schema.String,
  patn_id: Schema.String,
  mdtrt_id: Schema.String,
  vola_amt: Schema.Number,
  /** 1: the amount is computed (not an estimate). */
  vola_amt_stas: Schema.Literal("1", "0"),
  /** 1 违规 (a rule suggesting a violation), 2 可疑 (a lead or a data-quality check) ⚠️ codes inferred. */
  sev_deg: Schema.Literal("1", "2"),
  vola_evid: Schema.String,
  vola_bhvr_type: Schema.String,
  task_id: Schema.String,
  judge_result_detail_dtos: Schema.Array(PrecheckDetail)
})
/** @category models */
export type PrecheckWarning = typeof PrecheckWarning.Type

/**
 * The answer to any of the three: `infcode` 0 with the warnings (3101/3102) or an empty output (3103); else
 * `infcode` −1 and `err_msg` naming the field.
 *
 * @category models
 */
export const PrecheckResponse = Schema.Struct({
  infcode: Schema.Int,
  err_msg: Schema.NullOr(Schema.String),
  output: Schema.NullOr(Schema.Struct({ result: Schema.Array(PrecheckWarning) }))
})
/** @category models */
export type PrecheckResponse = typeof PrecheckResponse.Type

/**
 * An error answer.
 *
 * @category constructors
 */
export const precheckError = (message: string): PrecheckResponse => ({ infcode: -1, err_msg: message, output: null })

/**
 * The answer to a 3103 that was taken.
 *
 * @category constructors
 */
export const precheckFeedbackTaken: PrecheckResponse = { infcode: 0, err_msg: null, output: { result: [] } }

/**
 * What is said of a 3103 for a warning the door did not give (to this institution).
 *
 * @category formatting
 */
export const unknownWarningMessage = (jrId: string): string => `$.input.data.warn_rslt_id：没有这条提醒 ${jrId}`
