/**
 * A document as one self-contained HTML page: inline CSS, an A4 print stylesheet, the 仿宋/宋体 font
 * stacks bureaus print with, and the notes shown on screen but hidden in print. Every text value is
 * escaped.
 *
 * @since 0.1.0
 */
import type { Block, DocumentModel, FieldRow } from "./Model.js"

const entities: Readonly<Record<string, string>> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;"
}

/**
 * Escapes text for HTML content and (quoted) attribute values: `& < > " '`.
 *
 * @example
 * import { escapeHtml } from "@fundguard/documents"
 *
 * escapeHtml('<script>alert("x")</script>') // "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;"
 *
 * @category formatting
 */
export const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (c) => entities[c]!)

/** Escaped text with its line breaks kept. */
const lines = (text: string): string => text.split("\n").map(escapeHtml).join("<br>")

/**
 * The stylesheet of every rendered document. Screen: a sheet on a grey desk. Print: A4, the margins of
 * 《党政机关公文格式》(GB/T 9704, 37/35/28/26 mm), no shadow, notes hidden.
 *
 * @category formatting
 */
export const documentCss = `
:root { color-scheme: light; }
* { box-sizing: border-box; }
body { margin: 0; background: #e8e8e8; color: #111; }
.document {
  width: 210mm; min-height: 297mm; margin: 16px auto; padding: 25mm 26mm 25mm 28mm; background: #fff;
  box-shadow: 0 1px 6px rgba(0, 0, 0, 0.25);
  font-family: "FangSong", "STFangsong", "仿宋", "仿宋_GB2312", "SimSun", "宋体", "Songti SC", serif;
  font-size: 14pt; line-height: 1.75;
}
.document header { text-align: center; margin-bottom: 1em; }
.document .bureau, .document h1 {
  font-family: "FZXiaoBiaoSong-B05S", "方正小标宋简体", "SimSun", "宋体", "Songti SC", serif;
  font-weight: normal; margin: 0;
}
.document .bureau { font-size: 18pt; letter-spacing: 0.1em; }
.document h1 { font-size: 22pt; letter-spacing: 0.15em; }
.document .number { margin: 0.4em 0 0; font-size: 14pt; }
.document h2 { font-family: "SimHei", "黑体", "Heiti SC", sans-serif; font-size: 14pt; font-weight: normal; margin: 0.6em 0 0.2em; }
.document p { margin: 0 0 0.2em; }
.document p.indent { text-indent: 2em; }
.document table.fields { width: 100%; border-collapse: collapse; margin: 0.4em 0; font-size: 12pt; }
.document table.fields th, .document table.fields td { border: 1px solid #000; padding: 4px 8px; vertical-align: top; }
.document table.fields th { width: 28%; font-weight: normal; text-align: center; vertical-align: middle; }
.document ol, .document ul { margin: 0 0 0.2em; padding-left: 2.5em; }
.document .signature { margin-top: 2em; text-align: right; }
.document .signature p { margin: 0; }
.document .seal { color: #999; }
.document .note {
  margin-top: 2em; padding: 0.6em 1em; border: 1px dashed #888; color: #555;
  font-family: sans-serif; font-size: 11pt; line-height: 1.6;
}
.document .note h2 { font-family: inherit; font-size: 12pt; margin: 0 0 0.3em; }
@page { size: A4; margin: 25mm 26mm 25mm 28mm; }
@media print {
  body { background: none; }
  .document { margin: 0; padding: 0; box-shadow: none; width: auto; min-height: 0; }
  .document .note { display: none; }
  .document table.fields tr, .document .signature { break-inside: avoid; }
  .document .seal { color: transparent; }
}
`

const row = (r: FieldRow): string =>
  `<tr><th scope="row">${lines(r.label)}</th><td${r.minLines > 1 ? ` style="height: ${(r.minLines * 1.75).toFixed(2)}em"` : ""}>${lines(r.value)}</td></tr>`

const block = (b: Block): string => {
  switch (b._tag) {
    case "heading":
      return `<h2>${escapeHtml(b.text)}</h2>`
    case "paragraph":
      return `<p${b.indent ? ` class="indent"` : ""}>${lines(b.text)}</p>`
    case "fields":
      return `<table class="fields"><tbody>${b.rows.map(row).join("")}</tbody></table>`
    case "list": {
      const tag = b.ordered ? "ol" : "ul"
      return `<${tag}>${b.items.map((i) => `<li>${lines(i)}</li>`).join("")}</${tag}>`
    }
    case "signature":
      return `<div class="signature">${b.lines.map((l) => `<p>${escapeHtml(l)}</p>`).join("")}<p>${escapeHtml(b.date)}</p>${b.seal ? `<p class="seal">（盖章）</p>` : ""}</div>`
    case "note":
      return `<aside class="note"><h2>${escapeHtml(b.title)}</h2><ol>${b.items.map((i) => `<li>${lines(i)}</li>`).join("")}</ol></aside>`
  }
}

/**
 * The document as a complete HTML page (`lang="zh-CN"`, UTF-8, inline CSS): the bureau and the title
 * centred, the 文号 under them, then the blocks in order. Open it and print, or hand it to a browser.
 *
 * @category rendering
 */
export const renderHtml = (model: DocumentModel): string =>
  [
    "<!doctype html>",
    `<html lang="zh-CN">`,
    "<head>",
    `<meta charset="utf-8">`,
    `<meta name="viewport" content="width=device-width, initial-scale=1">`,
    `<title>${escapeHtml(`${model.bureauName}${model.title}`)}</title>`,
    `<style>${documentCss}</style>`,
    "</head>",
    "<body>",
    `<article class="document" data-kind="${escapeHtml(model.kind)}">`,
    "<header>",
    `<p class="bureau">${escapeHtml(model.bureauName)}</p>`,
    `<h1>${escapeHtml(model.title)}</h1>`,
    ...(model.number === null ? [] : [`<p class="number">${escapeHtml(model.number)}</p>`]),
    "</header>",
    ...model.blocks.map(block),
    "</article>",
    "</body>",
    "</html>",
    ""
  ].join("\n")
