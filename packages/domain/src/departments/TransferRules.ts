/**
 * The rules of transfers (移送) between the bureau and other departments, as data versioned by effective
 * date and region, each limit with its source and our confidence (✅ read in the primary text; 🔶 a
 * secondary source; ⚠️ unverified). National rules apply everywhere; a province's document applies in that
 * province only (seed 004 is 宁夏's: its 7-working-day limits, its 3-day supplement and its report due 15
 * January are not cited for another province).
 *
 * @since 0.5.0
 */
import * as Schema from "effect/Schema"
import type { IsoDate } from "../kernel/IsoDate.js"
import { regionCoverage } from "../penalty/Benchmarks.js"
import type { Versioned } from "../penalty/LegalParameters.js"

/**
 * The departments the bureau works with.
 *
 * @category models
 */
export const Department = Schema.Literal("health_commission", "police", "discipline_commission", "market_regulation")
/** @category models */
export type Department = typeof Department.Type

/** @category formatting */
export const departmentLabel: Readonly<Record<Department, string>> = {
  health_commission: "卫生健康委员会",
  police: "公安机关",
  discipline_commission: "纪委监委",
  market_regulation: "市场监督管理局"
}

/**
 * A time limit of a transfer: how much, counted how (民法典 Art.201–203: a period starts the day after
 * the event; one ending on a rest day ends on the next working day; working days count working days
 * only; hours run from the moment of the event).
 *
 * @category models
 */
export interface TransferLimit {
  readonly amount: number
  readonly unit: "working_days" | "days" | "hours"
  readonly basis: string
  readonly confidence: "✅" | "🔶" | "⚠️"
}

/**
 * A document the sender must hand over with the transfer.
 *
 * @category models
 */
export interface RequiredMaterial {
  readonly kind: string
  readonly label: string
  /** Required whatever the case; otherwise only if the case has one (物品清单、检验报告). */
  readonly always: boolean
}

/**
 * What the law says of transfers to or from one department.
 *
 * @category models
 */
export interface DepartmentTransferRules {
  /** The head's decision on the officers' transfer report (police: 3 days). */
  readonly approval: TransferLimit | null
  /** From the approval to the hand-over (police: 24 hours). */
  readonly handover: TransferLimit | null
  /** From the penalty decision (outgoing) or the discovery (incoming) to the hand-over. */
  readonly sendAfterDecision: TransferLimit | null
  readonly sendAfterDiscovery: TransferLimit | null
  /** The sender supplements incomplete materials within this limit of the receiver's request. */
  readonly supplement: TransferLimit | null
  /** The receiver may not refuse a transfer because materials are incomplete. */
  readonly noRefusalForIncompleteMaterials: { readonly basis: string } | null
  /** The receiver's decision (police: 立案 or not, within 3 days of receipt). */
  readonly receiverDecision: TransferLimit | null
  /** After a no-file notice: ask the police to reconsider; their answer; then the procuratorate. */
  readonly reconsiderationRequest: TransferLimit | null
  readonly reconsiderationAnswer: TransferLimit | null
  readonly procuratorateRequest: TransferLimit | null
  /** After the police file the case: hand over the items and materials. */
  readonly materialsAfterFiling: TransferLimit | null
  readonly materials: ReadonlyArray<RequiredMaterial>
  /** The document the transfer follows, cited on the transfer letter. */
  readonly basis: string
}

/**
 * The yearly report of transfers (seed 004 三(一)3: by 15 January, the previous year's transfers to the
 * health commission and their results).
 *
 * @category models
 */
export interface TransferReportRule {
  readonly department: Department
  /** Month and day of the following year by which the report is due. */
  readonly dueMonth: number
  readonly dueDay: number
  readonly to: string
  readonly basis: string
}

/**
 * The transfer rules of one region (or of the whole country).
 *
 * @category models
 */
export interface TransferRuleSet {
  /** Region codes (GB/T 2260, "640000" covers the province); empty = national. */
  readonly regions: ReadonlyArray<string>
  readonly name: string
  readonly departments: Readonly<Partial<Record<Department, Partial<DepartmentTransferRules>>>>
  readonly report: TransferReportRule | null
}

