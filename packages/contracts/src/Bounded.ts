/**
 * Bounded building blocks for request and response shapes. Every string and array a client may send
 * has a length limit and every number is finite, bounded and, where it counts things, whole — so no
 * request can carry a 100,000-character name, a 10,000-item list or 1e308 yuan into the system.
 * Messages are in Chinese: they reach the person who filled in the form.
 *
 * @since 0.1.0
 */
import * as Schema from "effect/Schema"

/**
 * A string of at most `max` characters (and at least `min`, default 0), trimmed of nothing: what
 * was sent is what is stored.
 *
 * @category constructors
 */
export const Text = (max: number, options: { readonly min?: number; readonly description?: string } = {}) =>
  Schema.String.pipe(
    Schema.filter(
      (s) => {
        const length = Array.from(s).length
        if (length > max) return `长度不得超过 ${max} 个字符（现为 ${length} 个）`
        if (options.min !== undefined && length < options.min)
          return options.min === 1 ? "不得为空" : `长度不得少于 ${options.min} 个字符`
        return true
      },
      {
        jsonSchema: { maxLength: max, ...(options.min === undefined ? {} : { minLength: options.min }) },
        ...(options.description === undefined ? {} : { description: options.description })
      }
    )
  )

/** A required short text: a name or title (1–100 characters). @category models */
export const Name = Text(100, { min: 1 })
/** A reason, opinion or remark (at most 2,000 characters). @category models */
export const Remark = Text(2000)
/** A record or statement (at most 5,000 characters). @category models */
export const LongText = Text(5000)

/**
 * An identifier: 1–64 letters, digits, `_`, `-` or `.` (uuids, unit ids, institution codes).
 *
 * @category models
 */
export const Id = Schema.String.pipe(
  Schema.filter((s) => /^[A-Za-z0-9_.-]{1,64}$/.test(s) || "须为 1–64 位字母、数字、_、- 或 .", {
    jsonSchema: { pattern: "^[A-Za-z0-9_.-]{1,64}$" }
  })
)

/**
 * A whole number within `min`…`max`.
 *
 * @category constructors
 */
export const Int = (min: number, max: number) =>
  Schema.Number.pipe(
    Schema.filter((n) => (Number.isSafeInteger(n) && n >= min && n <= max) || `须为 ${min} 至 ${max} 之间的整数`, {
      jsonSchema: { type: "integer", minimum: min, maximum: max }
    })
  )

/**
 * A finite number within `min`…`max`.
 *
 * @category constructors
 */
export const Bounded = (min: number, max: number) =>
  Schema.Number.pipe(
    Schema.filter((n) => (Number.isFinite(n) && n >= min && n <= max) || `须为 ${min} 至 ${max} 之间的数`, {
      jsonSchema: { minimum: min, maximum: max }
    })
  )

/** A revision counter sent back for optimistic concurrency. @category models */
export const Revision = Int(0, 1_000_000_000)

/**
 * A list of at most `max` items.
 *
 * @category constructors
 */
export const List = <A, I, R>(item: Schema.Schema<A, I, R>, max: number, options: { readonly min?: number } = {}) =>
  Schema.Array(item).pipe(
    Schema.filter(
      (items) => {
        if (items.length > max) return `最多 ${max} 项（现为 ${items.length} 项）`
        if (options.min !== undefined && items.length < options.min) return `至少 ${options.min} 项`
        return true
      },
      { jsonSchema: { maxItems: max, ...(options.min === undefined ? {} : { minItems: options.min }) } }
    )
  )

/** A calendar date `yyyy-MM-dd` as sent in a query or body (checked to exist). @category models */
export const DateText = Schema.String.pipe(
  Schema.filter(
    (s) => {
      if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return "须为 yyyy-MM-dd 格式的日期"
      const d = new Date(`${s}T00:00:00Z`)
      return (!Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s) || `${s} 不是有效日期`
    },
    { jsonSchema: { format: "date", pattern: "^\\d{4}-\\d{2}-\\d{2}$" } }
  )
)

/** An instant as ISO 8601 text (responses). @category models */
export const Instant = Schema.String.annotations({ description: "ISO 8601 date-time", format: "date-time" })

/** A whole number sent as query text (`?page=2`). @category constructors */
export const IntFromQuery = (min: number, max: number) =>
  Schema.compose(
    Schema.String.pipe(
      Schema.filter((s) => /^-?\d{1,15}$/.test(s) || "须为整数", { jsonSchema: { pattern: "^-?\\d{1,15}$" } })
    ),
    Schema.compose(Schema.NumberFromString, Int(min, max))
  )

/** `true` / `false` sent as query text. @category models */
export const BooleanFromQuery = Schema.transform(Schema.Literal("true", "false", "1", "0"), Schema.Boolean, {
  strict: true,
  decode: (s) => s === "true" || s === "1",
  encode: (b) => (b ? "true" : "false")
})

/**
 * An optional field that is either absent or a value (never `undefined`), as JSON has it.
 *
 * @category constructors
 */
export const optional = <S extends Schema.Schema.All>(schema: S) => Schema.optionalWith(schema, { exact: true })

/** Paging of a list: page from 1, at most 500 items a page. @category models */
export const Paging = Schema.Struct({
  page: optional(IntFromQuery(1, 1_000_000)),
  pageSize: optional(IntFromQuery(1, 500))
})
