/**
 * `@fundguard/documents`: the enforcement documents (执法文书) as data. One builder per kind makes a
 * `DocumentModel` from plain data — 立案审批表, 现场检查笔录, 询问笔录, 行政处罚事先告知书, 听证通知书,
 * 行政处罚决定书, 送达回证, 整改通知书 — and the model is rendered to a printable HTML page
 * (`renderHtml`) or, offline with an embedded Chinese font, to an A4 PDF (`renderPdf`, Node only).
 * A browser bundle imports `@fundguard/documents/browser`, which is this without the PDF renderer.
 *
 * @since 0.1.0
 */
export * from "./browser.js"
export * from "./Pdf.js"
