/**
 * The department authorisation matrix (inject, SQLite): every department (卫健委, 公安, 纪委监委, 市场监管)
 * × every department endpoint that names a transfer × every other department's transfer is answered 404
 * with nothing of that transfer in the answer, and its own is answered; every department's list holds
 * its own transfers only; and a department's key reaches none of the bureau's routes that name a transfer.
 */
import { departmentLabel, type Department } from "@fundguard/domain/departments"
import { createScratchDatabase, type ScratchDatabase } from "@fundguard/db/testing"
import type { FastifyInstance } from "fastify"
import { mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { buildApp } from "../src/app.js"
import { seedCounty, signInAll, today, type Username } from "./utils/county.js"

const departments = Object.keys(departmentLabel) as ReadonlyArray<Department>

describe("the department authorisation matrix (SQLite)", () => {
  let scratch: ScratchDatabase
  let evidenceDir: string
  let app: FastifyInstance
  let tokens: Record<Username, string>
  const keys = {} as Record<Department, string>
  const transfers = {} as Record<Department, { id: string; revision: number; facts: string }>

  const inject = (token: string, method: "GET" | "POST", url: string, payload?: object) =>
    app.inject({
      method,
      url,
      headers: { authorization: `Bearer ${token}` },
      ...(payload === undefined ? {} : { payload })
    })

  beforeAll(async () => {
    scratch = await createScratchDatabase("sqlite")
    evidenceDir = mkdtempSync(join(tmpdir(), "fundguard-department-matrix-"))
    await seedCounty(scratch.db, evidenceDir)
    app = await buildApp({ db: scratch.db, now: () => new Date(`${today}T02:00:00Z`), evidenceDir })
    await app.ready()
    tokens = await signInAll(app)
    for (const department of departments) {
      keys[department] = (
        await inject(tokens.admin, "POST", "/api/v1/department-clients", { department, name: department })
      ).json().key
      // A transfer sent to each department, with facts that name it.
      const facts = `移送${departmentLabel[department]}的机密事实`
      const { id } = (
        await inject(tokens.jihe, "POST", "/api/v1/transfers", {
          department,
          institutionCode: "H50023500001",
          violations: ["A40-3-FICTITIOUS_SERVICE"],
          facts,
          officers: ["王稽核", "张稽核"],
          materials: [
            { kind: "transfer_letter", title: "移送书", pages: 1 },
            { kind: "investigation_report", title: "调查报告", pages: 3 },
            { kind: "evidence", title: "证据", pages: 5 }
          ]
        })
      ).json()
      for (const [user, step] of [
        ["admin", { _tag: "approve" }],
        ["jihe", { _tag: "send" }]
      ] as const) {
        const { revision } = (await inject(tokens[user], "GET", `/api/v1/transfers/${id}`)).json()
        const res = await inject(tokens[user], "POST", `/api/v1/transfers/${id}/steps`, { revision, step })
        if (res.statusCode !== 200) throw new Error(`${department} ${step._tag}: ${res.body}`)
      }
      transfers[department] = { id, revision: 2, facts }
    }
  }, 240_000)
  afterAll(async () => {
    await app?.close()
    await scratch?.dispose()
    rmSync(evidenceDir, { recursive: true, force: true })
  })

  it("answers each department its own transfers and nothing of another's", async () => {
    const endpoints = [
      (id: string) => ["GET", `/api/v1/inbox/transfers/${id}`, undefined] as const,
      (id: string) => ["GET", `/api/v1/inbox/transfers/${id}/document`, undefined] as const,
      (id: string) => ["GET", `/api/v1/inbox/transfers/${id}/document?kind=receipt&format=html`, undefined] as const,
      (id: string) =>
        [
          "POST",
          `/api/v1/inbox/transfers/${id}/steps`,
          { revision: 2, step: { _tag: "receive", signedBy: "x" } }
        ] as const
    ]
    let refused = 0
    let answered = 0
    for (const department of departments) {
      const listed = (await inject(keys[department], "GET", "/api/v1/inbox/transfers")).json().items
      expect(listed.map((t: { id: string }) => t.id)).toEqual([transfers[department].id])
      for (const other of departments) {
        for (const endpoint of endpoints) {
          const [method, url, payload] = endpoint(transfers[other].id)
          const res = await inject(keys[department], method, url, payload)
          if (other === department) {
            expect(res.statusCode, `${department} ${method} ${url}`).toBeLessThan(400)
            answered++
          } else {
            expect(res.statusCode, `${department} ${method} ${url}`).toBe(404)
            expect(res.body).not.toContain(transfers[other].facts)
            expect(res.body).not.toContain(departmentLabel[other])
            refused++
          }
        }
      }
    }
    // 4 departments × 4 endpoints × 3 other departments' transfers.
    expect(refused).toBe(48)
    expect(answered).toBe(16)
    // The receipt signed by each department is its own: each transfer was received once, by its department.
    for (const department of departments) {
      const events = (await inject(tokens.jihe, "GET", `/api/v1/transfers/${transfers[department].id}`)).json().events
      expect(events.filter((e: { kind: string }) => e.kind === "receive")).toHaveLength(1)
    }
  })

  it("gives a department's key none of the bureau's transfer routes", async () => {
    const id = transfers.health_commission.id
    for (const [method, url, payload] of [
      ["GET", "/api/v1/transfers", undefined],
      ["GET", `/api/v1/transfers/${id}`, undefined],
      ["POST", `/api/v1/transfers/${id}/steps`, { revision: 3, step: { _tag: "supplement", materials: [] } }],
      ["GET", `/api/v1/transfers/${id}/document`, undefined],
      ["POST", `/api/v1/transfers/${id}/case`, { revision: 3 }],
      ["GET", "/api/v1/transfer-reports/2025", undefined],
      ["GET", "/api/v1/department-clients", undefined]
    ] as const) {
      const res = await inject(keys.health_commission, method, url, payload)
      expect(res.statusCode, `${method} ${url}`).toBe(403)
      expect(res.json().code).toBe("Forbidden")
    }
  })
})
