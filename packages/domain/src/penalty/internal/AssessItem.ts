/**
 * Assessment of one violation on the administrative track (条例 Art.36–44): which provision applies (the
 * Art.38 → 40 and Art.41 ¶1 → ¶2 upgrades, 从旧兼从轻), whether a penalty may be imposed at all (limitation,
 * 行政处罚法 Art.33), the grade, and every sanction with its reasons.
 *
 * @since 0.2.0
 */
import { agreementItem } from "./Agreement.js"
import { factorCount, factorLabel, factorReasons, gradeWithinRange } from "../Grade.js"
import type { IsoDate } from "../../kernel/IsoDate.js"
import { inForceOrEarliest, managementBanYears } from "../LegalParameters.js"
import { chooseLaw } from "../LawChoice.js"
import type { Liability } from "../Liability.js"
import { exemption } from "./Exemption.js"
import type { ItemContext } from "./ItemContext.js"
import { limitationWording } from "../Limitation.js"
import { formatYuan, roundYuan } from "../../kernel/Money.js"
import type { ViolationFacts } from "../PenaltyInput.js"
import type { AssessedItem, Grade } from "../PenaltyResult.js"
import { pointsFor } from "./PointScoring.js"
import { fineFor, monthsFor, monthsSentence, terminationFor } from "./Sanctions.js"
import { citationsIn, violationEntry, type ViolationEntry } from "../Violation.js"
import { calibrateFine, calibrateTermination } from "./Calibration.js"
import { APL, articleText, R735 } from "./Wording.js"

export type { ItemContext } from "./ItemContext.js"

const amountWord = (entry: ViolationEntry, fraud: boolean): string => {
  if (fraud) return "骗取医疗保障基金"
  switch (entry.amountBasis) {
    case "loss":
      return "造成医疗保障基金损失"
    case "illegal_gains":
      return "违法所得"
    case "embezzled":
      return "涉及金额"
    default:
      return "涉及金额"
  }
}

const period = (f: ViolationFacts): string =>
  f.occurredFrom !== undefined && f.occurredTo !== undefined
    ? `（${f.occurredFrom}至${f.occurredTo}）`
    : f.occurredTo !== undefined
      ? `（终了于${f.occurredTo}）`
      : f.occurredFrom !== undefined
        ? `（始于${f.occurredFrom}）`
        : ""

/** The behaviour without the subject the statute names in it (the decision names the party as 当事人). */
const act = (behaviour: string): string =>
  behaviour.replace(/^(医疗保障等行政部门、医疗保障经办机构、定点医药机构及其工作人员|医疗保障经办机构)/, "")

/** The provision an item is assessed under, after the upgrades on proven intent to defraud. */
const assessedUnderOf = (
  entry: ViolationEntry,
  facts: ViolationFacts
): { readonly article: number; readonly paragraph: number | null; readonly upgraded: boolean } => {
  const article = entry.article ?? 0
  if (article === 38 && facts.intentToDefraud && facts.amount > 0) return { article: 40, paragraph: 2, upgraded: true }
  if (article === 41 && entry.paragraph === 1 && facts.intentToDefraud && facts.amount > 0)
    return { article: 41, paragraph: 2, upgraded: true }
  return { article, paragraph: entry.paragraph, upgraded: false }
}

const refundOf = (l: Liability, amount: number): number =>
  l.refund === "none" || (l.refund === "if_loss" && amount <= 0) ? 0 : roundYuan(amount)

const refundMeasure = (l: Liability): string => (l.refund === "recover" ? "责令追回" : "责令退回")

/**
 * Assesses one violation. Agreement-track items go to the agreement track (or, refused, to their article).
 *
 * @category assessment
 */
