/**
 * What each penalty article attaches to a proven violation (条例 Art.36–44, 《社会保险法》 Art.87–92 for acts
 * before 2021-05-01). The choice between them is `LawChoice`.
 *
 * @since 0.2.0
 */
import type { IsoDate } from "../kernel/IsoDate.js"
import {
  article37Fine,
  article38Fine,
  article39Fine,
  article40Fine,
  article41Fine,
  departmentSuspension,
  inForceOrEarliest,
  settlementSuspension,
  socialInsuranceFraudFine,
  type FixedRange,
  type MonthsRange,
  type MultipleRange
} from "./LegalParameters.js"
import { R735, SIL } from "./internal/Wording.js"

/**
 * The statutory provisions the engine can apply. `R735-…` are the 条例's articles; `SIL-…` those of
 * 《社会保险法》 that governed the same acts before the 条例 took effect.
 *
 * @category models
 */
export type LiabilityKey =
  | "R735-36"
  | "R735-37"
  | "R735-38"
  | "R735-39"
  | "R735-40"
  | "R735-41-1"
  | "R735-41-2"
  | "R735-42"
  | "R735-44"
  | "R735-46"
  | "SIL-87-agency"
  | "SIL-87-institution"
  | "SIL-88"
  | "SIL-89"
  | "SIL-91"
  | "SIL-92"

/**
 * The sanctions one provision attaches, each with the condition the text sets for it.
 *
 * @category models
 */
export interface Liability {
  readonly key: LiabilityKey
  /** The provision as a decision cites it: `《医疗保障基金使用监督管理条例》第三十八条`. */
  readonly citation: string
  /** The article number of the 条例 the item is assessed under (`assessedUnder`), or of the older law. */
  readonly article: number
  readonly paragraph: number | null
  /** 责令退回 when a loss occurred / always (fraud) / 责令追回 (Art.44) / none. */
  readonly refund: "if_loss" | "always" | "recover" | "none"
  readonly fine:
    | { readonly kind: "multiple"; readonly range: MultipleRange; readonly source: string }
    | { readonly kind: "fixed"; readonly range: FixedRange; readonly source: string; readonly onlyOnRefusal: true }
    | null
  /** 暂停相关责任部门涉及医保基金使用的医药服务: always (Art.40) or on refusal / serious consequence (Art.38). */
  readonly departmentSuspension: { readonly range: MonthsRange; readonly when: "always" | "refused_or_serious" } | null
  /** 暂停医疗费用联网结算 of an insured person (Art.41). */
  readonly settlementSuspension: MonthsRange | null
  /** 解除服务协议: the ceiling of the sanction (Art.40 直至) or mandatory (社会保险法 Art.87). */
  readonly termination: "ceiling" | "mandatory" | null
  /** 有执业资格的，由有关主管部门依法吊销执业资格. */
  readonly licenceRevocation: boolean
  /** 没收违法所得: the amount itself (Art.42) or separately stated gains (Art.44 有违法所得的). */
  readonly confiscation: "amount" | "gains" | null
  /** 对直接负责的主管人员和其他直接责任人员依法给予处分. */
  readonly discipline: boolean
  /** 可以约谈有关负责人 (Art.38, Art.39). */
  readonly talk: boolean
}

const base = {
  refund: "none",
  fine: null,
  departmentSuspension: null,
  settlementSuspension: null,
  termination: null,
  licenceRevocation: false,
  confiscation: null,
  discipline: false,
  talk: false,
  paragraph: null
} as const

/**
 * The provisions as they read on `date` (numbers come from the versioned `LegalParameters`).
 *
 * @category statute
 */
