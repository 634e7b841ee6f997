/**
 * The document model: a 执法文书 as a bureau, a title, a 文号 and blocks in order, independent of the
 * format it is printed in. Builders (`kinds/`) make it from plain data; `renderHtml` and `renderPdf`
 * print it.
 *
 * @since 0.1.0
 */

/**
 * The kinds of enforcement document the package builds.
 *
 * @category models
 */
export type DocumentKind =
  | "filing_approval"
  | "onsite_record"
  | "inquiry_record"
  | "penalty_notice"
  | "hearing_notice"
  | "penalty_decision"
  | "service_receipt"
  | "rectification_notice"
  | "transfer_letter"
  | "transfer_receipt"

/**
 * Each kind's Chinese name, as printed on the document.
 *
 * @category formatting
 */
export const documentKindLabel: Readonly<Record<DocumentKind, string>> = {
  filing_approval: "立案审批表",
  onsite_record: "现场检查笔录",
  inquiry_record: "询问笔录",
  penalty_notice: "行政处罚事先告知书",
  hearing_notice: "听证通知书",
  penalty_decision: "行政处罚决定书",
  service_receipt: "送达回证",
  rectification_notice: "整改通知书",
  transfer_letter: "案件移送书",
  transfer_receipt: "案件移送书（回执）"
}

/**
 * A heading inside the body (`一、违法事实`).
 *
 * @category models
 */
export interface HeadingBlock {
  readonly _tag: "heading"
  readonly text: string
}

/**
 * A paragraph of running text; `indent` starts its first line two characters in, as body text is set.
 *
 * @category models
 */
export interface ParagraphBlock {
  readonly _tag: "paragraph"
  readonly text: string
  readonly indent: boolean
}

/**
 * One row of a fields table. `value` may hold line breaks; `minLines` keeps room for handwriting when
 * the value is left blank to be filled in on paper.
 *
 * @category models
 */
export interface FieldRow {
  readonly label: string
  readonly value: string
  readonly minLines: number
}

/**
 * A bordered table of label/value rows (the party, the approval rows of a 审批表, a 送达回证).
 *
 * @category models
 */
export interface FieldsBlock {
  readonly _tag: "fields"
  readonly rows: ReadonlyArray<FieldRow>
}

/**
 * A list of items, numbered (`1.`) or not.
 *
 * @category models
 */
export interface ListBlock {
  readonly _tag: "list"
  readonly ordered: boolean
  readonly items: ReadonlyArray<string>
}

/**
 * The signature block at the foot of a document, right-aligned: the signing lines (the bureau's name,
 * or `签名：＿＿` lines on a record), the date as printed, and whether a place for the seal (盖章处) is left.
 *
 * @category models
 */
export interface SignatureBlock {
  readonly _tag: "signature"
  readonly lines: ReadonlyArray<string>
  readonly date: string
  readonly seal: boolean
}

/**
 * Working notes for the officer (办案提示) that are not part of the document: shown on screen, never
 * printed (hidden by the HTML print stylesheet, left out of the PDF).
 *
 * @category models
 */
export interface NoteBlock {
  readonly _tag: "note"
  readonly title: string
  readonly items: ReadonlyArray<string>
}

/**
 * A block of a document.
 *
 * @category models
 */
export type Block = HeadingBlock | ParagraphBlock | FieldsBlock | ListBlock | SignatureBlock | NoteBlock

/**
 * A document, ready to be rendered.
 *
 * @category models
 */
export interface DocumentModel {
  readonly kind: DocumentKind
  /** The issuing bureau, printed above the title (`奉节县医疗保障局`). */
  readonly bureauName: string
  /** The document's title (`行政处罚决定书`). */
  readonly title: string
  /** The 文号 printed under the title (`奉医保罚〔2026〕3号`), or none. */
  readonly number: string | null
  readonly blocks: ReadonlyArray<Block>
}

/**
 * A heading block.
 *
 * @category constructors
 */
export const heading = (text: string): HeadingBlock => ({ _tag: "heading", text })

/**
 * A paragraph block, indented unless told otherwise.
 *
 * @category constructors
 */
export const paragraph = (text: string, indent = true): ParagraphBlock => ({ _tag: "paragraph", text, indent })

/**
 * A row of a fields table.
 *
 * @category constructors
 */
export const field = (label: string, value: string, minLines = 1): FieldRow => ({ label, value, minLines })

/**
 * A fields table.
 *
 * @category constructors
 */
export const fields = (rows: ReadonlyArray<FieldRow>): FieldsBlock => ({ _tag: "fields", rows })

/**
 * A list block, numbered unless told otherwise.
 *
 * @category constructors
 */
export const list = (items: ReadonlyArray<string>, ordered = true): ListBlock => ({ _tag: "list", ordered, items })

/**
 * A signature block.
 *
 * @category constructors
 */
export const signature = (lines: ReadonlyArray<string>, date: string, seal: boolean): SignatureBlock => ({
  _tag: "signature",
  lines,
  date,
  seal
})

/**
 * A note block (not printed).
 *
 * @category constructors
 */
export const note = (title: string, items: ReadonlyArray<string>): NoteBlock => ({ _tag: "note", title, items })

/**
 * The text a document prints, block by block in order, notes left out: what a reader of the paper sees
 * (bureau, title, 文号, then every block). Useful to compare renderings and in tests.
 *
 * @category formatting
 */
export const printedText = (model: DocumentModel): ReadonlyArray<string> => [
  model.bureauName,
  model.title,
  ...(model.number === null ? [] : [model.number]),
  ...model.blocks.flatMap((block): ReadonlyArray<string> => {
    switch (block._tag) {
      case "heading":
      case "paragraph":
        return [block.text]
      case "fields":
        return block.rows.flatMap((row) => [row.label, row.value])
      case "list":
        return block.items
      case "signature":
        return [...block.lines, block.date]
      case "note":
        return []
    }
  })
]
