import { afterEach, describe, expect, it } from "vitest"
import { auditChainHead, recordAudit, sealAuditChain, systemActor, verifyAuditChain, type Db } from "../src/index.js"
import { createScratchDatabase, type ScratchDatabase } from "../src/testing.js"

/** Lifts the append-only triggers, as someone with direct database access could. */
const liftTriggers = async (db: Db, provider: "sqlite" | "postgresql") => {
  if (provider === "sqlite") {
    await db.$executeRawUnsafe(`DROP TRIGGER "AuditEvent_append_only_update"`)
    await db.$executeRawUnsafe(`DROP TRIGGER "AuditEvent_append_only_delete"`)
  } else {
    await db.$executeRawUnsafe(`ALTER TABLE "AuditEvent" DISABLE TRIGGER USER`)
  }
}

const writeFive = async (db: Db) => {
  for (let i = 1; i <= 5; i++) {
    await recordAudit(
      db,
      { id: null, name: `tester${i}`, ip: "10.0.0.1" },
      {
        action: "test.step",
        entityType: "thing",
        entityId: `T${i}`,
        details: { i, nested: { b: [1, 2.5, "三"], a: null }, when: new Date("2026-01-02T03:04:05Z") }
      }
    )
  }
}

describe.each(["sqlite", "postgresql"] as const)("audit hash chain on %s", (provider) => {
  let scratch: ScratchDatabase | undefined
  afterEach(async () => {
    await scratch?.dispose()
    scratch = undefined
  })
  const fresh = async () => {
    scratch = await createScratchDatabase(provider)
    await writeFive(scratch.db)
    return scratch.db
  }

  it("links every entry to the one before it and verifies", async () => {
    const db = await fresh()
    const entries = await db.auditEvent.findMany({ orderBy: { seq: "asc" } })
    expect(entries.map((e) => e.seq)).toEqual([1, 2, 3, 4, 5])
    expect(entries[0]!.prevHash).toBe("0".repeat(64))
    for (let i = 1; i < entries.length; i++) expect(entries[i]!.prevHash).toBe(entries[i - 1]!.hash)
    const result = await verifyAuditChain(db)
    expect(result).toEqual({ ok: true, entries: 5, head: { seq: 5, hash: entries[4]!.hash } })
    expect(await auditChainHead(db)).toEqual({ seq: 5, hash: entries[4]!.hash })
  })

  it("keeps the chain whole under concurrent writers", async () => {
    const db = await fresh()
    await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        recordAudit(db, systemActor(`w${i}`), { action: "test.parallel", entityType: "thing" })
      )
    )
    const result = await verifyAuditChain(db)
    expect(result.ok).toBe(true)
    expect(result.entries).toBe(17)
  })

  const readers = (db: Db, bad?: number) =>
    Promise.all(
      Array.from({ length: 60 }, (_, i) =>
        recordAudit(
          db,
          { id: `u${i}`, name: `reader${i}`, ip: null },
          // A BigInt is not JSON: such an entry cannot be stored.
          { action: "test.view", entityType: "thing", entityId: `T${i}`, details: i === bad ? { bad: 1n } : { i } }
        ).then(
          () => "committed",
          () => "failed"
        )
      )
    )

  it("commits entries written on their own together, each with its actor", async () => {
    const db = await fresh()
    expect(new Set(await readers(db))).toEqual(new Set(["committed"]))
    const views = await db.auditEvent.findMany({ where: { action: "test.view" }, orderBy: { seq: "asc" } })
    expect(views).toHaveLength(60)
    for (const v of views) expect(v.actorName).toBe(`reader${v.entityId!.slice(1)}`)
    // Written while a commit was under way, they went in groups: far fewer commit instants than entries.
    expect(new Set(views.map((v) => v.at.getTime())).size).toBeLessThan(10)
    expect(await verifyAuditChain(db)).toMatchObject({ ok: true, entries: 65 })
  })

  it("fails only the entry that cannot be stored when its group fails", async () => {
    const db = await fresh()
    const outcomes = await readers(db, 30)
    expect(outcomes.map((o, i) => (o === "failed" ? i : null)).filter((i) => i !== null)).toEqual([30])
    expect(await db.auditEvent.count({ where: { action: "test.view" } })).toBe(59)
    expect(await verifyAuditChain(db)).toMatchObject({ ok: true, entries: 64 })
  })

  it("seals entries written before the chain existed into it, once", async () => {
    const db = await fresh()
    await db.auditEvent.create({
      data: { actorName: "legacy", action: "old.entry", entityType: "thing", details: { x: 1 } }
    })
    const unsealed = await verifyAuditChain(db)
    expect(unsealed.ok).toBe(false)
    if (!unsealed.ok) expect(unsealed.broken.reason).toBe("unsealed")
    expect(await sealAuditChain(db)).toBe(1)
    expect(await sealAuditChain(db)).toBe(0)
    expect(await verifyAuditChain(db)).toMatchObject({ ok: true, entries: 6 })
  })

  it("refuses to update or delete an entry", async () => {
    const db = await fresh()
    await expect(db.auditEvent.updateMany({ where: { seq: 2 }, data: { actorName: "someone else" } })).rejects.toThrow()
    await expect(db.auditEvent.deleteMany({ where: { seq: 2 } })).rejects.toThrow()
    expect((await verifyAuditChain(db)).ok).toBe(true)
  })

  it("detects an updated entry", async () => {
    const db = await fresh()
    await liftTriggers(db, provider)
    await db.auditEvent.updateMany({ where: { seq: 3 }, data: { actorName: "someone else" } })
    const result = await verifyAuditChain(db)
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.broken).toMatchObject({ seq: 3, reason: "hash" })
  })

  it("detects a deleted entry, in the middle and at the end", async () => {
    const db = await fresh()
    await liftTriggers(db, provider)
    await db.auditEvent.deleteMany({ where: { seq: 2 } })
    const middle = await verifyAuditChain(db)
    expect(middle.ok).toBe(false)
    if (!middle.ok) expect(middle.broken).toMatchObject({ seq: 3, reason: "gap" })

    await db.auditEvent.deleteMany({ where: { seq: { gte: 2 } } })
    const end = await verifyAuditChain(db)
    expect(end.ok).toBe(false)
    if (!end.ok) expect(end.broken).toMatchObject({ reason: "head" })
  })

  it("detects reordered entries", async () => {
    const db = await fresh()
    await liftTriggers(db, provider)
    await db.auditEvent.updateMany({ where: { seq: 2 }, data: { seq: 1000 } })
    await db.auditEvent.updateMany({ where: { seq: 3 }, data: { seq: 2 } })
    await db.auditEvent.updateMany({ where: { seq: 1000 }, data: { seq: 3 } })
    const result = await verifyAuditChain(db)
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.broken).toMatchObject({ seq: 2, reason: "prev_hash" })
  })
})
