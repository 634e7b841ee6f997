/**
 * Problems with input, as every door reports them: a JSON path (`$.violations[0].amount`) and a
 * Chinese message a person can act on. Schema's own messages are English and technical ("Expected a
 * string at most 100 character(s) long, actual …"); they are said again in Chinese here, once for
 * the library, the CLI and the API alike.
 *
 * @since 0.3.0
 */
import * as ParseResult from "effect/ParseResult"

/**
 * One problem with the input, located by its JSON path (`$.violations[0].amount`).
 *
 * @category models
 */
export interface InputProblem {
  readonly path: string
  readonly message: string
}

/**
 * Formats a property path the way JSONPath writes it.
 *
 * @category formatting
 */
export const jsonPath = (path: ReadonlyArray<PropertyKey>): string =>
  path.reduce<string>(
    (acc, key) =>
      typeof key === "number"
        ? `${acc}[${key}]`
        : /^[A-Za-z_$][\w$]*$/.test(String(key))
          ? `${acc}.${String(key)}`
          : `${acc}[${JSON.stringify(String(key))}]`,
    "$"
  )

/**
 * Turns a Schema parse error into the list of problems with their paths.
 *
 * @category errors
 */
export const problemsOf = (error: ParseResult.ParseError): ReadonlyArray<InputProblem> => {
  const issues = ParseResult.ArrayFormatter.formatErrorSync(error)
  // An optional field decodes as `T | undefined`; when T fails deeper down, the union also reports
  // "Expected undefined" at the field itself. Keep the most specific problem of each branch. (Sets and maps,
  // not pairwise comparisons: a body of 10,000 bad items must not cost seconds to answer.)
  const keyOf = (path: ReadonlyArray<PropertyKey>) => JSON.stringify(path.map(String))
  const prefixes = new Set<string>()
  for (const issue of issues) for (let n = 0; n < issue.path.length; n++) prefixes.add(keyOf(issue.path.slice(0, n)))
  const all = issues
    .filter((issue) => !prefixes.has(keyOf(issue.path)))
    .map((issue) => ({
      path: jsonPath(issue.path),
      message:
        issue._tag === "Unexpected"
          ? "不允许此字段（接口约定中没有此项）"
          : issue._tag === "Missing"
            ? "缺少此项（必填）"
            : issue.message
    }))
  const perPath = new Map<string, number>()
  for (const p of all) perPath.set(p.path, (perPath.get(p.path) ?? 0) + 1)
  const problems = all.filter((p) => !(p.message.startsWith("Expected undefined,") && perPath.get(p.path)! > 1))
  // A union of literals reports one "Expected "x", actual y" per member: say it once, listing the members.
  const literal = /^Expected (.+), actual (.+)$/s
  const out: Array<InputProblem> = []
  const at = new Map<string, number>()
  for (const p of problems) {
    const index = at.get(p.path)
    const previous = index === undefined ? undefined : out[index]
    const a = literal.exec(p.message)
    const b = previous === undefined ? null : literal.exec(previous.message)
    if (index !== undefined && a !== null && b !== null && a[2] === b[2]) {
      out[index] = { path: p.path, message: `Expected ${b[1]} | ${a[1]}, actual ${a[2]}` }
    } else {
      if (index === undefined) at.set(p.path, out.length)
      out.push(p)
    }
  }
  return out.map((p) => ({ path: p.path, message: inChinese(p.message) }))
}

const described: ReadonlyArray<readonly [RegExp, (...groups: Array<string>) => string]> = [
  [/^string$/, () => "文本"],
  [/^number$/, () => "数字"],
  [/^boolean$/, () => "true 或 false"],
  [/^undefined$/, () => "不填"],
  [/^null$/, () => "null"],
  [/^a string matching the pattern (.+)$/s, (p) => `符合格式 ${p} 的文本`],
  [/^a string at most (\d+) character\(s\) long$/, (n) => `不超过 ${n} 个字符的文本`],
  [/^a string at least (\d+) character\(s\) long$/, (n) => `至少 ${n} 个字符的文本`],
  [/^a non empty string$/, () => "非空文本"],
  [/^a string with no leading or trailing whitespace$/, () => "首尾没有空格的文本"],
  [/^a finite number$/, () => "有限的数字"],
  [/^an integer$/, () => "整数"],
  [/^a non-negative number$/, () => "不小于 0 的数"],
  [/^a positive number$/, () => "大于 0 的数"],
  [/^a number less than or equal to (.+)$/, (n) => `不大于 ${n} 的数`],
  [/^a number less than (.+)$/, (n) => `小于 ${n} 的数`],
  [/^a number greater than or equal to (.+)$/, (n) => `不小于 ${n} 的数`],
  [/^a number greater than (.+)$/, (n) => `大于 ${n} 的数`],
  [/^a number between (.+) and (.+)$/, (a, b) => `${a} 至 ${b} 之间的数`],
  [/^an array of at most (\d+) item\(s\)$/, (n) => `至多 ${n} 项的列表`],
  [/^an array of at least (\d+) item\(s\)$/, (n) => `至少 ${n} 项的列表`],
  [/^(ReadonlyArray<|readonly \[)/, () => "列表"],
  [/^\{/, () => "对象"],
  [/^(".*"|null)( \| (".*"|null))*$/s, (all) => `以下之一：${all}`]
]

const truncate = (text: string) => (text.length > 60 ? `${text.slice(0, 60)}…` : text)

/**
 * A problem message in Chinese: Schema's "Expected …, actual …" said again; messages the domain
 * wrote itself pass through unchanged.
 *
 * @category formatting
 */
export const inChinese = (message: string): string => {
  const mismatch = /^Expected (.+), actual (.+)$/s.exec(message)
  if (mismatch === null) return message
  const [, expected, actual] = mismatch as unknown as [string, string, string]
  for (const [pattern, say] of described) {
    const match = pattern.exec(expected)
    if (match !== null)
      return `应为${say(...(match.length > 1 ? match.slice(1) : [match[0]]))}，实际为 ${truncate(actual)}`
  }
  return `应为 ${expected}，实际为 ${truncate(actual)}`
}
