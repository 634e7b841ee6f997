/**
 * Change stamps: the newest `updatedAt` of a table, read from its index, tells whether rows changed since
 * something was computed from them (a filter's totals, the leads known to carry their first deadline).
 *
 * A stamp alone can miss a change: a transaction that writes its rows at instant u but commits after another
 * that wrote at a later instant leaves the stamp where the later one put it. Such a transaction was under way
 * at instant u and commits within `changeStampSettlesAfterMs` of its last write. So what was computed from a
 * stamp S at an instant C is exact once C ≥ S + `changeStampSettlesAfterMs`: every transaction that wrote at
 * or before S had ended before C; any later one moves the stamp past S. Before that it is computed once more
 * after S + `changeStampSettlesAfterMs`, and then trusted until the stamp moves.
 */

/**
 * The longest between a transaction's last write of a stamped row and its commit, with a margin for clocks (the
 * stamp is written by the clock of whichever process wrote the row). Interactive transactions that write leads
 * end within Prisma's 5 s, and the long ones (`finishRun`, allowed 10 minutes; `mergePartitionedRun`, allowed 4 hours)
 * write a lead just before they commit — the merge stamps one again at the end, since its statement stamps every
 * lead with the instant it began.
 */
export const changeStampSettlesAfterMs = 30_000

/** Whether what was computed at `computedAt` on stamp `stamp` (both ms) is exact for that stamp. */
export const settledOnStamp = (stamp: number, computedAt: number): boolean =>
  computedAt >= stamp + changeStampSettlesAfterMs

/** Whether something computed at `computedAt` on `stamp`, not settled, should be computed again `now`. */
export const dueForSettling = (stamp: number, computedAt: number, now: number): boolean =>
  !settledOnStamp(stamp, computedAt) && settledOnStamp(stamp, now)
