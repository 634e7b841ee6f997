import { Users } from "@fundguard/contracts"
import {
  createUser,
  databaseUrl,
  findUser,
  listUsers,
  loadOrganisation,
  openDatabase,
  resetPassword,
  revokeSessions,
  systemActor,
  temporaryPassword,
  updateUser,
  type Db,
  type UserAccount
} from "@fundguard/db"
import { passwordProblems, Role, roleLabel } from "@fundguard/domain/access"
import * as Either from "effect/Either"
import * as Schema from "effect/Schema"
import { parseArgs } from "node:util"
import { CliFailure, ExitCode, note, type Command } from "../cli.js"

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

const checkUnit = async (db: Db, role: Role, unitId: string | null): Promise<void> => {
  if (role === "department") {
    if (unitId !== null) throw new CliFailure("--unit: 协作部门账户不属于医保局的单位", ExitCode.invalid)
    return
  }
  if (unitId === null) throw new CliFailure("--unit: 局内人员须属于一个单位", ExitCode.invalid)
  const unit = (await loadOrganisation(db)).units.find((u) => u.id === unitId)
  if (unit === undefined || !unit.active)
    throw new CliFailure(`--unit: 单位 ${unitId} 不存在或已停用`, ExitCode.invalid)
}

const checkPassword = (password: string, username: string) => {
  const problems = passwordProblems(password, username)
  if (problems.length > 0) throw new CliFailure(`--password: ${problems.join("；")}`, ExitCode.invalid)
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
          const role = roleOf(values.role, "--role")
          const unitId = values.unit ?? null
          await checkUnit(db, role, unitId)
          const password = values.password ?? temporaryPassword()
          checkPassword(password, username)
          if ((await db.user.findUnique({ where: { username } })) !== null)
            throw new CliFailure(`--username: 用户名 ${username} 已被使用`, ExitCode.invalid)
          await createUser(db, actor, {
            username,
            displayName,
            role,
            unitId,
            department: values.department ?? null,
            password
          })
          note(`created ${username}; initial password (must be changed at first sign-in):`)
          process.stdout.write(`${password}\n`)
          return ExitCode.ok
        }
        case "disable":
        case "enable": {
          const user = await byUsername(db, rest[0])
          await updateUser(db, actor, user.id, { active: action === "enable" }, now)
          note(`${user.username} ${action === "enable" ? "enabled" : "disabled and signed out"}`)
          return ExitCode.ok
        }
        case "set-role": {
          const user = await byUsername(db, rest[0])
          const role = roleOf(rest[1], "ROLE")
          await checkUnit(db, role, user.unitId)
          await updateUser(db, actor, user.id, { role }, now)
          note(`${user.username} is now ${roleLabel[role]}`)
          return ExitCode.ok
        }
        case "set-unit": {
          const user = await byUsername(db, rest[0])
          const unitId = rest[1] === undefined || rest[1] === "none" ? null : rest[1]
          await checkUnit(db, user.role, unitId)
          await updateUser(db, actor, user.id, { unitId }, now)
          note(`${user.username} now belongs to ${unitId ?? "no unit"}`)
          return ExitCode.ok
        }
        case "reset-password": {
          const user = await byUsername(db, rest[0])
          const password = values.password ?? temporaryPassword()
          checkPassword(password, user.username)
          await resetPassword(db, actor, user.id, password, now)
          note(`${user.username}: new initial password (must be changed at next sign-in); signed out everywhere:`)
          process.stdout.write(`${password}\n`)
          return ExitCode.ok
        }
        case "revoke-sessions": {
          const user = await byUsername(db, rest[0])
          note(`${user.username}: ${await revokeSessions(db, actor, user.id, now)} sessions revoked`)
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
