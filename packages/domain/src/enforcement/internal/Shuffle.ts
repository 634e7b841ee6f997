/**
 * The partial Fisher–Yates shuffle of the published draw and sample algorithms (`docs/domain/draws.md`,
 * step 4): for i = 0 … count − 1, swap position i with i + (a number below the number left).
 */

/** The first `count` of a partial Fisher–Yates shuffle of `items`, with numbers from `below`. */
export const shuffledPrefix = <A>(items: ReadonlyArray<A>, count: number, below: (n: number) => number): Array<A> => {
  const pool = [...items]
  for (let i = 0; i < count; i++) {
    const j = i + below(pool.length - i)
    ;[pool[i], pool[j]] = [pool[j]!, pool[i]!]
  }
  return pool.slice(0, count)
}
