/**
 * The people on a document: the party (当事人), officers with their 执法证号, and the rows and wording
 * several documents share.
 *
 * @since 0.1.0
 */
import { field, type FieldRow } from "./Model.js"
import { orBlank, wideSpace } from "./Text.js"

/**
 * The party of a case: an institution (name, 统一社会信用代码 or 定点编码, address, legal representative)
 * or a person (name, ID number masked as given, address).
 *
 * @category models
 */
export interface PartyData {
  readonly name: string
  /** 统一社会信用代码, 医保定点编码 or a person's ID number, printed as given. */
  readonly code?: string | null
  /** The label of `code` (default `统一社会信用代码`). */
  readonly codeLabel?: string
  readonly address?: string | null
  /** 法定代表人（负责人）, if any. */
  readonly legalRepresentative?: string | null
}

/**
 * An enforcement officer: name and 执法证号.
 *
 * @category models
 */
export interface OfficerData {
  readonly name: string
  readonly certificateNumber: string
}

/**
 * A list with at least one element.
 *
 * @category models
 */
export type AtLeastOne<A> = readonly [A, ...ReadonlyArray<A>]

/**
 * A list with at least two elements: 执法人员不得少于两人 (《中华人民共和国行政处罚法》第四十二条).
 *
 * @category models
 */
export type AtLeastTwo<A> = readonly [A, A, ...ReadonlyArray<A>]

/**
 * Checks a list read from untyped data has the length its type promises.
 *
 * @throws RangeError naming what is short.
 * @category constructors
 */
export const requireCount = <A>(items: ReadonlyArray<A>, min: number, what: string): ReadonlyArray<A> => {
  if (items.length < min) throw new RangeError(`${what}: at least ${min} required, ${items.length} given`)
  return items
}

/**
 * The party as table rows: name, code, address, legal representative (the last only when given).
 *
 * @category formatting
 */
export const partyRows = (party: PartyData, nameLabel = "当事人"): ReadonlyArray<FieldRow> => [
  field(nameLabel, party.name),
  field(party.codeLabel ?? "统一社会信用代码", orBlank(party.code)),
  field("住所（地址）", orBlank(party.address)),
  ...(party.legalRepresentative === undefined || party.legalRepresentative === null
    ? []
    : [field("法定代表人（负责人）", party.legalRepresentative)])
]

/**
 * Officers as one line: `张三（执法证号：50010001）、李四（执法证号：50010002）`.
 *
 * @category formatting
 */
export const officersText = (officers: ReadonlyArray<OfficerData>): string =>
  officers.map((o) => `${o.name}（执法证号：${o.certificateNumber}）`).join("、")

/**
 * The party addressed at the head of a notice: `奉节县某某医院：`.
 *
 * @category formatting
 */
export const addressee = (party: PartyData): string => `${party.name}：`

/**
 * Who the party may contact at the bureau.
 *
 * @category models
 */
export interface ContactData {
  readonly name: string
  readonly phone: string
  readonly address?: string | null
}

/**
 * The contact as one line: `联系人：王某  联系电话：023-56551234  联系地址：…` (two ideographic spaces apart).
 *
 * @category formatting
 */
export const contactText = (contact: ContactData): string =>
  `联系人：${contact.name}${wideSpace}联系电话：${contact.phone}${contact.address === undefined || contact.address === null ? "" : `${wideSpace}联系地址：${contact.address}`}`