const T310 = "《行政执法机关移送涉嫌犯罪案件的规定》（国务院令第310号，2020年修订）"
const NHSA49 = "国家医保局 公安部《关于加强查处骗取医保基金案件行刑衔接工作的通知》（医保发〔2021〕49号）🔶"
const NX004 = "《自治区医保局 卫生健康委关于建立医保基金监管联动工作机制的通知》（宁夏，2022-08-05）"
const SUPERVISION = "《中华人民共和国监察法》第十五条、第三十四条"

const none: DepartmentTransferRules = {
  approval: null,
  handover: null,
  sendAfterDecision: null,
  sendAfterDiscovery: null,
  supplement: null,
  noRefusalForIncompleteMaterials: null,
  receiverDecision: null,
  reconsiderationRequest: null,
  reconsiderationAnswer: null,
  procuratorateRequest: null,
  materialsAfterFiling: null,
  materials: [
    { kind: "transfer_letter", label: "移送书", always: true },
    { kind: "evidence", label: "有关证据材料", always: true }
  ],
  basis: "及时移送（无全国统一时限 ⚠️）"
}

const t310 = (amount: number, unit: TransferLimit["unit"], article: string): TransferLimit => ({
  amount,
  unit,
  basis: `${T310}${article}`,
  confidence: "✅"
})

/**
 * The rule sets, national first. A region's set overrides the national one department by department,
 * field by field, from its effective date.
 *
 * @category statute
 */
export const transferRuleSets: ReadonlyArray<Versioned<TransferRuleSet>> = [
  {
    effectiveFrom: "2020-08-07",
    effectiveTo: null,
    source: `${T310}；${NHSA49}；${SUPERVISION}`,
    value: {
      regions: [],
      name: "全国",
      departments: {
        police: {
          approval: t310(3, "days", "第五条：正职负责人或者主持工作的负责人3日内作出批准移送或者不批准移送的决定"),
          handover: t310(24, "hours", "第五条：决定批准的，应当在24小时内向同级公安机关移送"),
          receiverDecision: t310(3, "days", "第八条：公安机关自接受移送之日起3日内审查，作出立案或者不予立案的决定"),
          reconsiderationRequest: t310(3, "days", "第九条：接到不予立案通知书后3日内提请复议"),
          reconsiderationAnswer: t310(3, "days", "第九条：公安机关自收到提请复议文件之日起3日内作出复议决定"),
          procuratorateRequest: t310(
            3,
            "days",
            "第九条：对复议决定仍有异议的，自收到复议决定之日起3日内建议人民检察院立案监督"
          ),
          materialsAfterFiling: t310(3, "days", "第十二条：自接到立案通知书之日起3日内移交涉案物品及有关材料"),
          materials: [
            { kind: "transfer_letter", label: "涉嫌犯罪案件移送书", always: true },
            { kind: "investigation_report", label: "涉嫌犯罪案件情况的调查报告", always: true },
            { kind: "items_list", label: "涉案物品清单", always: false },
            { kind: "test_report", label: "有关检验报告或者鉴定结论", always: false },
            { kind: "other", label: "其他有关涉嫌犯罪的材料", always: false }
          ],
          basis: `${T310}第三条、第五条、第六条；${NHSA49}`
        },
        discipline_commission: {
          basis: `${SUPERVISION}：公职人员涉嫌职务违法、职务犯罪的问题线索移送监察机关（无时限规定 ⚠️）`
        },
        health_commission: {
          basis:
            "《医疗保障基金使用监督管理条例》第三十八条、第三十九条（违反其他法律、行政法规的，由有关主管部门依法处理）；全国无统一移送时限 ⚠️"
        },
        market_regulation: {
          basis:
            "《医疗保障基金使用监督管理条例》第二十二条（价格、药品经营由有关主管部门依法处理）；全国无统一移送时限 ⚠️"
        }
      },
      report: null
    }
  },
  {
    effectiveFrom: "2022-08-05",
    effectiveTo: null,
    source: NX004,
    value: {
      regions: ["640000"],
      name: "宁夏回族自治区",
      departments: {
        health_commission: {
          approval: null,
          sendAfterDecision: {
            amount: 7,
            unit: "working_days",
            basis: `${NX004}三(二)：在向定点医疗机构下达行政处罚决定书的7个工作日内，报本部门主要负责人审批后移交`,
            confidence: "✅"
          },
          sendAfterDiscovery: {
            amount: 7,
            unit: "working_days",
            basis: `${NX004}三(二)：卫生健康部门发现线索应在7个工作日内移交同级医疗保障部门`,
            confidence: "✅"
          },
          supplement: {
            amount: 3,
            unit: "days",
            basis: `${NX004}三(二)：认为移送的案件材料不全的，应当通知移送部门在3日内补正`,
            confidence: "✅"
          },
          noRefusalForIncompleteMaterials: { basis: `${NX004}三(二)：不得以材料不全为由不接受移送案件` },
          materials: [
            { kind: "transfer_letter", label: "医保基金使用违法违规案件移送书", always: true },
            { kind: "problem_list", label: "违法违规问题清单（目录）", always: true },
            { kind: "transfer_report", label: "书面移交报告", always: true },
            { kind: "evidence", label: "违法违规明细及相关证据材料", always: true },
            { kind: "items_list", label: "涉案物品清单", always: false },
            { kind: "test_report", label: "检验报告或者鉴定结论", always: false }
          ],
          basis: `${NX004}二、三(二)`
        }
      },
      report: {
        department: "health_commission",
        dueMonth: 1,
        dueDay: 15,
        to: "自治区医疗保障局",
        basis: `${NX004}三(一)3：每年1月15日前报送上一年度移送同级卫健部门的线索或问题及处理结果`
      }
    }
  }
]

