/**
 * On-site inspection checklists (现场检查清单) per kind of institution, as data versioned by effective
 * date and editable by the bureau: each item says what to check, which catalogue violations a finding
 * under it may be, and the seed clause it comes from. The defaults come from seed 000 (奉节, what the
 * 社保所 and 卫生院 check at clinics, pharmacies, health centres and village clinics) and seed 001
 * (奈曼旗, the special campaign's contents per institution type).
 *
 * @since 0.4.0
 */
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import * as Schema from "effect/Schema"
import { OrgKind } from "../kernel/Institution.js"
import type { IsoDate } from "../kernel/IsoDate.js"
import { DateText } from "../kernel/IsoDate.js"
import { problemsOf, type InputProblem } from "../kernel/Problems.js"
import { ViolationCode } from "../penalty/Violation.js"
import { seedDocuments } from "../responsibilities/DutyCatalogue.js"

const Code = Schema.String.pipe(Schema.pattern(/^[A-Z][A-Z0-9-]{1,39}$/))
const Text = (max: number) => Schema.String.pipe(Schema.minLength(1), Schema.maxLength(max))

/**
 * One thing to check, with the violations a finding under it may be coded as (none: a management
 * finding with no penalty article of its own) and where the item comes from.
 *
 * @category models
 */
export const ChecklistItem = Schema.Struct({
  code: Code,
  text: Text(300),
  violations: Schema.Array(ViolationCode).pipe(Schema.maxItems(10)),
  source: Text(200)
})
/** @category models */
export type ChecklistItem = typeof ChecklistItem.Type

/**
 * A checklist for some kinds of institution, in force from `effectiveFrom` (a new version of the same
 * code replaces it from its own date).
 *
 * @category models
 */
export const Checklist = Schema.Struct({
  code: Code,
  version: Schema.Int.pipe(Schema.between(1, 1_000_000)),
  title: Text(100),
  orgKinds: Schema.Array(OrgKind).pipe(Schema.minItems(1)),
  effectiveFrom: DateText,
  items: Schema.Array(ChecklistItem).pipe(Schema.minItems(1), Schema.maxItems(200))
})
/** @category models */
export type Checklist = typeof Checklist.Type

/**
 * A checklist that does not decode (every problem with its JSON path), or whose item codes repeat.
 *
 * @category errors
 */
export class InvalidChecklist extends Schema.TaggedError<InvalidChecklist>()("InvalidChecklist", {
  problems: Schema.Array(Schema.Struct({ path: Schema.String, message: Schema.String }))
}) {
  override get message(): string {
    return this.problems.map((p) => `${p.path}: ${p.message}`).join("\n")
  }
}

/**
 * Decodes a bureau's checklist (from the UI or a file), naming every problem.
 *
 * @category constructors
 */
export const decodeChecklist = (input: unknown): Either.Either<Checklist, InvalidChecklist> => {
  const decoded = Effect.runSync(
    Effect.either(Schema.decodeUnknown(Checklist, { errors: "all", onExcessProperty: "error" })(input))
  )
  if (Either.isLeft(decoded)) return Either.left(new InvalidChecklist({ problems: problemsOf(decoded.left) }))
  const seen = new Set<string>()
  const problems: Array<InputProblem> = []
  decoded.right.items.forEach((item, i) => {
    if (seen.has(item.code)) problems.push({ path: `$.items[${i}].code`, message: `检查项编码 ${item.code} 重复` })
    seen.add(item.code)
  })
  return problems.length > 0 ? Either.left(new InvalidChecklist({ problems })) : Either.right(decoded.right)
}

const S000 = seedDocuments.s000.document
const S001 = seedDocuments.s001.document

const item = (code: string, text: string, violations: ReadonlyArray<ViolationCode>, source: string): ChecklistItem => ({
  code,
  text,
  violations,
  source
})

