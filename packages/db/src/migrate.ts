/**
 * Applies the committed migrations to a database with `prisma migrate deploy`, through the JS
 * (Wasm) schema engine — no native engine, nothing downloaded.
 */
import { spawn } from "node:child_process"
import { createRequire } from "node:module"
import { dirname, join } from "node:path"
import { fileURLToPath } from "node:url"
import { childEnvironment, databaseUrl, providerOf } from "./config.js"
import { sealAuditChain } from "./access/audit.js"
import { openDatabase, redactUrl } from "./client.js"

const packageRoot = join(dirname(fileURLToPath(import.meta.url)), "..")

/** The migration could not be applied; `output` is what Prisma printed. */
export class MigrationFailed extends Error {
  constructor(
    readonly url: string,
    readonly output: string
  ) {
    super(`migrating ${redactUrl(url)} failed:\n${output.trim()}`)
    this.name = "MigrationFailed"
  }
}

/**
 * Runs `prisma migrate deploy` for the database at `url`, then brings audit entries written before
 * the hash chain existed into it; resolves with Prisma's output.
 */
export const migrateDatabase = async (url: string = databaseUrl()): Promise<string> => {
  const output = await deploy(url)
  const database = openDatabase(url)
  try {
    const sealed = await sealAuditChain(database.db)
    return sealed === 0 ? output : `${output}\nsealed ${sealed} earlier audit entries into the hash chain`
  } finally {
    await database.close()
  }
}

const deploy = (url: string): Promise<string> => {
  const config = providerOf(url) === "sqlite" ? "prisma.sqlite.config.ts" : "prisma.pg.config.ts"
  const cli = createRequire(import.meta.url).resolve("prisma/build/index.js")
  return new Promise((resolve, reject) => {
    const preload = join(packageRoot, "scripts", "prisma-cli-preload.cjs")
    const child = spawn(process.execPath, ["--require", preload, cli, "migrate", "deploy", "--config", config], {
      cwd: packageRoot,
      env: childEnvironment(url),
      stdio: ["ignore", "pipe", "pipe"]
    })
    let output = ""
    child.stdout.on("data", (chunk) => (output += chunk))
    child.stderr.on("data", (chunk) => (output += chunk))
    child.on("error", reject)
    child.on("close", (code) => (code === 0 ? resolve(output) : reject(new MigrationFailed(url, output))))
  })
}
