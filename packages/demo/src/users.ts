/**
 * Demo data for a synthetic county (奉节县, 500235): one user per role and the county's institutions.
 * The institutions come from the demo claims extract, so the register and the claims agree.
 */
import type { Role } from "@fundguard/domain/access"
import type { Institution } from "@fundguard/domain/kernel"
import { upsertInstitutions, upsertUser, type Actor, type Db, type SessionUser } from "@fundguard/db"

/** The demo password of every demo account; `pnpm start` prints it. Never used outside demo data. */
export const demoPassword = "fundguard-demo"

/**
 * One account per role, each in the unit whose data it sees (responsibilities.ts): the bureau
 * (everything), the fund supervision section (its 社保所 and 卫生院), the handling centre (claims of
 * every institution), a township health centre (its village clinics), and the health commission's
 * interface account (no bureau unit).
 */
export const demoUsers: ReadonlyArray<{
  readonly username: string
  readonly displayName: string
  readonly role: Role
  readonly department: string | null
  readonly unitId: string | null
}> = [
  { username: "admin", displayName: "系统管理员", role: "admin", department: "奉节县医疗保障局", unitId: "BUREAU" },
  { username: "jihe", displayName: "王稽核", role: "supervisor", department: "基金监管科", unitId: "SEC-JJJG" },
  { username: "shenhe", displayName: "李审核", role: "reviewer", department: "医保中心", unitId: "CENTRE" },
  {
    username: "caotang",
    displayName: "张医保",
    role: "reviewer",
    department: "草堂镇卫生院",
    unitId: "HC-CAOTANG"
  },
  {
    username: "weijian",
    displayName: "县卫健委接口",
    role: "department",
    department: "奉节县卫生健康委员会",
    unitId: null
  }
]

/** Loads the demo users and institutions. Only ever into an empty database (see `hasUsers`). */
export const seedDemo = async (
  db: Db,
  actor: Actor,
  data: { readonly institutions: ReadonlyArray<Institution> }
): Promise<{
  readonly users: ReadonlyArray<SessionUser>
  readonly institutions: { created: number; updated: number }
}> => {
  const users: Array<SessionUser> = []
  for (const user of demoUsers) users.push(await upsertUser(db, actor, { ...user, password: demoPassword }))
  const institutions = await upsertInstitutions(db, actor, data.institutions)
  return { users, institutions }
}