export const liabilityFor = (key: LiabilityKey, date: IsoDate): Liability => {
  const fine = (versions: Parameters<typeof inForceOrEarliest<MultipleRange>>[0], source?: string) => {
    const v = inForceOrEarliest(versions, date)
    return { kind: "multiple" as const, range: v.value, source: source ?? v.source }
  }
  const suspension = inForceOrEarliest(departmentSuspension, date).value
  switch (key) {
    case "R735-36":
      return { ...base, key, citation: `${R735}第三十六条`, article: 36, discipline: true }
    case "R735-37":
      return {
        ...base,
        key,
        citation: `${R735}第三十七条`,
        article: 37,
        refund: "always",
        fine: fine(article37Fine),
        discipline: true
      }
    case "R735-38":
      return {
        ...base,
        key,
        citation: `${R735}第三十八条`,
        article: 38,
        refund: "if_loss",
        fine: fine(article38Fine),
        departmentSuspension: { range: suspension, when: "refused_or_serious" },
        talk: true
      }
    case "R735-39": {
      const v = inForceOrEarliest(article39Fine, date)
      return {
        ...base,
        key,
        citation: `${R735}第三十九条`,
        article: 39,
        fine: { kind: "fixed", range: v.value, source: v.source, onlyOnRefusal: true },
        talk: true
      }
    }
    case "R735-40":
      return {
        ...base,
        key,
        citation: `${R735}第四十条`,
        article: 40,
        refund: "always",
        fine: fine(article40Fine),
        departmentSuspension: { range: suspension, when: "always" },
        termination: "ceiling",
        licenceRevocation: true
      }
    case "R735-41-1":
      return {
        ...base,
        key,
        citation: `${R735}第四十一条第一款`,
        article: 41,
        paragraph: 1,
        refund: "if_loss",
        settlementSuspension: inForceOrEarliest(settlementSuspension, date).value
      }
    case "R735-41-2":
      return {
        ...base,
        key,
        citation: `${R735}第四十一条第二款`,
        article: 41,
        paragraph: 2,
        refund: "always",
        fine: fine(article41Fine),
        settlementSuspension: inForceOrEarliest(settlementSuspension, date).value
      }
    case "R735-42":
      return { ...base, key, citation: `${R735}第四十二条`, article: 42, confiscation: "amount", discipline: true }
    case "R735-44":
      return {
        ...base,
        key,
        citation: `${R735}第四十四条`,
        article: 44,
        refund: "recover",
        confiscation: "gains",
        discipline: true
      }
    case "R735-46":
      return { ...base, key, citation: `${R735}第四十六条`, article: 46, discipline: true }
    case "SIL-87-agency":
      return {
        ...base,
        key,
        citation: `${SIL}第八十七条`,
        article: 87,
        refund: "always",
        fine: fine(socialInsuranceFraudFine, `${SIL}第八十七条`)
      }
    case "SIL-87-institution":
      return {
        ...base,
        key,
        citation: `${SIL}第八十七条`,
        article: 87,
        refund: "always",
        fine: fine(socialInsuranceFraudFine, `${SIL}第八十七条`),
        termination: "mandatory",
        licenceRevocation: true
      }
    case "SIL-88":
      return {
        ...base,
        key,
        citation: `${SIL}第八十八条`,
        article: 88,
        refund: "always",
        fine: fine(socialInsuranceFraudFine, `${SIL}第八十八条`)
      }
    case "SIL-89":
      return { ...base, key, citation: `${SIL}第八十九条`, article: 89, discipline: true }
    case "SIL-91":
      return {
        ...base,
        key,
        citation: `${SIL}第九十一条`,
        article: 91,
        refund: "recover",
        confiscation: "gains",
        discipline: true
      }
    case "SIL-92":
      return { ...base, key, citation: `${SIL}第九十二条`, article: 92, discipline: true }
  }
}

/**
 * The provision of the 条例 for a behaviour, and the one that governed it before 2021-05-01 (null where the
 * national law then had no administrative sanction for it: ordinary 违规 acts were handled under the service
 * agreement; a province's own regulation of the time may have had one, which the engine cannot know).
 *
 * @category statute
 */
export const provisionsFor = (
  assessedUnder: { readonly article: number; readonly paragraph: number | null },
  subjectKind: string
): { readonly current: LiabilityKey; readonly before: LiabilityKey | null } => {
  switch (assessedUnder.article) {
    case 36:
      return { current: "R735-36", before: "SIL-89" }
    case 37:
      return { current: "R735-37", before: "SIL-87-agency" }
    case 38:
      return { current: "R735-38", before: null }
    case 39:
      return { current: "R735-39", before: null }
    case 40:
      return { current: "R735-40", before: subjectKind === "agency" ? "SIL-87-agency" : "SIL-87-institution" }
    case 41:
      return assessedUnder.paragraph === 2
        ? { current: "R735-41-2", before: "SIL-88" }
        : { current: "R735-41-1", before: null }
    case 42:
      return { current: "R735-42", before: null }
    case 44:
      return { current: "R735-44", before: "SIL-91" }
    default:
      return { current: "R735-46", before: "SIL-92" }
  }
}
