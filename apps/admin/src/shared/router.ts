/**
 * A tiny hash router: `#/login`, `#/institutions`, `#/suspicions`, `#/penalty`. The hash keeps the
 * SPA working under the API's static file server without any server-side fallback route. A few
 * routes take one parameter after their path (`#/suspicions/<id>`, see `paramRoutes`). A user who
 * must change their password (an initial or reset one) is kept on `#/password` until they have.
 */
import { can, type Permission, type Role } from "@fundguard/domain/access"

export const routeNames = [
  "login",
  "institutions",
  "suspicions",
  "suspicion",
  "runs",
  "penalty",
  // Enforcement (docs/domain/procedure.md).
  "cases",
  "case",
  "followup",
  "checklists",
  "inspections",
  "inspection",
  "samples",
  "sample",
  // Other departments (docs/domain/transfers.md).
  "transfers",
  "transfer",
  "inbox",
  "inboxTransfer",
  "departmentClients",
  // The pre-settlement check (docs/domain/precheck.md).
  "precheck",
  // Complaints and tips (docs/domain/complaints.md).
  "complaints",
  // Credit and points (docs/domain/credit.md).
  "credit",
  "practitioner",
  "institutionCredit",
  // Responsibilities (docs/domain/responsibilities.md).
  "today",
  "calendar",
  "coverage",
  "ranking",
  "duties",
  "organisation",
  // Security: accounts, the audit log, one's own password.
  "users",
  "audit",
  "password"
] as const
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
  // Other departments' users land on their inbox (no other item of theirs comes before it).
  { route: "inbox", label: "移送收件箱", permission: "department:inbox" },
  { route: "institutions", label: "机构管理", permission: "institutions:read" },
  { route: "suspicions", label: "疑点管理", permission: "suspicions:read" },
  { route: "runs", label: "筛查批次", permission: "suspicions:read" },
  { route: "penalty", label: "处罚裁量", permission: "penalties:assess" },
  { route: "cases", label: "案件办理", permission: "cases:read" },
  { route: "followup", label: "整改与协议处理", permission: "cases:read" },
  { route: "checklists", label: "检查清单", permission: "inspections:read" },
  { route: "inspections", label: "监督检查", permission: "inspections:read" },
  { route: "samples", label: "抽样推算", permission: "inspections:read" },
  { route: "credit", label: "信用与记分", permission: "credit:read" },
  { route: "complaints", label: "举报投诉", permission: "complaints:read" },
  { route: "transfers", label: "部门移送", permission: "transfers:read" },
  { route: "precheck", label: "事前提醒", permission: "precheck:read" },
  { route: "today", label: "今日待办", permission: "duties:read" },
  { route: "calendar", label: "职责日历", permission: "duties:read" },
  { route: "coverage", label: "检查覆盖率", permission: "duties:read" },
  { route: "ranking", label: "考核排名", permission: "duties:read" },
  { route: "duties", label: "职责清单", permission: "duties:read" },
  { route: "organisation", label: "组织机构", permission: "duties:read" },
  { route: "users", label: "用户管理", permission: "users:manage" },
  { route: "audit", label: "审计日志", permission: "audit:read" },
  { route: "departmentClients", label: "接口账户", permission: "departments:manage" }
]

/** Pages every signed-in user may open that are not in the navigation (the header links to them). */
export const accountRoutes: ReadonlyArray<PageRoute> = ["password"]

/** Page titles, for the document title and the page header. */
export const routeTitle: Readonly<Record<RouteName, string>> = {
  login: "登录",
  institutions: "机构管理",
  suspicions: "疑点管理",
  suspicion: "疑点详情",
  runs: "筛查批次",
  penalty: "处罚裁量",
  cases: "案件办理",
  case: "案件详情",
  followup: "整改与协议处理",
  checklists: "检查清单",
  inspections: "监督检查",
  inspection: "现场检查",
  samples: "抽样推算",
  sample: "抽样详情",
  credit: "信用与记分",
  practitioner: "人员记分记录",
  institutionCredit: "机构信用记录",
  complaints: "举报投诉",
  transfers: "部门移送",
  transfer: "移送详情",
  inbox: "移送收件箱",
  inboxTransfer: "移送详情",
  departmentClients: "接口账户",
  precheck: "事前提醒",
  today: "今日待办",
  calendar: "职责日历",
  coverage: "检查覆盖率",
  ranking: "考核排名",
  duties: "职责清单",
  organisation: "组织机构",
  users: "用户管理",
  audit: "审计日志",
  password: "修改密码"
}

const isRouteName = (value: string): value is RouteName => (routeNames as ReadonlyArray<string>).includes(value)

