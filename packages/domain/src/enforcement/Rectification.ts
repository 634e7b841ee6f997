/**
 * 整改: every finding gets an order with a deadline; the institution reports; the bureau re-checks;
 * an order past its deadline without a report is escalated. Problems found at several institutions
 * of a kind are listed for a county-wide notice that asks every institution of that kind to check
 * itself (通报、举一反三 — seed 000 四（三）; seed 003: 对带有普遍性、区域性的违规问题，要举一反三).
 *
 * @since 0.4.0
 */
import type { OrgKind } from "../kernel/Institution.js"
import type { IsoDate } from "../kernel/IsoDate.js"
import type { ViolationCode } from "../penalty/Violation.js"
import * as Order from "effect/Order"

/**
 * A rectification order and what has happened to it.
 *
 * @category models
 */
export interface RectificationOrder {
  readonly institution: string
  readonly violations: ReadonlyArray<ViolationCode>
  readonly issuedOn: IsoDate
  readonly dueOn: IsoDate
  readonly reportedOn: IsoDate | null
  readonly recheckedOn: IsoDate | null
  /** The re-check's result; null until re-checked. */
  readonly recheckPassed: boolean | null
}

/**
 * Where an order stands: open; overdue (no report by the deadline — escalate); reported and waiting
 * for the re-check; closed (the re-check found it put right); or failed (the re-check found it not
 * put right — a new order or a case).
 *
 * @category models
 */
export type RectificationState = "open" | "overdue" | "awaiting_recheck" | "closed" | "failed"

/**
 * The state of an order on `today`.
 *
 * @category rules
 */
export const rectificationState = (order: RectificationOrder, today: IsoDate): RectificationState => {
  if (order.recheckPassed === true) return "closed"
  if (order.recheckPassed === false) return "failed"
  if (order.reportedOn !== null) return "awaiting_recheck"
  return today > order.dueOn ? "overdue" : "open"
}

/**
 * A problem common to several institutions of one kind: the county-wide notice lists it and asks
 * every institution of that kind to check itself for it.
 *
 * @category models
 */
export interface CommonProblem {
  readonly violation: ViolationCode
  readonly orgKind: OrgKind
  readonly institutions: ReadonlyArray<string>
}

/**
 * The problems found at `minInstitutions` or more institutions of the same kind, most widespread
 * first (then by violation code), each with its institutions in code order.
 *
 * @category rules
 */
export const commonProblems = (
  findings: ReadonlyArray<{
    readonly institution: string
    readonly orgKind: OrgKind
    readonly violation: ViolationCode
  }>,
  minInstitutions = 2
): ReadonlyArray<CommonProblem> => {
  const groups = new Map<string, { violation: ViolationCode; orgKind: OrgKind; institutions: Set<string> }>()
  for (const f of findings) {
    const key = `${f.orgKind}|${f.violation}`
    const group = groups.get(key) ?? { violation: f.violation, orgKind: f.orgKind, institutions: new Set<string>() }
    group.institutions.add(f.institution)
    groups.set(key, group)
  }
  return [...groups.values()]
    .filter((g) => g.institutions.size >= minInstitutions)
    .map((g) => ({ violation: g.violation, orgKind: g.orgKind, institutions: [...g.institutions].sort(Order.string) }))
    .sort(
      (a, b) =>
        b.institutions.length - a.institutions.length ||
        Order.string(a.violation, b.violation) ||
        Order.string(a.orgKind, b.orgKind)
    )
}
