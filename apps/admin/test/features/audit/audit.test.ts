import type { AuditEntry } from "@fundguard/contracts/Audit"
import { describe, expect, it } from "vitest"
import {
  auditActionText,
  auditFilterOf,
  auditFilterProblems,
  auditRows,
  compactJson,
  emptyAuditFilter,
  hashPrefix,
  verificationText
} from "../../../src/features/audit/audit.js"
import { auditQuery } from "../../../src/features/audit/calls.js"

const entry = (over: Partial<AuditEntry> = {}): AuditEntry => ({
  seq: 42,
  at: "2025-11-20T03:04:05.678Z",
  actorId: "u-admin",
  actorName: "admin",
  ip: "10.1.2.3",
  action: "user.create",
  entityType: "user",
  entityId: "u-new",
  details: { username: "zhangsan", role: "reviewer", unitId: "BUREAU" },
  hash: "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
  ...over
})

describe("the audit filter", () => {
  it("sends only what was filled in, trimmed", () => {
    const form = { ...emptyAuditFilter(), actor: " 王稽核 ", action: "user.create", from: "2025-11-01" }
    expect(auditFilterOf(form)).toEqual({ actor: "王稽核", action: "user.create", from: "2025-11-01" })
    expect(auditFilterOf(emptyAuditFilter())).toEqual({})
  })

  it("builds the query of the list and the export from the same filter", () => {
    const filter = { actor: "王稽核", entityType: "user", to: "2025-11-30" }
    expect(auditQuery(filter, { page: 2, pageSize: 50 })).toBe(
      "?actor=%E7%8E%8B%E7%A8%BD%E6%A0%B8&entityType=user&to=2025-11-30&page=2&pageSize=50"
    )
    expect(auditQuery(filter)).toBe("?actor=%E7%8E%8B%E7%A8%BD%E6%A0%B8&entityType=user&to=2025-11-30")
    expect(auditQuery({})).toBe("")
  })

  it("names a reversed period and over-long texts at the server's query paths", () => {
    expect(auditFilterProblems({ ...emptyAuditFilter(), from: "2025-11-30", to: "2025-11-01" })).toEqual([
      { path: "$.query.to", message: "结束日期不得早于开始日期" }
    ])
    expect(auditFilterProblems({ ...emptyAuditFilter(), from: "2025-02-30" })).toEqual([
      { path: "$.query.from", message: "须为 yyyy-MM-dd 格式的日期" }
    ])
    expect(auditFilterProblems({ ...emptyAuditFilter(), actor: "x".repeat(65), entityId: "y".repeat(100) })).toEqual([
      { path: "$.query.actor", message: "长度不得超过 64 个字符（现为 65 个）" }
    ])
    expect(auditFilterProblems({ ...emptyAuditFilter(), from: "2025-11-01", to: "2025-11-01" })).toEqual([])
  })
})

describe("the audit list", () => {
  it("shows an entry with its time in Beijing time, object, compact details and hash prefix", () => {
    expect(auditRows([entry()])).toEqual([
      {
        id: "42",
        seq: "42",
        at: "2025-11-20 11:04:05",
        actor: "admin",
        ip: "10.1.2.3",
        action: "创建用户（user.create）",
        object: "用户 u-new",
        details: '{"username":"zhangsan","role":"reviewer","unitId":"BUREAU"}',
        hash: "9f86d081884c"
      }
    ])
  })

  it("copes with the system as actor, no address, no object id and entries before the chain", () => {
    const [row] = auditRows(
      [
        entry({
          seq: null,
          actorId: null,
          actorName: "system",
          ip: null,
          entityId: null,
          hash: null,
          action: "x.y",
          entityType: "thing",
          details: null
        })
      ],
      3
    )
    expect(row).toMatchObject({
      id: "p3-0",
      seq: "—",
      actor: "system",
      ip: "—",
      action: "x.y",
      object: "thing",
      details: "—",
      hash: "—"
    })
  })

  it("cuts long details on one line", () => {
    const long = compactJson({ text: "长".repeat(500) }, 40)
    expect(Array.from(long)).toHaveLength(40)
    expect(long.endsWith("…")).toBe(true)
    expect(compactJson([1, { a: "b" }])).toBe('[1,{"a":"b"}]')
    expect(hashPrefix("abcdef", 4)).toBe("abcd")
    expect(auditActionText("user.change_password")).toBe("修改密码（user.change_password）")
  })
})

describe("the hash-chain check", () => {
  it("reports an intact chain with its entries and head", () => {
    expect(verificationText({ ok: true, entries: 17, head: { seq: 17, hash: "abc123" }, broken: null })).toBe(
      "哈希链完整：共 17 条记录，链头为第 17 条，哈希 abc123"
    )
    expect(verificationText({ ok: true, entries: 0, head: null, broken: null })).toBe(
      "哈希链完整：共 0 条记录（尚无链头）"
    )
  })

  it("names the first broken entry, its reason and message", () => {
    expect(
      verificationText({
        ok: false,
        entries: 17,
        head: null,
        broken: { seq: 5, id: "e5", reason: "hash_mismatch", message: "记录内容与哈希不符" }
      })
    ).toBe("哈希链校验未通过：第 5 条记录（hash_mismatch）记录内容与哈希不符")
  })
})