/**
 * Routes that take one parameter, by the path they share with their parent: `#/suspicions/<id>`
 * is the `suspicion` page for lead `<id>`. They are not in the navigation; their permission says
 * who may open them.
 */
export const paramRoutes: Readonly<
  Partial<Record<RouteName, { readonly path: string; readonly permission: Permission }>>
> = {
  suspicion: { path: "suspicions", permission: "suspicions:read" },
  case: { path: "cases", permission: "cases:read" },
  transfer: { path: "transfers", permission: "transfers:read" },
  inboxTransfer: { path: "inbox", permission: "department:inbox" },
  inspection: { path: "inspections", permission: "inspections:read" },
  sample: { path: "samples", permission: "inspections:read" },
  practitioner: { path: "practitioners", permission: "credit:read" },
  institutionCredit: { path: "institution-credit", permission: "credit:read" }
}

/** A route and its parameter. */
export interface Location {
  readonly route: RouteName
  readonly param: string | null
}

/** Parses a hash into a route and its parameter; `null` for an empty or unknown hash. */
export const parseLocation = (hash: string): Location | null => {
  const path = (hash.replace(/^#/, "").split("?")[0] ?? "").replace(/^\/+/, "").replace(/\/+$/, "")
  if (isRouteName(path) && paramRoutes[path] === undefined) return { route: path, param: null }
  const [head, param, ...rest] = path.split("/")
  if (param === undefined || param === "" || rest.length > 0) return null
  const entry = Object.entries(paramRoutes).find(([, r]) => r.path === head)
  if (entry === undefined || !/^[A-Za-z0-9_-]{1,64}$/.test(param)) return null
  return { route: entry[0] as RouteName, param: decodeURIComponent(param) }
}

/**
 * The route a location hash names, or `null` for an empty or unknown hash. Accepts `#/penalty`,
 * `#penalty`, `#/penalty/` and ignores a query part (`#/suspicions?status=x`).
 */
export const parseHash = (hash: string): RouteName | null => parseLocation(hash)?.route ?? null

/** The hash that names a route: `#/penalty`, or with its parameter `#/suspicions/<id>`. */
export const hrefFor = (route: RouteName, param?: string): string => {
  const withParam = paramRoutes[route]
  return withParam === undefined ? `#/${route}` : `#/${withParam.path}/${encodeURIComponent(param ?? "")}`
}

/** The hash without its query part (`#/suspicions?runId=x` → `#/suspicions`). */
const pathOf = (hash: string): string => hash.split("?")[0] ?? ""

/**
 * The query part of a hash as search parameters (`#/suspicions?runId=x`), for pages that take
 * filters from a link. A canonical path keeps its query when the route resolves.
 */
export const hashQuery = (hash: string): URLSearchParams =>
  new URLSearchParams(hash.includes("?") ? hash.slice(hash.indexOf("?") + 1) : "")

/** The pages a role may open, in navigation order. */
export const allowedPages = (role: Role): ReadonlyArray<PageRoute> =>
  navItems.filter((item) => can(role, item.permission)).map((item) => item.route)

export interface ResolvedRoute {
  /** The page to show. */
  readonly route: RouteName
  /** The page's parameter (`#/suspicions/<id>`), present only for routes that take one. */
  readonly param?: string
  /** The hash to replace the current one with, or `null` when the current hash is right. */
  readonly redirect: string | null
}

/**
 * Decides which page to show for a hash: without a session, always the login page; with one that
 * must change its password, always `#/password`; otherwise the named page if the role may open it,
 * else the first page it may open (also instead of `#/login`).
 */
export const resolveRoute = (hash: string, role: Role | null, mustChangePassword: boolean = false): ResolvedRoute => {
  const location = parseLocation(hash)
  const requested = location?.route ?? null
  if (role !== null && mustChangePassword) {
    const canonical = hrefFor("password")
    return { route: "password", redirect: requested === "password" && pathOf(hash) === canonical ? null : canonical }
  }
  const withParam = requested === null ? undefined : paramRoutes[requested]
  if (
    role !== null &&
    location !== null &&
    location.param !== null &&
    withParam !== undefined &&
    can(role, withParam.permission)
  ) {
    const canonical = hrefFor(location.route, location.param)
    return { route: location.route, param: location.param, redirect: pathOf(hash) === canonical ? null : canonical }
  }
  const target = ((): RouteName => {
    if (role === null) return "login"
    const allowed: ReadonlyArray<RouteName> = [...allowedPages(role), ...accountRoutes]
    if (requested !== null && requested !== "login" && allowed.includes(requested)) return requested
    return allowed[0] ?? "password"
  })()
  const canonical = hrefFor(target)
  return { route: target, redirect: requested === target && pathOf(hash) === canonical ? null : canonical }
}
