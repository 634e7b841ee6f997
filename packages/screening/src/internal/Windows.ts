/**
 * Anchored, non-overlapping windows (`screening-rules.md`, "Windows"): take the events in time
 * order; a window starts at an event at time t and covers [t, t + length); if it meets the rule,
 * emit it and continue with the first event at or after t + length; otherwise continue with the
 * next event.
 *
 * Scanning event by event is not needed: an event that does not start a qualifying window only
 * moves the scan to the next event, so the windows emitted are exactly the chain "first qualifying
 * start; then the first qualifying start at or after the previous start + length". Whether a start
 * qualifies depends only on the events in its window, which a windowed aggregate (`RANGE BETWEEN
 * CURRENT ROW AND length − 1 FOLLOWING` over an integer time) computes for every event in one
 * pass. The chain is then a recursive CTE over the (few) qualifying starts.
 *
 * @internal
 */

/**
 * A recursive CTE named `name` with the chosen window starts: columns `keys…` and `t`, one row per
 * emitted window. `qualifying` names a relation with the columns `keys…` and `t` (the start time of
 * each event whose window meets the rule; integer or DATE, in the unit of `length`). The enclosing
 * query must begin `WITH RECURSIVE`. Key columns must not be NULL (coalesce them first).
 */
export const chainCte = (name: string, qualifying: string, keys: ReadonlyArray<string>, length: number): string => {
  const cols = keys.join(", ")
  const on = keys.map((k) => `q.${k} = c.${k}`).join(" AND ")
  return `${name}(${cols}, t) AS (
    SELECT ${cols}, min(t) FROM ${qualifying} GROUP BY ${cols}
    UNION ALL
    SELECT ${keys.map((k) => `q.${k}`).join(", ")}, min(q.t)
    FROM ${name} c JOIN ${qualifying} q ON ${on} AND q.t >= c.t + ${length}
    GROUP BY ${keys.map((k) => `q.${k}`).join(", ")}
  )`
}