export const assessItem = (c: ItemContext): AssessedItem => {
  const entry = violationEntry(c.facts.code)
  if (entry.track === "agreement") {
    if (!(c.facts.refusedToCorrect && entry.onRefusal !== null)) return agreementItem(c, entry, null)
  }
  const legal = entry.track === "agreement" && entry.onRefusal !== null ? violationEntry(entry.onRefusal) : entry
  const date: IsoDate = c.input.decisionDate
  const under = assessedUnderOf(legal, c.facts)
  const fraud = legal.fraud || under.upgraded
  const amount = roundYuan(c.facts.amount)
  const actDate = c.facts.occurredTo ?? c.facts.occurredFrom ?? null
  const insured = c.input.subject.insured === true
  const law = chooseLaw(under, { kind: c.input.subject.kind, insured }, actDate, date)
  const citations = [...citationsIn([...entry.citations, ...(legal === entry ? [] : legal.citations)], c.input.region)]
  const explanation: Array<string> = [
    `经查，当事人${act(legal.behaviour)}${period(c.facts)}${legal.amountBasis === "none" && !fraud ? "" : `，${amountWord(legal, fraud)}${formatYuan(amount)}`}。`,
    legal.article === null
      ? ""
      : `上述行为违反了${R735}${
          legal.citations
            .filter((x) => x.startsWith(R735) && !x.endsWith(legal.clause))
            .map((x) => x.slice(R735.length))
            .join("、") || legal.clause
        }的规定，属于该条例${legal.clause}所列情形。`
  ].filter((x) => x !== "")
  if (entry !== legal)
    explanation.unshift(
      `当事人${entry.behaviour.replace(/（[^）]*）$/, "")}，经责令改正后拒不改正，依据${R735}${legal.clause}处理。`
    )
  if (under.upgraded) {
    explanation.push(
      under.article === 40
        ? `当事人以骗取医疗保障基金为目的实施上述行为，造成基金损失，依据${R735}第四十条第二款，按照第四十条的规定处理。`
        : `当事人以骗取医疗保障基金为目的实施上述行为，造成基金损失，依据${R735}第四十一条第二款，除依照第一款处理外，处骗取金额2倍以上5倍以下的罚款。`
    )
    citations.push(`${R735}${articleText(under.article, under.paragraph)}`)
  } else if (c.facts.intentToDefraud && !legal.fraud && (legal.article === 38 || legal.article === 41))
    explanation.push("虽以骗取为目的，但未造成医疗保障基金损失，不适用骗取的规定（行政处罚不罚未遂）。")
  if (law.explanation !== null) explanation.push(law.explanation)

  const base = {
    violation: c.facts.code,
    track: "administrative" as const,
    article: entry.article,
    clause: entry.clause,
    assessedUnder: under.article,
    actId: c.facts.actId ?? null,
    limitation:
      c.limitation._tag === "Unknown"
        ? ("unknown" as const)
        : c.limitation._tag === "Expired"
          ? ("expired" as const)
          : ("within" as const),
    licenceRevocation: false,
    discipline: false,
    managementBan: null,
    agreement: null,
    paymentQualificationPoints: null,
    confiscation: null,
    settlementSuspensionMonths: null,
    suspensionMonths: null,
    fine: null,
    agreementTermination: { lawful: false, recommended: false }
  }

  const applied = law.applied
  if (applied === null) {
    // No national administrative sanction existed for the act when it was done (行政处罚法 Art.4, Art.37).
    if (c.input.subject.kind === "institution" && (legal.article === 38 || legal.article === 39))
      return agreementItem(c, entry, { explanation, citations, base })
    return {
      ...base,
      outcome: "no_penalty",
      appliedLaw: null,
      grade: "不予处罚",
      refund: 0,
      measures: ["批评教育"],
      citations: [...citations, `${APL}第四条、第三十七条`],
      explanation: [
        ...explanation,
        `行政处罚以法律、法规、规章规定为依据（${APL}第四条），对该行为不予行政处罚；违规费用可由医疗保障经办机构依法追回，违反其他法律的由有关主管部门依法处理。`
      ]
    }
  }
  citations.push(applied.citation)
  const limitationSentence = limitationWording(c.limitation)
  if (limitationSentence !== null) explanation.push(limitationSentence)
  const refund = refundOf(applied, amount)
  const refundSentence =
    refund > 0
      ? `${refundMeasure(applied)}${formatYuan(refund)}，退回原医疗保障基金财政专户（${R735}第四十五条）。`
      : null

  const notPunished = (ground: string, grade: Grade): AssessedItem => ({
    ...base,
    outcome: "no_penalty",
    appliedLaw: applied.citation,
    grade,
    refund,
    discipline: applied.discipline,
    measures: ["责令改正", ...(refund > 0 ? [refundMeasure(applied)] : []), "批评教育"],
    citations: [...citations, c.limitation._tag === "Expired" ? c.limitation.source : `${APL}第三十三条`],
    explanation: [
      ...explanation,
      ...(ground === "" ? [] : [ground]),
      ...(refundSentence === null
        ? []
        : [
            `${refundSentence}${c.limitation._tag === "Expired" ? "责令退回不属于行政处罚，不受追责时效限制（⚠️ 存在不同理解，也可由经办机构按服务协议追回）。" : ""}`
          ]),
      `依据${APL}第三十三条第三款，对当事人进行教育。`
    ]
  })
  if (c.limitation._tag === "Expired") return notPunished("", "不予处罚")
  const harmless = legal.amountBasis === "none" || amount === 0
  const ground = exemption(c, fraud, harmless)
  if (ground !== null) return notPunished(ground, "不予处罚")

  const grade = gradeWithinRange(c.summary, c.benchmark.factors.reduceBelowFloorFromGrounds)
  const count = factorCount(c.summary, grade)
  const reasons = factorReasons(c.summary)
  explanation.push(
    reasons.length === 0
      ? "无法定或者基准规定的从轻、减轻、从重情节，按“一般”情形裁量。"
      : `裁量情节：${reasons.join("；")}。综合认定为“${grade}”${grade === "减轻" ? `（具有${c.summary.statutoryMitigation.length}项法定应当从轻或者减轻情形，且无从重情节）` : ""}。`
  )

  const refundedByDeadline = c.input.factors.refundedInFullByDeadline === true
  const wantsFine = applied.fine !== null && (applied.fine.kind === "fixed" ? c.facts.refusedToCorrect : amount > 0)
  const banded = wantsFine ? fineFor(applied, grade, count, amount, refundedByDeadline, c.benchmark) : null
  // A point the benchmark fixes itself (a province's table) stands; otherwise practice sets it (类案校准).
  const calibrated = banded === null || banded.pointFixed ? null : calibrateFine(c, under.article, banded.fine, amount)
  const fine = banded === null || calibrated === null ? banded : { ...banded, fine: calibrated.fine }
  // With a precedent basis, the band's own point gives way: its sentence keeps the band, not the point.
  if (banded !== null)
    explanation.push(
      calibrated?.basis ? banded.sentence.replace(/，建议处[^，。]*罚款[^，。]*。$/, "。") : banded.sentence
    )
  if (calibrated?.sentence) explanation.push(calibrated.sentence)
  else if (applied.fine?.kind === "fixed")
    explanation.push(
      `依据${applied.citation}，责令改正，并可以约谈有关负责人；拒不改正的才处1万元以上5万元以下罚款，本案不予罚款。`
    )
  else if (applied.fine !== null)
    explanation.push(
      `未造成医疗保障基金损失，依据${applied.citation}责令改正${applied.talk ? "，可以约谈有关负责人" : ""}，不予罚款。`
    )
  else if (applied.confiscation === null)
    explanation.push(`${applied.citation}对该行为未设定罚款等行政处罚，依法责令改正。`)

  const seriousWhy = c.facts.refusedToCorrect
    ? "拒不改正"
    : c.facts.seriousConsequence || c.article43
      ? "造成严重后果"
      : null
  const byGrade = terminationFor(applied, grade, c.benchmark)
  const calibratedTermination = calibrateTermination(c, under.article, {
    ...byGrade,
    mandatory: applied.termination === "mandatory"
  })
  const termination = { lawful: byGrade.lawful, recommended: calibratedTermination.recommended }
  // 条例 Art.40 suspends the department "直至由医疗保障经办机构解除服务协议": termination is the step beyond the
  // suspension, and published decisions that terminate do not also suspend (precedents/decisions.json) ⚠️. Only
  // where comparable decisions recommend the termination; on the benchmark's grade rule alone the suspension stays
  // (the agency may not terminate).
  const suspends =
    applied.departmentSuspension !== null &&
    (applied.departmentSuspension.when === "always" || seriousWhy !== null) &&
    !(termination.recommended && calibratedTermination.sentence !== null)
  const suspension =
    suspends && applied.departmentSuspension !== null
      ? monthsFor(applied.departmentSuspension.range, grade, count, c.benchmark)
      : null
  if (suspension !== null)
    explanation.push(
      `${applied.departmentSuspension?.when === "always" ? `依据${applied.citation}` : `因${seriousWhy}，依据${applied.citation}`}，责令暂停相关责任部门涉及医疗保障基金使用的医药服务${monthsSentence(suspension.months)}（${suspension.rule}）。`
    )

  const requiresLoss = c.benchmark.settlementSuspension.requiresLoss
  const settles = applied.settlementSuspension !== null && insured && (!requiresLoss || amount > 0)
  const settlement =
    settles && applied.settlementSuspension !== null
      ? monthsFor(applied.settlementSuspension, grade, count, c.benchmark)
      : null
  if (settlement !== null)
    explanation.push(
      `当事人属于参保人员，依据${R735}第四十一条第一款，暂停其医疗费用联网结算${monthsSentence(settlement.months)}（${settlement.rule}；${requiresLoss ? "本基准以造成损失为条件" : "本基准不以造成损失为条件"}）。`
    )
  else if (applied.settlementSuspension !== null && !insured)
    explanation.push("当事人不属于参保人员，不适用暂停医疗费用联网结算。")
  else if (applied.settlementSuspension !== null)
    explanation.push("未造成医疗保障基金损失，本基准规定暂停联网结算以造成损失为条件，不暂停。")

  if (termination.lawful)
    explanation.push(
      applied.termination === "mandatory"
        ? `依据${applied.citation}，属于社会保险服务机构的，解除服务协议（由医疗保障经办机构执行）。`
        : calibratedTermination.sentence !== null
          ? `依据${applied.citation}，医疗保障经办机构可以解除服务协议（“直至”）。${calibratedTermination.sentence}${termination.recommended ? "解除的，不再另行暂停相关责任部门的医药服务。" : ""}`
          : termination.recommended
            ? `依据${applied.citation}，情节达到本基准建议解除的等级（“${c.benchmark.agreementTermination.recommendFrom}”），建议由医疗保障经办机构解除服务协议。`
            : `依据${applied.citation}，医疗保障经办机构可以解除服务协议（“直至”）；本案未达到本基准建议解除的等级。`
    )
  if (applied.licenceRevocation)
    explanation.push("直接负责的主管人员和其他直接责任人员有执业资格的，由有关主管部门依法吊销执业资格（见移送）。")

  const confiscation =
    applied.confiscation === "amount"
      ? amount
      : applied.confiscation === "gains"
        ? (c.facts.illegalGains ?? null)
        : null
  if (applied.confiscation === "amount")
    explanation.push(`依据${applied.citation}，没收违法所得${formatYuan(amount)}，上缴国库（${R735}第四十五条）。`)
  if (applied.confiscation === "gains")
    explanation.push(
      confiscation === null
        ? `依据${applied.citation}，有违法所得的，没收违法所得；未提供违法所得金额（illegalGains），请核实。`
        : `依据${applied.citation}，没收违法所得${formatYuan(confiscation)}，上缴国库（${R735}第四十五条）。`
    )
  if (applied.discipline)
    explanation.push(`依据${applied.citation}，对直接负责的主管人员和其他直接责任人员依法给予处分（见移送）。`)

  const banYears = inForceOrEarliest(managementBanYears, date)
  const ban =
    c.article43 && c.input.subject.kind === "institution" && applied.key.startsWith("R735")
      ? { years: banYears.value, appliesTo: "法定代表人或者主要负责人", basis: banYears.source }
      : null
  if (ban !== null) {
    explanation.push(
      `造成医疗保障基金重大损失或者其他严重不良社会影响，依据${banYears.source}，其法定代表人或者主要负责人${ban.years}年内禁止从事定点医药机构管理活动，由有关部门依法给予处分。`
    )
    citations.push(banYears.source)
  }
  if (refundSentence !== null) explanation.push(refundSentence)

  const outcome =
    fine !== null || (confiscation ?? 0) > 0 || suspension !== null || settlement !== null || ban !== null
      ? ("penalty" as const)
      : ("no_penalty" as const)
  const points = pointsFor(c, applied, outcome)
  if (points !== null) explanation.push(points.sentence)
  const measures = [
    "责令改正",
    ...(refund > 0 ? [refundMeasure(applied)] : []),
    ...(fine !== null ? ["罚款"] : []),
    ...(confiscation !== null && confiscation > 0 ? ["没收违法所得"] : []),
    ...(suspension !== null ? ["暂停相关责任部门涉及医保基金使用的医药服务"] : []),
    ...(settlement !== null ? ["暂停医疗费用联网结算"] : []),
    ...(termination.recommended ? ["解除服务协议"] : []),
    ...(ban !== null ? [`法定代表人或者主要负责人${ban.years}年内禁止从事定点医药机构管理活动`] : [])
  ]
  if (c.summary.statutoryMitigation.includes("otherStatutoryMitigation") && c.input.factorNotes !== undefined)
    explanation.push(`${factorLabel.otherStatutoryMitigation}：${c.input.factorNotes}`)
  return {
    ...base,
    outcome,
    appliedLaw: applied.citation,
    grade,
    refund,
    fine: fine?.fine ?? null,
    suspensionMonths: suspension?.months ?? null,
    settlementSuspensionMonths: settlement?.months ?? null,
    agreementTermination: termination,
    confiscation,
    managementBan: ban,
    licenceRevocation: applied.licenceRevocation,
    discipline: applied.discipline,
    paymentQualificationPoints: points?.points ?? null,
    measures,
    citations: [...new Set(citations)],
    explanation,
    ...(calibrated?.basis ? { precedents: calibrated.basis } : {})
  }
}
