/**
 * Collects problems up to a cap, so a broken extract yields a useful list rather than the first
 * error or a million lines of the same one.
 *
 * @internal
 */
import type { ExtractProblem } from "../ExtractProblem.js"

/** A capped, append-only list of problems. */
export class ProblemSink {
  readonly problems: Array<ExtractProblem> = []
  truncated = false

  constructor(readonly cap: number) {}

  /** How many more problems fit. */
  get remaining(): number {
    return Math.max(0, this.cap - this.problems.length)
  }

  get isEmpty(): boolean {
    return this.problems.length === 0 && !this.truncated
  }

  /** Adds problems, marking the list truncated when they do not all fit. */
  add(problems: ReadonlyArray<ExtractProblem>): void {
    const room = this.remaining
    this.problems.push(...problems.slice(0, room))
    if (problems.length > room) this.truncated = true
  }
}