/** Seed 001 二（一）: what is checked at 卫生院 and hospitals of level one and above. */
const hospitalItems: ReadonlyArray<ChecklistItem> = [
  item("HO-UNBUNDLED", "分解收费", ["A38-3-UNBUNDLED_CHARGE"], `${S001} 二（一）`),
  item("HO-OVER-STANDARD", "超标准收费", ["A38-3-OVER_STANDARD_CHARGE"], `${S001} 二（一）`),
  item("HO-DUPLICATE", "重复收费", ["A38-3-DUPLICATE_CHARGE"], `${S001} 二（一）`),
  item("HO-SWAP", "串换药品、耗材和诊疗项目，套用项目收费", ["A38-4-SWAP"], `${S001} 二（一）`),
  item(
    "HO-PHANTOM",
    "虚记、多记药品、诊疗项目、医用耗材、医疗服务设施费用；无医嘱、无报告、无记录收费",
    ["A40-3-FICTITIOUS_SERVICE"],
    `${S001} 二（一）`
  ),
  item(
    "HO-IRRATIONAL",
    "不合理诊疗、小病大治、套餐式检查、不合理捆绑打包收费",
    ["A38-2-OVER_TREATMENT", "A38-2-OVER_EXAMINATION"],
    `${S001} 二（一）`
  ),
  item(
    "HO-LOW-INDICATION",
    "住院指征把关不严、降低住院标准、体检式住院、违规住院",
    ["A38-2-LOW_INDICATION_ADMISSION"],
    `${S001} 二（一）`
  ),
  item("HO-BED", "挂床住院", ["A38-1-BED_HANGING"], `${S001} 二（一）`),
  item("HO-INDUCED", "诱导参保人员住院、盗刷医保卡", ["A40-1-IMPERSONATION_OR_FAKE_CARE"], `${S001} 二（一）`),
  item("HO-FORGED", "伪造医疗文书、票据", ["A40-2-FORGED_RECORDS"], `${S001} 二（一）`),
  item(
    "HO-AGREEMENT",
    "医保政策落实、服务协议履行、总额预算管理；按病种付费结算病例数、临床路径入径率、变异率",
    [],
    `${S001} 二（一）`
  )
]

const ledger = (prefix: string, source: string) => [
  item(`${prefix}-LEDGER`, "购销存（进销存）台账完整，与医保结算一致", ["A39-2-RECORDS_NOT_KEPT"], source),
  item(`${prefix}-INVOICES`, "进货发票齐全，与台账相符", ["A39-2-RECORDS_NOT_KEPT"], source)
]

/**
 * The default checklists, version 1 each.
 *
 * @category statute
 */
