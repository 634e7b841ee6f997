/**
 * Reads a PDF back with PDF.js, a parser independent of the one that wrote it: the number of pages and
 * the text of each as a reader's copy-and-paste would give it (PDF.js maps the embedded subset's glyph
 * ids back to Unicode through the font's ToUnicode table, so Chinese text only comes back when the font
 * is embedded and mapped right).
 */
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs"

export interface ReadPdf {
  readonly pages: number
  /** Each page's text, its pieces joined without separators. */
  readonly pageTexts: ReadonlyArray<string>
  /** All pages' text in order. */
  readonly text: string
}

export const readPdf = async (bytes: Uint8Array): Promise<ReadPdf> => {
  // PDF.js takes over (detaches) the buffer it is given: hand it a copy.
  const pdf = await getDocument({ data: new Uint8Array(bytes), isEvalSupported: false, useSystemFonts: false }).promise
  try {
    const pageTexts: Array<string> = []
    for (let n = 1; n <= pdf.numPages; n++) {
      const content = await (await pdf.getPage(n)).getTextContent()
      pageTexts.push(content.items.map((item) => ("str" in item ? item.str : "")).join(""))
    }
    return { pages: pdf.numPages, pageTexts, text: pageTexts.join("") }
  } finally {
    await pdf.destroy()
  }
}

/** The PDF's bytes as Latin-1 text, to find dictionary keys (`/FontFile3`), which PDFKit never compresses. */
export const rawPdf = (bytes: Uint8Array): string => Buffer.from(bytes).toString("latin1")

/** Text without the spaces and line breaks a layout adds, for comparing with the model's text. */
export const squeeze = (text: string): string => text.replace(/\s+/g, "")
