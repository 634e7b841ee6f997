/**
 * Who may do what. Roles are the bureau's: 系统管理员, 稽核员 (supervisor), 审核员 (reviewer), and the
 * API clients of other departments (卫健委, 公安, 纪委), and designated institutions' systems calling the
 * pre-settlement check (事前提醒 / 事中审核).
 *
 * @since 0.1.0
 */
import * as Schema from "effect/Schema"

/** @category models */
export const Role = Schema.Literal("admin", "supervisor", "reviewer", "department", "institution").annotations({
  identifier: "Role"
})
/** @category models */
export type Role = typeof Role.Type

/** @category formatting */
export const roleLabel: Readonly<Record<Role, string>> = {
  admin: "系统管理员",
  supervisor: "稽核员",
  reviewer: "审核员",
  department: "协作部门",
  institution: "定点医药机构接口"
}

/**
 * Every protected action of the product.
 *
 * @category models
 */
export type Permission =
  | "session:own"
  | "institutions:read"
  | "institutions:write"
  | "suspicions:read"
  | "suspicions:review"
  | "suspicions:approve"
  | "suspicions:assign"
  | "screening:run"
  | "penalties:assess"
  | "audit:read"
  | "users:manage"
  | "personal-data:unmasked"
  // Responsibilities (docs/domain/responsibilities.md): read the organisation, duties, tasks, coverage
  // and rankings; record a task's completion with evidence; edit duties and ranking criteria; edit the
  // organisation and its jurisdiction.
  | "duties:read"
  | "tasks:complete"
  | "duties:write"
  | "organisation:write"
  // Enforcement (docs/domain/procedure.md): read inspections and cases; plan inspections and draw
  // (双随机); record on-site inspections and samples; handle a case (draft, record steps, 初审);
  // 复审; 审批 (the bureau's leaders).
  | "inspections:read"
  | "inspections:plan"
  | "inspections:record"
  | "cases:read"
  | "cases:handle"
  | "cases:review"
  | "cases:approve"
  // Other departments (docs/domain/transfers.md): read and handle the bureau's transfers (移送) and
  // their ledger; approve a transfer as the bureau's head (国务院令第310号第五条); manage other
  // departments' API clients; a department's own inbox (what is addressed to it or sent by it).
  | "transfers:read"
  | "transfers:handle"
  | "transfers:approve"
  | "departments:manage"
  | "department:inbox"
  // Complaints and tips (docs/domain/complaints.md): read and handle complaints and rewards; see an
  // informant's identity (named roles only, each reveal audited).
  | "complaints:read"
  | "complaints:handle"
  | "informants:reveal"
  // Credit and points (docs/domain/credit.md): read credit and points histories; record credit
  // events, points, joint-punishment notices and publications.
  | "credit:read"
  | "credit:record"
  // Pre-settlement check (docs/domain/precheck.md): an institution's system checks its own claims
  // (3101–3103); the bureau reads the warnings and reports; the administrator manages the keys.
  | "precheck:check"
  | "precheck:read"
  | "precheck:manage"

const grants: Readonly<Record<Role, ReadonlyArray<Permission>>> = {
  admin: [
    "session:own",
    "institutions:read",
    "institutions:write",
    "suspicions:read",
    "suspicions:review",
    "suspicions:approve",
    "suspicions:assign",
    "screening:run",
    "penalties:assess",
    "audit:read",
    "users:manage",
    "personal-data:unmasked",
    "duties:read",
    "tasks:complete",
    "duties:write",
    "organisation:write",
    "inspections:read",
    "inspections:plan",
    "inspections:record",
    "cases:read",
    "cases:handle",
    "cases:review",
    "cases:approve",
    "transfers:read",
    "transfers:handle",
    "transfers:approve",
    "departments:manage",
    "complaints:read",
    "complaints:handle",
    "credit:read",
    "credit:record",
    "precheck:read",
    "precheck:manage"
  ],
  supervisor: [
    "session:own",
    "institutions:read",
    "suspicions:read",
    "suspicions:review",
    "suspicions:approve",
    "suspicions:assign",
    "screening:run",
    "penalties:assess",
    "personal-data:unmasked",
    "duties:read",
    "tasks:complete",
    "inspections:read",
    "inspections:plan",
    "inspections:record",
    "cases:read",
    "cases:handle",
    "cases:review",
    "transfers:read",
    "transfers:handle",
    "complaints:read",
    "complaints:handle",
    "informants:reveal",
    "credit:read",
    "credit:record",
    "precheck:read"
  ],
  reviewer: [
    "session:own",
    "institutions:read",
    "suspicions:read",
    "suspicions:review",
    "penalties:assess",
    "duties:read",
    "tasks:complete",
    "inspections:read",
    "inspections:record",
    "cases:read",
    "cases:handle",
    "transfers:read",
    "complaints:read",
    "complaints:handle",
    "credit:read",
    "precheck:read"
  ],
  department: ["session:own", "penalties:assess", "department:inbox"],
  // Only ever a key (fgi_…), never a person's account: it checks its own institution's claims.
  institution: ["precheck:check"]
}

/**
 * Whether a role holds a permission.
 *
 * @category rules
 */
export const can = (role: Role, permission: Permission): boolean => grants[role].includes(permission)

/**
 * Masks a personal identifier (身份证号, 人员编号) for roles that may not see it: keeps the first 3 and
 * last 2 characters.
 *
 * @category rules
 */
export const maskIdentifier = (value: string): string =>
  value.length <= 5 ? "*".repeat(value.length) : `${value.slice(0, 3)}${"*".repeat(value.length - 5)}${value.slice(-2)}`

/**
 * Masks a Chinese personal name: keeps the surname (张**).
 *
 * @category rules
 */
export const maskName = (value: string): string =>
  value.length === 0 ? value : `${Array.from(value)[0]}${"*".repeat(Math.max(1, Array.from(value).length - 1))}`