export const defaultChecklists: ReadonlyArray<Checklist> = [
  {
    code: "CL-PHARMACY",
    version: 1,
    title: "定点零售药店现场检查",
    orgKinds: ["pharmacy"],
    effectiveFrom: seedDocuments.s000.effectiveFrom,
    items: [
      item("PH-PHARMACIST", "营业期间执业药师在岗", ["AGR-PHARMACIST_ABSENT"], `${S000} 一（一）3；${S001} 二（二）`),
      item("PH-PRICE-TAGS", "明码标价，价签完整", ["AGR-PRICE_TAGS"], `${S001} 二（二）`),
      ...ledger("PH", `${S000} 一（一）3；${S001} 二（二）`),
      item(
        "PH-NON-MEDICAL",
        "盗刷医保卡、诱导参保人购买营养品、生活用品、化妆品等非医药物品",
        ["A38-4-SWAP"],
        `${S000} 一（一）3；${S001} 二（二）`
      ),
      item("PH-SWAP", "串换药品、物品", ["A38-4-SWAP"], `${S001} 二（二）`),
      item(
        "PH-CASH-OUT",
        "刷卡变现、聚敛盗刷社保卡套取基金",
        ["A38-5-RESALE_FACILITATION", "A40-1-IMPERSONATION_OR_FAKE_CARE"],
        `${S001} 二（二）`
      )
    ]
  },
  {
    code: "CL-CLINIC",
    version: 1,
    title: "定点诊所现场检查",
    orgKinds: ["clinic"],
    effectiveFrom: seedDocuments.s000.effectiveFrom,
    items: [
      item("CL-DOCTOR", "营业期间医师在岗", [], `${S000} 一（一）2`),
      ...ledger("CL", `${S000} 一（一）2；${S001} 二（二）`),
      item("CL-REGISTER", "门诊登记完整", ["A39-2-RECORDS_NOT_KEPT"], `${S000} 一（一）2`),
      item(
        "CL-PRESCRIPTION",
        "据实处方，按比例报销",
        ["A40-2-FORGED_RECORDS", "A40-3-FICTITIOUS_SERVICE"],
        `${S000} 一（一）2`
      ),
      item(
        "CL-NON-MEDICAL",
        "盗刷医保卡为参保人套取基金购买营养品、生活用品等非医药物品",
        ["A38-4-SWAP"],
        `${S000} 一（一）2`
      ),
      item("CL-SWAP", "串换药品、物品", ["A38-4-SWAP"], `${S001} 二（二）`),
      item("CL-CASH-OUT", "刷卡变现套取基金", ["A38-5-RESALE_FACILITATION"], `${S001} 二（二）`)
    ]
  },
  {
    code: "CL-VILLAGE",
    version: 1,
    title: "村卫生室现场检查（卫生院每季度）",
    orgKinds: ["village_clinic"],
    effectiveFrom: seedDocuments.s000.effectiveFrom,
    items: [
      ...ledger("VC", `${S000} 一（二）3；${S001} 二（二）`),
      item("VC-POLICY", "执行医保政策情况", [], `${S000} 一（二）3`),
      item("VC-NON-MEDICAL", "为参保人套取基金购买营养品、生活用品等非医药物品", ["A38-4-SWAP"], `${S000} 一（二）4`),
      item("VC-SWAP", "为参保人串换药品、耗材", ["A38-4-SWAP"], `${S000} 一（二）5`),
      item("VC-REGISTER", "门诊登记完整", ["A39-2-RECORDS_NOT_KEPT"], `${S000} 一（二）6`),
      item(
        "VC-PRESCRIPTION",
        "据实处方，按比例报销",
        ["A40-2-FORGED_RECORDS", "A40-3-FICTITIOUS_SERVICE"],
        `${S000} 一（二）6`
      )
    ]
  },
  {
    code: "CL-HEALTH-CENTRE",
    version: 1,
    title: "乡镇卫生院（社区卫生服务中心）现场检查",
    orgKinds: ["township_health_center", "community_health_center"],
    effectiveFrom: seedDocuments.s000.effectiveFrom,
    items: [
      item("HC-EMPTY-BED", "空床、挂床住院", ["A38-1-BED_HANGING"], `${S000} 一（一）1`),
      ...ledger("HC", `${S000} 一（一）1`),
      item("HC-POLICY", "执行医保政策情况", [], `${S000} 一（一）1`),
      item("HC-SWAP", "为参保人串换药品、耗材", ["A38-4-SWAP"], `${S000} 一（一）1`),
      ...hospitalItems.filter((i) => i.code !== "HO-BED" && i.code !== "HO-SWAP")
    ]
  },
  {
    code: "CL-HOSPITAL",
    version: 1,
    title: "定点医院现场检查",
    orgKinds: ["public_hospital", "private_hospital"],
    effectiveFrom: seedDocuments.s001.effectiveFrom,
    items: hospitalItems
  }
]

/**
 * The checklist in force for an institution kind on `date`: of the versions in force, the latest to
 * take effect (the bureau's own before the default of the same code, by version).
 *
 * @category rules
 */
export const checklistFor = (
  checklists: ReadonlyArray<Checklist>,
  orgKind: OrgKind,
  date: IsoDate
): Checklist | undefined =>
  checklists
    .filter((c) => c.orgKinds.includes(orgKind) && c.effectiveFrom <= date)
    .sort((a, b) => b.effectiveFrom.localeCompare(a.effectiveFrom) || b.version - a.version)[0]
