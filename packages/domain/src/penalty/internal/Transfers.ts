/**
 * What the law says must (or may) be handed to another authority: the police (suspected crime), the health
 * commission (seed 004 list; licence revocation), the discipline and supervision commission (public servants,
 * public institutions, 职务犯罪), and market regulation (prices, pharmacists).
 *
 * @since 0.1.0
 */
import type { ResolvedBenchmark } from "../Benchmarks.js"
import { regionCoverage } from "../Benchmarks.js"
import { inForceOrEarliest, policeTransferDays } from "../LegalParameters.js"
import { formatYuan } from "../../kernel/Money.js"
import type { AssessmentInput, ViolationFacts } from "../PenaltyInput.js"
import type { AssessedItem, Transfer } from "../PenaltyResult.js"
import { sumYuan } from "./Sanctions.js"
import { violationEntry, type ViolationEntry } from "../Violation.js"
import { R735 } from "./Wording.js"

/** The catalogue entry whose law an item was assessed by (an agreement item refused becomes its article). */
const legalEntry = (item: AssessedItem): ViolationEntry => {
  const entry = violationEntry(item.violation)
  return entry.track === "agreement" && item.track === "administrative" && entry.onRefusal !== null
    ? violationEntry(entry.onRefusal)
    : entry
}

/**
 * The 诈骗 amount class that applies to a region under a benchmark (a listed city, else the default class).
 *
 * @category rules
 */
export const fraudClassFor = (benchmark: ResolvedBenchmark, region: string) => {
  const classes = benchmark.criminal.fraud.classes
  return (
    classes.find((c) => c.regions.some((r) => (regionCoverage(r, region) ?? 0) > 0)) ??
    classes.find((c) => c.regions.length === 0) ??
    classes[0]
  )
}

const tierOf = (amount: number, c: { large: number; huge: number; especiallyHuge: number }): string | null =>
  amount >= c.especiallyHuge ? "数额特别巨大" : amount >= c.huge ? "数额巨大" : amount >= c.large ? "数额较大" : null

const isFraud = (facts: ViolationFacts, item: AssessedItem) =>
  (legalEntry(item).fraud || facts.intentToDefraud) && facts.amount > 0 && item.track === "administrative"

const publicOrgKinds: ReadonlyArray<string> = ["public_hospital", "township_health_center"]

/**
 * Transfers required (or allowed) by the assessed items.
 *
 * @category rules
 */
