import * as Application from "@fundguard/application"
import { Problem, Users } from "@fundguard/contracts"
import {
  databaseUrl,
  findUser,
  listUsers,
  openDatabase,
  systemActor,
  type Db,
  type Repositories,
  type UserAccount
} from "@fundguard/db"
import { Role, roleLabel } from "@fundguard/domain/access"
import type * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import * as Schema from "effect/Schema"
import { parseArgs } from "node:util"
import { CliFailure, ExitCode, note, type Command } from "../cli.js"
import { runUseCase } from "../runtime.js"

const help = `Usage: pnpm fundguard users <action> [options]

Manages user accounts in the configured database (DATABASE_URL). Every change is in the audit log,
made by "cli".

Actions:
  list [--json]                                   every account: unit, role, state, open sessions
  create --username U --name NAME --role ROLE [--unit UNIT] [--department TEXT] [--password P]
                                                  a new account; without --password one is generated and
                                                  printed once; the user must change it at first sign-in
  disable USERNAME | enable USERNAME              disabling also signs the account out everywhere
  set-role USERNAME ROLE                          ROLE: ${Role.literals.join(" | ")}
  set-unit USERNAME UNIT                          the unit whose data the user sees (none for department)
  reset-password USERNAME [--password P]          a new initial password (generated unless given)
  revoke-sessions USERNAME                        sign the account out everywhere

Exit codes: 0 done, 2 invalid input (names the option), 1 other failure.`

const actor = systemActor("cli")

/** The options that carry each field the use cases name, so a refusal names what to retype. */
const optionOf: Readonly<Record<string, string>> = {
  "$.username": "--username",
  "$.role": "--role",
  "$.unitId": "--unit",
  "$.initialPassword": "--password"
}

/**
 * Runs an account use case; a refusal of the input (`InvalidAccount`, `WeakPassword`,
 * `UsernameTaken`) is exit 2 naming the option, anything else goes to `main.ts`'s problem table.
 */
const run = async <A, E>(db: Db, effect: Effect.Effect<A, E, Repositories>): Promise<A> => {
  try {
    return await runUseCase(db, effect)
  } catch (error) {
    const { _tag, problems } = error as { _tag?: unknown; problems?: ReadonlyArray<{ path: string; message: string }> }
    if (Problem.isProblemTag(_tag) && Problem.problemTypes[_tag].exit === ExitCode.invalid && problems !== undefined)
      throw new CliFailure(
        problems.map((p) => `${optionOf[p.path] ?? p.path}: ${p.message}`).join("\n"),
        ExitCode.invalid
      )
    throw error
  }
}

const byUsername = async (db: Db, username: string | undefined): Promise<UserAccount> => {
  if (username === undefined) throw new CliFailure(`missing USERNAME\n\n${help}`, ExitCode.invalid)
  const row = await db.user.findUnique({ where: { username } })
  if (row === null) throw new CliFailure(`用户 ${username} 不存在`, ExitCode.invalid)
  return findUser(db, row.id, new Date())
}

const roleOf = (value: string | undefined, option: string): Role => {
  const decoded = Schema.decodeUnknownEither(Role)(value)
  if (Either.isLeft(decoded)) throw new CliFailure(`${option}: 须为 ${Role.literals.join("、")} 之一`, ExitCode.invalid)
  return decoded.right
}

const line = (u: UserAccount) =>
  [
    u.username.padEnd(12),
    u.displayName.padEnd(8),
    `${roleLabel[u.role]}`.padEnd(6),
    (u.unitId ?? "—").padEnd(14),
    u.active ? "启用" : "停用",
    u.mustChangePassword ? "待改初始密码" : "",
    `${u.openSessions} 个会话`
  ].join("  ")

