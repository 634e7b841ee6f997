/**
 * Screening runs: when one recorded as running is dead, and when one may be done again.
 */
import { describe, expect, it } from "vitest"
import { rerunRefusal, runIsInterrupted } from "../src/screening/index.js"

const now = new Date("2026-12-06T08:00:00Z")
const ago = (seconds: number) => new Date(now.getTime() - seconds * 1000)
const here = (alive: ReadonlyArray<number>) => ({
  host: "fg-1",
  now,
  leaseMs: 90_000,
  processAlive: (pid: number) => alive.includes(pid)
})

describe("screening runs", () => {
  it("counts a run as interrupted when its process on this host is gone or its heartbeat is older than the lease", () => {
    const run = (owner: string | null, heartbeatSecondsAgo: number | null) => ({
      owner,
      heartbeatAt: heartbeatSecondsAgo === null ? null : ago(heartbeatSecondsAgo),
      startedAt: ago(600)
    })
    expect(runIsInterrupted(run("fg-1:4242", 5), here([4242]))).toBe(false)
    expect(runIsInterrupted(run("fg-1:4242", 5), here([]))).toBe(true)
    // Another host's process cannot be checked from here: only its heartbeat tells.
    expect(runIsInterrupted(run("fg-2:4242", 5), here([]))).toBe(false)
    expect(runIsInterrupted(run("fg-2:4242", 91), here([]))).toBe(true)
    // Never beat: the start counts as the last sign of life.
    expect(runIsInterrupted(run(null, null), here([]))).toBe(true)
  })

  it("refuses a rerun while the run or another run of its extract is active", () => {
    const source = { id: "r1", status: "failed", extract: "/x" } as const
    expect(rerunRefusal(source, null)).toBeNull()
    expect(rerunRefusal({ ...source, status: "running" }, null)?.reason).toBe("该批次仍在进行或排队中，不能重新筛查")
    expect(rerunRefusal(source, { id: "r2", status: "queued", extract: "/x" })?.reason).toBe(
      "同一数据包已有批次在进行或排队（r2）"
    )
  })
})