/**
 * The rules that govern a transfer to or from `department` for an institution in `region` on `date`: the
 * national rules, overridden field by field by the most specific regional set in force.
 *
 * @category rules
 */
export const transferRulesFor = (
  department: Department,
  region: string,
  date: IsoDate
): DepartmentTransferRules & { readonly sources: ReadonlyArray<string> } => {
  const applicable = transferRuleSets
    .filter((v) => v.effectiveFrom <= date && (v.effectiveTo === null || date <= v.effectiveTo))
    .map((v) => ({
      version: v,
      coverage:
        v.value.regions.length === 0 ? 0 : Math.max(0, ...v.value.regions.map((r) => regionCoverage(r, region) ?? 0))
    }))
    .filter((v) => v.version.value.regions.length === 0 || v.coverage > 0)
    .sort((a, b) => a.coverage - b.coverage)
  let rules: DepartmentTransferRules = none
  const sources: Array<string> = []
  for (const { version } of applicable) {
    const own = version.value.departments[department]
    if (own === undefined) continue
    rules = { ...rules, ...own }
    sources.push(version.source)
  }
  return { ...rules, sources }
}

/**
 * The yearly transfer report that applies in `region` on `date`, or null where no document requires one.
 *
 * @category rules
 */
export const transferReportRuleFor = (region: string, date: IsoDate): TransferReportRule | null => {
  const regional = transferRuleSets
    .filter((v) => v.effectiveFrom <= date && (v.effectiveTo === null || date <= v.effectiveTo))
    .filter((v) => v.value.regions.some((r) => (regionCoverage(r, region) ?? 0) > 0))
  return regional.map((v) => v.value.report).find((r) => r !== null) ?? null
}

/**
 * The evidence a transfer-reporting duty counts: 移送线索（问题）数 (seed 004 三(一)3, 宁夏's report due 15
 * January). The yearly report generated from the transfer ledger completes such a duty's task and fills it.
 *
 * @category rules
 */
export const transferReportEvidenceKey = "cluesTransferred"

/**
 * Whether a duty is a report of the year's transfers to the health commission — 宁夏's by its notice, or one a
 * bureau elsewhere defines for itself: its evidence counts the clues transferred.
 *
 * @category rules
 */
export const reportsTransfers = (duty: { readonly evidence: ReadonlyArray<{ readonly key: string }> }): boolean =>
  duty.evidence.some((field) => field.key === transferReportEvidenceKey)
