/**
 * Chinese labels the domain package does not carry (UI wording), and option lists for the
 * filters and form selects. Labels that are part of the domain (`orgKindLabel`,
 * `suspicionStatusLabel`, `roleLabel`, `factorLabel`, …) are re-used from it, never copied.
 */
import type { RunStatus } from "@fundguard/contracts/Screening"
import { hospitalLevelLabel, orgKindLabel, type HospitalLevel, type OrgKind } from "@fundguard/domain/kernel"
import type { FineRange, Outcome, TransferTarget } from "@fundguard/domain/penalty"
import { suspicionStatusLabel, type SuspicionStatus } from "@fundguard/domain/screening"
import { violationCatalogue, type ViolationCode } from "@fundguard/domain/penalty"

/** An option of a SVAR `Select` / `RichSelect`. */
export interface Option<Id extends string = string> {
  readonly id: Id
  readonly label: string
}

const entries = <K extends string>(labels: Readonly<Record<K, string>>): ReadonlyArray<Option<K>> =>
  (Object.keys(labels) as Array<K>).map((id) => ({ id, label: labels[id] }))

export const orgKindOptions: ReadonlyArray<Option<OrgKind>> = entries(orgKindLabel)
export const hospitalLevelOptions: ReadonlyArray<Option<HospitalLevel>> = entries(hospitalLevelLabel)
export const suspicionStatusOptions: ReadonlyArray<Option<SuspicionStatus>> = entries(suspicionStatusLabel)

/** An organisation kind's Chinese name; unknown codes are shown as they are. */
export const orgKindText = (kind: string | null | undefined): string =>
  kind === null || kind === undefined ? "—" : ((orgKindLabel as Record<string, string>)[kind] ?? kind)

export const hospitalLevelText = (level: string | null | undefined): string =>
  level === null || level === undefined ? "—" : ((hospitalLevelLabel as Record<string, string>)[level] ?? level)

export const suspicionStatusText = (status: string): string =>
  (suspicionStatusLabel as Record<string, string>)[status] ?? status

/**
 * Chinese names of the screening rules of `screening-rules.md` (version 1). A code the table does
 * not know (a rule added later) is shown as its code.
 */
export const ruleLabel: Readonly<Record<string, string>> = {
  PRICE_OVER_CAP: "超限价收费",
  DUPLICATE_CHARGE: "重复收费",
  UNBUNDLED_CHARGE: "分解项目收费",
  FREQUENCY_EXCEEDED: "超频次收费",
  GENDER_RESTRICTED: "限性别项目",
  AGE_RESTRICTED: "限年龄项目",
  CARE_SETTING_RESTRICTED: "限就医方式项目",
  SUPPLY_DAYS_EXCEEDED: "超量开药（超天数）",
  CHARGE_OUTSIDE_STAY: "住院期外收费",
  SPLIT_ADMISSION: "分解住院",
  OVERLAPPING_STAYS: "住院时间重叠",
  CARE_DURING_STAY: "住院期间院外就诊购药",
  IDLE_BED_DAYS: "挂床住院（空床日）",
  LOW_INDICATION_ADMISSION: "低指征住院",
  BILLING_AFTER_DEATH: "死亡后就医结算",
  FREQUENT_PHARMACY: "频繁购药",
  CUMULATIVE_OVERSUPPLY: "累计超量购药",
  BED_OVER_CAPACITY: "超核定床位收治",
  DOCTOR_DAILY_OVERLOAD: "医师日接诊量异常",
  INVENTORY_SHORTFALL: "进销存不符",
  SETTLED_NOT_SOLD: "结算无销售记录",
  TRACE_CODE_REUSED: "追溯码重复使用",
  NIGHT_SETTLEMENT: "夜间异常结算",
  CARD_POOLING: "聚集性盗刷",
  PHARMACIST_ABSENT: "执业药师不在岗",
  PEER_COST_OUTLIER: "次均费用异常",
  UNIFORM_TEST_PANEL: "套餐式检查"
}

export const ruleText = (rule: string): string => ruleLabel[rule] ?? rule

export const ruleOptions: ReadonlyArray<Option> = Object.entries(ruleLabel).map(([id, label]) => ({
  id,
  label: `${label}（${id}）`
}))

const catalogueByCode = new Map<string, (typeof violationCatalogue)[number]>(violationCatalogue.map((e) => [e.code, e]))

/** A catalogue code as `第三十八条第三项 超标准收费`; codes outside the catalogue as they are. */
export const violationText = (code: string | null | undefined): string => {
  if (code === null || code === undefined || code === "") return "—"
  const entry = catalogueByCode.get(code)
  return entry === undefined ? code : `${entry.clause} ${entry.behaviour}`
}

/** The catalogue entry's clause alone (`第三十八条第二项`), for compact places. */
export const violationClause = (code: ViolationCode): string => catalogueByCode.get(code)?.clause ?? code

export const subjectKindLabel: Readonly<Record<"institution" | "individual" | "agency" | "staff", string>> = {
  institution: "定点医药机构",
  individual: "个人（参保人员等）",
  agency: "医疗保障经办机构",
  staff: "工作人员"
}

export const outcomeLabel: Readonly<Record<Outcome, string>> = {
  penalty: "予以行政处罚",
  no_penalty: "不予行政处罚",
  agreement_only: "仅作协议处理"
}

export const transferTargetLabel: Readonly<Record<TransferTarget, string>> = {
  police: "公安机关",
  health_commission: "卫生健康部门",
  discipline_commission: "纪检监察机关",
  market_regulation: "市场监督管理部门"
}

export const fineBasisLabel: Readonly<Record<FineRange["basis"], string>> = {
  loss: "按造成损失金额的倍数",
  defrauded: "按骗取金额的倍数",
  fixed: "固定金额"
}

/** Where a screening run stands (`Screening.RunStatus`). */
export const screeningRunStatusLabel: Readonly<Record<RunStatus, string>> = {
  queued: "排队中",
  running: "进行中",
  succeeded: "完成",
  failed: "失败",
  interrupted: "已中断"
}
