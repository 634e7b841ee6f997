/**
 * A tiny hash router: `#/login`, `#/institutions`, `#/suspicions`, `#/penalty`. The hash keeps the
 * SPA working under the API's static file server without any server-side fallback route.
 */
import { can, type Permission, type Role } from "@fundguard/domain/Access"

export const routeNames = ["login", "institutions", "suspicions", "penalty"] as const
export type RouteName = (typeof routeNames)[number]
/** Every route but the login page needs a session. */
export type PageRoute = Exclude<RouteName, "login">

/** One entry of the left navigation. */
export interface NavItem {
  readonly route: PageRoute
  readonly label: string
  /** The permission the page needs; the nav hides pages the role cannot use. */
  readonly permission: Permission
}

export const navItems: ReadonlyArray<NavItem> = [
  { route: "institutions", label: "机构管理", permission: "institutions:read" },
  { route: "suspicions", label: "疑点管理", permission: "suspicions:read" },
  { route: "penalty", label: "处罚裁量", permission: "penalties:assess" }
]

/** Page titles, for the document title and the page header. */
export const routeTitle: Readonly<Record<RouteName, string>> = {
  login: "登录",
  institutions: "机构管理",
  suspicions: "疑点管理",
  penalty: "处罚裁量"
}

const isRouteName = (value: string): value is RouteName => (routeNames as ReadonlyArray<string>).includes(value)

/**
 * The route a location hash names, or `null` for an empty or unknown hash. Accepts `#/penalty`,
 * `#penalty`, `#/penalty/` and ignores a query part (`#/suspicions?status=x`).
 */
export const parseHash = (hash: string): RouteName | null => {
  const path = hash.replace(/^#/, "").split("?")[0] ?? ""
  const name = path.replace(/^\/+/, "").replace(/\/+$/, "")
  return isRouteName(name) ? name : null
}

/** The hash that names a route: `#/penalty`. */
export const hrefFor = (route: RouteName): string => `#/${route}`

/** The pages a role may open, in navigation order. */
export const allowedPages = (role: Role): ReadonlyArray<PageRoute> =>
  navItems.filter((item) => can(role, item.permission)).map((item) => item.route)

export interface ResolvedRoute {
  /** The page to show. */
  readonly route: RouteName
  /** The hash to replace the current one with, or `null` when the current hash is right. */
  readonly redirect: string | null
}

/**
 * Decides which page to show for a hash: without a session, always the login page; with one, the
 * named page if the role may open it, else the first page it may open (also instead of `#/login`).
 */
export const resolveRoute = (hash: string, role: Role | null): ResolvedRoute => {
  const requested = parseHash(hash)
  const target = ((): RouteName => {
    if (role === null) return "login"
    const allowed = allowedPages(role)
    if (requested !== null && requested !== "login" && allowed.includes(requested)) return requested
    return allowed[0] ?? "institutions"
  })()
  const canonical = hrefFor(target)
  return { route: target, redirect: requested === target && hash === canonical ? null : canonical }
}