export const transfersFor = (
  input: AssessmentInput,
  items: ReadonlyArray<AssessedItem>,
  benchmark: ResolvedBenchmark
): ReadonlyArray<Transfer> => {
  const transfers: Array<Transfer> = []
  const pairs = input.violations.map((facts, i) => ({ facts, item: items[i]! }))
  const kind = input.subject.kind
  const police = inForceOrEarliest(policeTransferDays, input.decisionDate)
  const policeDeadline = `立即指定2名以上执法人员核实，报经本机关正职负责人或者主持工作的负责人${police.value.approvalDays}日内作出批准移送的决定，批准后${police.value.handoverHours}小时内移送同级公安机关（${police.source}）`

  // 诈骗 (刑法 Art.266): intent to defraud, amounts of one subject added up (诈骗数额累计计算).
  const fraud = pairs.filter((p) => isFraud(p.facts, p.item))
  const fraudTotal = sumYuan(fraud.map((p) => p.facts.amount))
  const cls = fraudClassFor(benchmark, input.region)
  const tier = cls === undefined ? null : tierOf(fraudTotal, cls)
  const official = kind === "agency"
  const floorNote =
    cls === undefined
      ? ""
      : benchmark.criminal.fraud.nationalFloor
        ? `本地区未配置诈骗数额标准，适用全国下限${formatYuan(cls.large)}`
        : `${cls.name}标准：数额较大${formatYuan(cls.large)}、数额巨大${formatYuan(cls.huge)}、数额特别巨大${formatYuan(cls.especiallyHuge)}`
  if (!official && fraud.length > 0 && tier !== null) {
    const upgraded = fraud.some((p) => violationEntry(p.facts.code).article === 38)
    transfers.push({
      to: "police",
      reason: `以骗取医疗保障基金为目的，骗取金额累计${formatYuan(fraudTotal)}，达到诈骗罪“${tier}”标准（${floorNote}），涉嫌犯罪${upgraded ? "；定点医药机构以非法占有为目的实施分解住院、挂床住院、违规收费、串换、将不属于基金支付范围的费用纳入结算等行为的，以诈骗罪论处（法发〔2024〕6号）" : ""}。不得以行政处罚代替移送；尚未给予罚款的，待司法机关处理后依法处理（行政处罚法第三十五条）。`,
      basis: `《中华人民共和国刑法》第二百六十六条；${benchmark.criminal.fraud.source}；两高一部《关于办理医保骗保刑事案件若干问题的指导意见》(法发〔2024〕6号)；${police.source}第三条、第五条；${R735}第四十八条；《中华人民共和国行政处罚法》第二十七条`,
      deadlineWorkingDays: null,
      deadline: policeDeadline,
      mandatory: true,
      violations: fraud.map((p) => p.facts.code)
    })
  }
  const agencyCrime =
    official && fraud.length > 0 && tier !== null
      ? `经办机构骗取医疗保障基金累计${formatYuan(fraudTotal)}（${floorNote}），其工作人员利用职务便利骗取公共财物的，涉嫌贪污等职务犯罪，线索应移送监察机关。`
      : ""

  // 掩饰、隐瞒犯罪所得罪 (刑法 Art.312) for knowingly buying back drugs obtained by 医保骗保.
  const resale = pairs.filter((p) => p.facts.code === "A38-5-RESALE_FACILITATION")
  const resaleTotal = sumYuan(resale.map((p) => p.facts.amount))
  const concealment = benchmark.criminal.concealment
  if (resale.length > 0 && resaleTotal >= concealment.threshold && kind !== "agency") {
    transfers.push({
      to: "police",
      reason: `为参保人员转卖药品提供便利，涉及金额${formatYuan(resaleTotal)}，达到${formatYuan(concealment.threshold)}；明知是骗取医保基金所得药品而收购、销售的，涉嫌掩饰、隐瞒犯罪所得罪，应当移送（是否“明知”由公安机关查明）。`,
      basis: `《中华人民共和国刑法》第三百一十二条；${concealment.source}；${police.source}第三条`,
      deadlineWorkingDays: null,
      deadline: policeDeadline,
      mandatory: true,
      violations: resale.map((p) => p.facts.code)
    })
  }

  // Seed 004 §二(一): 医保 → 卫健, for 定点医疗机构 (a pharmacy is not the health commission's to supervise).
  const health = benchmark.healthCommission
  const healthDeadline =
    health.workingDays === null
      ? "下达行政处罚决定书后及时移交（本地区未规定时限）"
      : `下达行政处罚决定书后${health.workingDays}个工作日内`
  // The item numbers of seed 004's list are 宁夏's: named only for a case in 宁夏.
  const inNingxia = (regionCoverage("640000", input.region) ?? 0) > 0
  const medical = kind === "institution" && input.subject.orgKind !== "pharmacy"
  const listed = medical ? items.filter((i) => legalEntry(i).toHealthCommissionItems.length > 0) : []
  if (listed.length > 0) {
    transfers.push({
      to: "health_commission",
      reason: `属于医疗保障部门向卫生健康部门移送的范围（${listed.map((i) => `${legalEntry(i).behaviour}${inNingxia ? `：清单第${legalEntry(i).toHealthCommissionItems.join("、")}项` : ""}`).join("；")}），${health.workingDays === null ? "应在下达行政处罚决定书后及时" : `应在下达行政处罚决定书后${health.workingDays}个工作日内`}形成违法违规问题清单和书面移交报告，经本部门主要负责人审批后移交，并取得回执。`,
      basis: health.source.includes(R735)
        ? health.source
        : `${health.source}；${R735}第三十八条、第三十九条（违反其他法律、行政法规的，由有关主管部门依法处理）`,
      deadlineWorkingDays: health.workingDays,
      deadline: healthDeadline,
      mandatory: true,
      violations: listed.map((i) => i.violation)
    })
  }

  // 条例 Art.40: 有执业资格的，由有关主管部门依法吊销执业资格 — doctors and nurses: 卫生健康; 执业药师: 药品监管.
  const licensed = items.filter((i) => i.licenceRevocation && i.outcome === "penalty")
  if (licensed.length > 0) {
    const pharmacy = input.subject.orgKind === "pharmacy"
    transfers.push({
      to: pharmacy ? "market_regulation" : "health_commission",
      reason: `定点医药机构骗取医疗保障基金，直接负责的主管人员和其他直接责任人员有执业资格的，由有关主管部门依法吊销执业资格，应移送${pharmacy ? "药品监督管理部门（执业药师注册管理）" : "卫生健康部门"}。`,
      basis: `${R735}第四十条`,
      deadlineWorkingDays: health.workingDays,
      deadline: healthDeadline,
      mandatory: true,
      violations: licensed.map((i) => i.violation)
    })
  }

  // Discipline and supervision commission.
  const administrative = items.filter((i) => i.track === "administrative")
  if (kind === "agency" && administrative.length > 0) {
    transfers.push({
      to: "discipline_commission",
      reason:
        agencyCrime +
        "医疗保障经办机构违法，对直接负责的主管人员和其他直接责任人员依法给予处分；其工作人员属于监察对象，涉嫌违纪、职务违法或者职务犯罪的，将线索移送纪检监察机关（或由任免机关依管理权限处分）。",
      basis: `${R735}第三十六条、第三十七条、第四十四条、第四十六条；《中华人民共和国监察法》第十五条；《中华人民共和国公职人员政务处分法》${agencyCrime === "" ? "" : "；两高一部《关于办理医保骗保刑事案件若干问题的指导意见》(法发〔2024〕6号)"}`,
      deadlineWorkingDays: null,
      deadline: "发现后及时移送",
      mandatory: true,
      violations: administrative.map((i) => i.violation)
    })
  } else if (input.subject.publicServant === true && kind !== "institution" && administrative.length > 0) {
    transfers.push({
      to: "discipline_commission",
      reason:
        "当事人为公职人员或者公办单位管理人员，涉嫌违纪、职务违法的线索移送纪检监察机关；涉嫌职务犯罪的，依法移送监察机关。",
      // 宁夏's joint-mechanism notice (seed 004) says the same, but binds 宁夏 only: the national law is cited.
      basis: "《中华人民共和国监察法》第十五条；《中华人民共和国公职人员政务处分法》",
      deadlineWorkingDays: null,
      deadline: "发现后及时移送",
      mandatory: true,
      violations: administrative.map((i) => i.violation)
    })
  } else if (
    kind === "institution" &&
    (publicOrgKinds.includes(input.subject.orgKind ?? "") || input.subject.publicServant === true)
  ) {
    const serious = pairs.filter(
      (p) =>
        p.item.track === "administrative" &&
        (isFraud(p.facts, p.item) ||
          p.item.grade === "从重" ||
          p.facts.seriousConsequence ||
          p.item.managementBan !== null)
    )
    if (serious.length > 0)
      transfers.push({
        to: "discipline_commission",
        reason:
          "公立医疗机构违法违规行为性质恶劣、情节严重的，可以将相关问题线索移交同级纪检监察机关，追究医疗机构领导班子及有关责任人的责任。",
        basis:
          "国家医保局 国家卫生健康委《关于开展医保定点医疗机构规范使用医保基金行为专项治理工作的通知》(医保函〔2020〕9号)；《中华人民共和国监察法》第十五条",
        deadlineWorkingDays: null,
        deadline: "发现后及时移交",
        mandatory: false,
        violations: serious.map((p) => p.facts.code)
      })
  }

  // Market regulation: 明码标价 (价格法) and 执业药师在岗 (药品管理法) are theirs to enforce.
  const prices = items.filter((i) => i.violation === "AGR-PRICE_TAGS" || i.violation === "A39-5-FEES_NOT_PUBLISHED")
  if (prices.length > 0)
    transfers.push({
      to: "market_regulation",
      reason: "未按规定明码标价、公开医药费用，违反价格管理规定的，线索移送市场监督管理部门依法处理。",
      basis: `《中华人民共和国价格法》第十三条、第四十二条 ⚠️；${R735}第二十二条、第三十九条（违反其他法律、行政法规的，由有关主管部门依法处理）`,
      deadlineWorkingDays: null,
      deadline: "发现后及时移送",
      mandatory: false,
      violations: prices.map((i) => i.violation)
    })
  const pharmacists = items.filter((i) => i.violation === "AGR-PHARMACIST_ABSENT")
  if (pharmacists.length > 0)
    transfers.push({
      to: "market_regulation",
      reason: "执业药师不在岗，违反药品经营管理规定的，线索移送药品监督管理部门（市场监督管理部门）依法处理。",
      basis: `《中华人民共和国药品管理法》第五十二条 ⚠️；${R735}第二十二条`,
      deadlineWorkingDays: null,
      deadline: "发现后及时移送",
      mandatory: false,
      violations: pharmacists.map((i) => i.violation)
    })
  return transfers
}

/** The violation entry's behaviour, for callers building reports. */
export const behaviourOf = (code: Parameters<typeof violationEntry>[0]): string => violationEntry(code).behaviour