/** `users`. */
export const usersCommand: Command = {
  name: "users",
  summary: "users list|create|disable|enable|set-role|set-unit|reset-password|revoke-sessions — manage accounts",
  help,
  run: async (args) => {
    const { values, positionals } = parseArgs({
      args: [...args],
      options: {
        username: { type: "string" },
        name: { type: "string" },
        role: { type: "string" },
        unit: { type: "string" },
        department: { type: "string" },
        password: { type: "string" },
        json: { type: "boolean", default: false },
        help: { type: "boolean", short: "h", default: false }
      },
      allowPositionals: true
    })
    if (values.help) {
      process.stdout.write(`${help}\n`)
      return ExitCode.ok
    }
    const [action, ...rest] = positionals
    // Accounts and the log live in a database that is already in use: no migration here (`db migrate`).
    const url = databaseUrl()
    const database = openDatabase(url)
    const { db } = database
    const now = new Date()
    try {
      switch (action) {
        case "list": {
          const users = await listUsers(db, now)
          if (values.json) {
            const encode = Schema.encodeSync(Schema.Array(Users.UserAccount))
            process.stdout.write(
              `${JSON.stringify(
                encode(
                  users.map((u) => ({
                    ...u,
                    createdAt: u.createdAt.toISOString(),
                    passwordChangedAt: u.passwordChangedAt?.toISOString() ?? null
                  }))
                )
              )}\n`
            )
          } else for (const u of users) process.stdout.write(`${line(u)}\n`)
          return ExitCode.ok
        }
        case "create": {
          const username = values.username
          if (username === undefined || !/^[A-Za-z0-9_.@-]{1,64}$/.test(username))
            throw new CliFailure("--username: 须为 1–64 位字母、数字或 _ . @ -", ExitCode.invalid)
          const displayName = values.name?.trim()
          if (displayName === undefined || displayName === "" || displayName.length > 100)
            throw new CliFailure("--name: 须为 1–100 个字符的姓名", ExitCode.invalid)
          const created = await run(
            db,
            Application.Access.createAccount({
              account: {
                username,
                displayName,
                role: roleOf(values.role, "--role"),
                unitId: values.unit ?? null,
                department: values.department ?? null
              },
              ...(values.password === undefined ? {} : { initialPassword: values.password }),
              actor
            })
          )
          note(`created ${username}; initial password (must be changed at first sign-in):`)
          process.stdout.write(`${created.initialPassword}\n`)
          return ExitCode.ok
        }
        case "disable":
        case "enable": {
          const user = await byUsername(db, rest[0])
          await run(
            db,
            Application.Access.updateAccount({ id: user.id, change: { active: action === "enable" }, actor })
          )
          note(`${user.username} ${action === "enable" ? "enabled" : "disabled and signed out"}`)
          return ExitCode.ok
        }
        case "set-role": {
          const user = await byUsername(db, rest[0])
          const role = roleOf(rest[1], "ROLE")
          await run(db, Application.Access.updateAccount({ id: user.id, change: { role }, actor }))
          note(`${user.username} is now ${roleLabel[role]}`)
          return ExitCode.ok
        }
        case "set-unit": {
          const user = await byUsername(db, rest[0])
          const unitId = rest[1] === undefined || rest[1] === "none" ? null : rest[1]
          await run(db, Application.Access.updateAccount({ id: user.id, change: { unitId }, actor }))
          note(`${user.username} now belongs to ${unitId ?? "no unit"}`)
          return ExitCode.ok
        }
        case "reset-password": {
          const user = await byUsername(db, rest[0])
          const reset = await run(
            db,
            Application.Access.resetAccountPassword({
              id: user.id,
              ...(values.password === undefined ? {} : { initialPassword: values.password }),
              actor
            })
          )
          note(`${user.username}: new initial password (must be changed at next sign-in); signed out everywhere:`)
          process.stdout.write(`${reset.initialPassword}\n`)
          return ExitCode.ok
        }
        case "revoke-sessions": {
          const user = await byUsername(db, rest[0])
          const revoked = await run(db, Application.Access.revokeAccountSessions({ id: user.id, actor }))
          note(`${user.username}: ${revoked} sessions revoked`)
          return ExitCode.ok
        }
        default:
          throw new CliFailure(help, ExitCode.invalid)
      }
    } finally {
      await database.close()
    }
  }
}
