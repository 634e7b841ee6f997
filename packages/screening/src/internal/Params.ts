/**
 * Building blocks for rule parameter schemas: every field optional with its default (see
 * `RuleSpec.parameters`), with messages that say what a value must be.
 *
 * @internal
 */
import type * as ParseResult from "effect/ParseResult"
import * as Schema from "effect/Schema"

/** A message that states the requirement and the value given (`must be … , got "x"`). */
const must =
  (requirement: string) =>
  (issue: ParseResult.ParseIssue): { readonly message: string; readonly override: true } => ({
    message: `must be ${requirement}, got ${JSON.stringify(issue.actual) ?? String(issue.actual)}`,
    override: true
  })

/** A parameter with a default; `exact` so that an explicit `null` is an error, not the default. */
export const withDefault = <A, I>(schema: Schema.Schema<A, I>, value: NoInfer<A>) =>
  Schema.optionalWith(schema, { default: () => value, exact: true })

/** A whole number ≥ 1 (counts, days). */
export const PositiveInt = Schema.Int.pipe(
  Schema.greaterThanOrEqualTo(1),
  Schema.annotations({ message: must("a whole number ≥ 1") })
)

/** A whole number ≥ 0 (gaps in days). */
export const NonNegativeInt = Schema.Int.pipe(
  Schema.greaterThanOrEqualTo(0),
  Schema.annotations({ message: must("a whole number ≥ 0") })
)

/** A finite number ≥ 0 (tolerances, amounts, shares above 1). */
export const NonNegative = Schema.Number.pipe(
  Schema.finite(),
  Schema.nonNegative(),
  Schema.annotations({ message: must("a number ≥ 0") })
)

/** A finite number > 0. */
export const Positive = Schema.Number.pipe(
  Schema.finite(),
  Schema.positive(),
  Schema.annotations({ message: must("a number > 0") })
)

/** A share between 0 and 1 inclusive. */
export const Share = Schema.Number.pipe(
  Schema.finite(),
  Schema.between(0, 1),
  Schema.annotations({ message: must("a number from 0 to 1") })
)

/** A finite number (z-scores may in principle be any real). */
export const Finite = Schema.Number.pipe(Schema.finite(), Schema.annotations({ message: must("a finite number") }))

const clockPattern = /^([01]\d|2[0-3]):[0-5]\d$/

/**
 * A clock time: `"HH:mm"` (24-hour) or a whole hour 0–23. Decodes to minutes after midnight;
 * encodes back to `"HH:mm"`.
 */
export const ClockTime = Schema.transform(
  Schema.Union(Schema.String.pipe(Schema.pattern(clockPattern)), Schema.Int.pipe(Schema.between(0, 23))).annotations({
    message: must('a clock time "HH:mm" or a whole hour 0–23')
  }),
  Schema.Int.pipe(Schema.between(0, 1439)),
  {
    strict: true,
    decode: (v) => (typeof v === "number" ? v * 60 : Number(v.slice(0, 2)) * 60 + Number(v.slice(3, 5))),
    encode: (m) => `${String(Math.floor(m / 60)).padStart(2, "0")}:${String(m % 60).padStart(2, "0")}`
  }
)

/** Minutes after midnight as `HH:mm`. */
export const clockLabel = (minutes: number): string =>
  `${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`
