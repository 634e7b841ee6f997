/**
 * A document as an A4 PDF, made offline with PDFKit and the Noto Sans S Chinese font that the
 * `@embedpdf/fonts-sc` package ships (SIL Open Font License 1.1). Only the glyphs the document uses are
 * embedded (a subset), so a one-page document weighs about 100–130 KB. Long content flows onto further
 * pages: paragraphs and lists wrap across pages, a table row too tall for the rest of a page continues on
 * the next (`（续）`), a heading is never left alone at the foot of a page and the signature block is kept
 * whole. Notes (办案提示) are not printed. Every page carries `第 n 页 共 m 页`.
 *
 * Node only (it reads the font files from disk): a browser bundle imports `@fundguard/documents/browser`.
 *
 * @since 0.1.0
 */
import PDFDocument from "pdfkit"
import { readFile } from "node:fs/promises"
import { createRequire } from "node:module"
import { dirname, join } from "node:path"
import { documentKindLabel, type Block, type DocumentModel, type FieldRow } from "./Model.js"

/**
 * The font the PDF embeds: where it comes from and under which licence.
 *
 * @category rendering
 */
export const documentFont = {
  package: "@embedpdf/fonts-sc",
  version: "1.0.0",
  family: "Noto Sans S Chinese (NotoSansHans), Version 1.000",
  licence: "SIL Open Font License 1.1",
  regular: "NotoSansHans-Regular.otf",
  bold: "NotoSansHans-Bold.otf"
} as const

/**
 * Options of `renderPdf`.
 *
 * @category rendering
 */
export interface PdfOptions {
  /**
   * The creation date written into the PDF (default: now). With a given date the output is the same
   * bytes for the same model.
   */
  readonly creationDate?: Date
}

interface FontFiles {
  readonly regular: Uint8Array
  readonly bold: Uint8Array
}

let fontFiles: Promise<FontFiles> | undefined

/** The two font files, read once from the installed package (no download, ever). */
const loadFonts = (): Promise<FontFiles> => {
  if (fontFiles === undefined) {
    // The package's exports map only names its JS entry; its fonts/ folder sits beside dist/.
    const dir = join(dirname(createRequire(import.meta.url).resolve(documentFont.package)), "..", "fonts")
    fontFiles = Promise.all([readFile(join(dir, documentFont.regular)), readFile(join(dir, documentFont.bold))]).then(
      ([regular, bold]) => ({ regular, bold })
    )
    fontFiles.catch(() => {
      fontFiles = undefined
    })
  }
  return fontFiles
}

const mm = (n: number) => (n * 72) / 25.4
/** A4 with room to bind on the left, the same margins as the HTML print stylesheet. */
const margins = { top: mm(25), bottom: mm(25), left: mm(28), right: mm(26) }
/** Points: 小二 title, 小四 body, 五号 table text. */
const size = { bureau: 16, title: 18, number: 12, body: 12, heading: 12, field: 10.5, signature: 12, footer: 9 }
const lineGap = 5
const cellPadding = 4
const labelShare = 0.28

type Doc = InstanceType<typeof PDFDocument>

const regular = (doc: Doc, points: number) => doc.font("regular").fontSize(points)
const bold = (doc: Doc, points: number) => doc.font("bold").fontSize(points)

const contentWidth = (doc: Doc) => doc.page.width - margins.left - margins.right
const bottom = (doc: Doc) => doc.page.height - margins.bottom
/** Room left on the page below the cursor. */
const room = (doc: Doc) => bottom(doc) - doc.y

const newPage = (doc: Doc) => {
  doc.addPage()
  doc.x = margins.left
  doc.y = margins.top
}

/** Starts a new page unless `height` fits below the cursor. */
const keep = (doc: Doc, height: number) => {
  if (height > room(doc)) newPage(doc)
}

const lineHeight = (doc: Doc) => doc.currentLineHeight(true) + lineGap

/** Blank lines a value starts with (room left above a signature line): PDFKit itself would drop them. */
const leadingBreaks = (text: string): number => /^\n*/.exec(text)![0].length

/** The height of a cell's text, its leading blank lines included. */
const measure = (doc: Doc, text: string, width: number): number => {
  const leading = leadingBreaks(text)
  const rest = text.slice(leading)
  return leading * lineHeight(doc) + (rest === "" ? 0 : doc.heightOfString(rest, { width, lineGap }))
}

/** The longest prefix of `text` (in code points) that fits in `width` × `height`. */
const fittingPrefix = (doc: Doc, text: string, width: number, height: number): string => {
  const chars = Array.from(text)
  let lo = 0
  let hi = chars.length
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2)
    if (measure(doc, chars.slice(0, mid).join(""), width) <= height) lo = mid
    else hi = mid - 1
  }
  return chars.slice(0, lo).join("")
}

const drawRow = (doc: Doc, label: string, value: string, height: number) => {
  const x = margins.left
  const y = doc.y
  const labelWidth = contentWidth(doc) * labelShare
  const valueWidth = contentWidth(doc) - labelWidth
  doc
    .lineWidth(0.75)
    .rect(x, y, labelWidth, height)
    .stroke()
    .rect(x + labelWidth, y, valueWidth, height)
    .stroke()
  const labelHeight = doc.heightOfString(label, { width: labelWidth - 2 * cellPadding, lineGap })
  doc.text(label, x + cellPadding, y + Math.max(cellPadding, (height - labelHeight) / 2), {
    width: labelWidth - 2 * cellPadding,
    align: "center",
    lineGap
  })
  const leading = leadingBreaks(value)
  if (value.length > leading)
    doc.text(value.slice(leading), x + labelWidth + cellPadding, y + cellPadding + leading * lineHeight(doc), {
      width: valueWidth - 2 * cellPadding,
      lineGap
    })
  doc.x = x
  doc.y = y + height
}

