import { describe, expect, it } from "vitest"
import {
  createSessionStore,
  isExpired,
  isSession,
  memoryStorage,
  sessionStorageKey,
  type Session
} from "../../src/shared/session.js"

const session: Session = {
  token: "tok-123",
  expiresAt: "2025-09-18T12:00:00Z",
  user: {
    id: "u1",
    username: "zhangsan",
    displayName: "张三",
    role: "supervisor",
    department: "基金监管科",
    unitId: "SEC-JJJG",
    mustChangePassword: false
  }
}
const before = new Date("2025-09-18T11:00:00Z")
const after = new Date("2025-09-18T12:00:01Z")

describe("session store", () => {
  it("saves and loads a session", () => {
    const storage = memoryStorage()
    const store = createSessionStore(storage)
    expect(store.load(before)).toBeNull()
    store.save(session)
    expect(storage.getItem(sessionStorageKey)).not.toBeNull()
    expect(store.load(before)).toEqual(session)
  })

  it("drops an expired session", () => {
    const storage = memoryStorage()
    const store = createSessionStore(storage)
    store.save(session)
    expect(store.load(after)).toBeNull()
    expect(storage.getItem(sessionStorageKey)).toBeNull()
  })

  it("drops malformed data", () => {
    const storage = memoryStorage()
    storage.setItem(sessionStorageKey, "{not json")
    expect(createSessionStore(storage).load(before)).toBeNull()
    storage.setItem(sessionStorageKey, JSON.stringify({ ...session, user: { ...session.user, role: "root" } }))
    expect(createSessionStore(storage).load(before)).toBeNull()
    expect(storage.getItem(sessionStorageKey)).toBeNull()
  })

  it("asks a session stored before units and forced password changes to sign in again", () => {
    const storage = memoryStorage()
    const { unitId: _unit, mustChangePassword: _must, ...olderUser } = session.user
    storage.setItem(sessionStorageKey, JSON.stringify({ ...session, user: olderUser }))
    expect(createSessionStore(storage).load(before)).toBeNull()
    expect(storage.getItem(sessionStorageKey)).toBeNull()
  })

  it("clears the session on logout", () => {
    const storage = memoryStorage()
    const store = createSessionStore(storage)
    store.save(session)
    store.clear()
    expect(store.load(before)).toBeNull()
  })

  it("survives a storage that throws (disabled by browser policy)", () => {
    const store = createSessionStore({
      getItem: () => {
        throw new Error("SecurityError")
      },
      setItem: () => undefined,
      removeItem: () => undefined
    })
    expect(store.load(before)).toBeNull()
  })
})

describe("session shape", () => {
  it("recognises a session", () => {
    expect(isSession(session)).toBe(true)
    expect(isSession({ ...session, token: "" })).toBe(false)
    expect(isSession({ ...session, user: { ...session.user, department: undefined } })).toBe(false)
    expect(isSession({ ...session, user: { ...session.user, unitId: null, mustChangePassword: true } })).toBe(true)
    expect(isSession({ ...session, user: { ...session.user, unitId: 7 } })).toBe(false)
    expect(isSession({ ...session, user: { ...session.user, mustChangePassword: "no" } })).toBe(false)
    expect(isSession(null)).toBe(false)
  })

  it("treats an unreadable expiry as expired", () => {
    expect(isExpired(session, before)).toBe(false)
    expect(isExpired(session, after)).toBe(true)
    expect(isExpired({ ...session, expiresAt: "soon" }, before)).toBe(true)
  })
})
