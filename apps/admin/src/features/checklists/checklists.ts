/**
 * The checklist editor's logic: the versions in force per code, and items edited as lines
 * (`编码|检查内容|违规代码;违规代码|依据`).
 */

/** One checklist as listed. */
export interface ListedChecklist {
  readonly code: string
  readonly version: number
  readonly title: string
  readonly orgKinds: ReadonlyArray<string>
  readonly effectiveFrom: string
  readonly bureau: boolean
  readonly items: ReadonlyArray<{ code: string; text: string; violations: ReadonlyArray<string>; source: string }>
}

/** The latest version of each code (what an edit starts from), in code order. */
export const latestVersions = (all: ReadonlyArray<ListedChecklist>): ReadonlyArray<ListedChecklist> =>
  [...new Set(all.map((c) => c.code))]
    .sort()
    .map((code) => all.filter((c) => c.code === code).sort((a, b) => b.version - a.version)[0]!)

/** Items as editable lines. */
export const itemsToLines = (items: ListedChecklist["items"]): string =>
  items.map((i) => [i.code, i.text, i.violations.join(";"), i.source].join("|")).join("\n")

/** Lines back to items; a line with fewer parts keeps empty ones (the server names what is missing). */
export const linesToItems = (text: string) =>
  text
    .split("\n")
    .map((l) => l.trim())
    .filter((l) => l !== "")
    .map((l) => {
      const [code = "", itemText = "", violations = "", source = ""] = l.split("|").map((p) => p.trim())
      return {
        code,
        text: itemText,
        violations: violations === "" ? [] : violations.split(";").map((v) => v.trim()),
        source
      }
    })