/** One table row; a row taller than the rest of the page is split, its remainder continued on the next. */
const drawField = (doc: Doc, row: FieldRow) => {
  regular(doc, size.field)
  const labelWidth = contentWidth(doc) * labelShare - 2 * cellPadding
  const valueWidth = contentWidth(doc) * (1 - labelShare) - 2 * cellPadding
  let label = row.label
  let value = row.value
  let minLines = row.minLines
  for (;;) {
    const labelHeight = doc.heightOfString(label, { width: labelWidth, lineGap })
    const valueHeight = Math.max(measure(doc, value, valueWidth), minLines * lineHeight(doc))
    const height = Math.max(labelHeight, valueHeight) + 2 * cellPadding
    // A point of slack: PDFKit wraps to a new page when a line would end a hair below the margin.
    const available = room(doc) - 1
    if (height <= available) return drawRow(doc, label, value, height)
    const atTop = doc.y <= margins.top + 1
    if (available >= 3 * lineHeight(doc) || atTop) {
      const head = fittingPrefix(doc, value, valueWidth, available - 2 * cellPadding)
      // Nothing fits even on a fresh page (only a blank row asking for more lines than a page has).
      if (head.length === 0 && atTop) return drawRow(doc, label, value, available)
      if (head.length > 0) {
        drawRow(doc, label, head, available)
        value = value.slice(head.length).replace(/^\n/, "")
        label = `${row.label}（续）`
        minLines = 1
        if (value === "") return
      }
    }
    newPage(doc)
  }
}

const drawBlock = (doc: Doc, block: Block) => {
  const width = contentWidth(doc)
  switch (block._tag) {
    case "heading": {
      bold(doc, size.heading)
      // Never a heading alone at the foot of a page: keep it with the line that follows.
      keep(doc, 2 * lineHeight(doc) + 6)
      doc.moveDown(0.3)
      doc.text(block.text, margins.left, doc.y, { width, lineGap })
      return
    }
    case "paragraph": {
      regular(doc, size.body)
      keep(doc, lineHeight(doc))
      doc.text(block.text, margins.left, doc.y, { width, lineGap, indent: block.indent ? 2 * size.body : 0 })
      return
    }
    case "list": {
      regular(doc, size.body)
      const labelWidth = block.ordered ? 2 * size.body : size.body
      block.items.forEach((item, i) => {
        keep(doc, lineHeight(doc))
        const y = doc.y
        doc.text(block.ordered ? `${i + 1}.` : "•", margins.left + size.body, y, {
          width: labelWidth,
          lineBreak: false
        })
        doc.text(item, margins.left + size.body + labelWidth, y, { width: width - size.body - labelWidth, lineGap })
      })
      doc.x = margins.left
      return
    }
    case "fields": {
      doc.moveDown(0.3)
      for (const row of block.rows) drawField(doc, row)
      doc.moveDown(0.3)
      return
    }
    case "signature": {
      regular(doc, size.signature)
      const rows = [...block.lines, block.date, ...(block.seal ? ["（盖章）"] : [])]
      const gap = 1.5 * lineHeight(doc)
      keep(doc, gap + rows.reduce((h, line) => h + doc.heightOfString(line, { width, lineGap }), 0))
      doc.y += gap
      for (const line of rows) doc.text(line, margins.left, doc.y, { width, align: "right", lineGap })
      return
    }
    case "note":
      return
  }
}

/** `第 n 页 共 m 页` at the foot of every page. */
const numberPages = (doc: Doc) => {
  const range = doc.bufferedPageRange()
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i)
    const saved = doc.page.margins.bottom
    doc.page.margins.bottom = 0
    regular(doc, size.footer).text(
      `第 ${i - range.start + 1} 页 共 ${range.count} 页`,
      0,
      doc.page.height - margins.bottom / 2,
      { width: doc.page.width, align: "center", lineBreak: false }
    )
    doc.page.margins.bottom = saved
  }
}

/**
 * Renders the document as an A4 PDF with the Chinese font embedded (subset). Notes are left out.
 *
 * @category rendering
 */
export const renderPdf = async (model: DocumentModel, options: PdfOptions = {}): Promise<Uint8Array> => {
  const fonts = await loadFonts()
  const doc = new PDFDocument({
    size: "A4",
    margins,
    bufferPages: true,
    lang: "zh-CN",
    displayTitle: true,
    info: {
      Title: model.number === null ? model.title : `${model.title}（${model.number}）`,
      Author: model.bureauName,
      Subject: documentKindLabel[model.kind],
      Creator: "FundGuard @fundguard/documents",
      CreationDate: options.creationDate ?? new Date()
    }
  })
  const chunks: Array<Uint8Array> = []
  doc.on("data", (chunk: Uint8Array) => chunks.push(chunk))
  const finished = new Promise<void>((resolve, reject) => {
    doc.on("end", () => resolve())
    doc.on("error", reject)
  })
  doc.registerFont("regular", fonts.regular)
  doc.registerFont("bold", fonts.bold)

  const width = contentWidth(doc)
  bold(doc, size.bureau).text(model.bureauName, margins.left, margins.top, {
    width,
    align: "center",
    characterSpacing: 2
  })
  doc.moveDown(0.2)
  bold(doc, size.title).text(model.title, { width, align: "center", characterSpacing: 4 })
  if (model.number !== null) {
    doc.moveDown(0.2)
    regular(doc, size.number).text(model.number, { width, align: "center" })
  }
  doc.moveDown(0.6)
  for (const block of model.blocks) drawBlock(doc, block)
  numberPages(doc)
  doc.end()
  await finished
  return Buffer.concat(chunks)
}
