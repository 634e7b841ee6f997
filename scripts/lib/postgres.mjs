// A throwaway PostgreSQL server on 127.0.0.1 for tests and for generating migrations, from
// Debian's postgresql package (installed when missing and we are root), never from the network
// beyond Debian's own mirrors.
import { execFileSync, spawnSync } from "node:child_process"
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs"
import { createServer } from "node:net"
import { tmpdir } from "node:os"
import { join } from "node:path"

const INSTALL_HINT = "sudo apt-get install -y postgresql"

const findBinDir = () => {
  const root = "/usr/lib/postgresql"
  if (!existsSync(root)) return null
  const versions = readdirSync(root)
    .filter((v) => existsSync(join(root, v, "bin", "initdb")))
    .sort((a, b) => Number(b) - Number(a))
  return versions.length === 0 ? null : join(root, versions[0], "bin")
}

const isRoot = () => typeof process.getuid === "function" && process.getuid() === 0

/** Finds PostgreSQL's server binaries, installing Debian's package when missing and allowed. */
export const ensurePostgresBinaries = ({ log = console.error } = {}) => {
  let bin = findBinDir()
  if (bin !== null) return bin
  if (!isRoot()) throw new Error(`PostgreSQL server binaries are missing. Install them with:\n  ${INSTALL_HINT}`)
  log("Installing Debian's postgresql package (apt-get) …")
  execFileSync("apt-get", ["update", "-qq"], { stdio: "inherit" })
  execFileSync("apt-get", ["install", "-y", "-qq", "postgresql"], {
    stdio: "inherit",
    env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" }
  })
  bin = findBinDir()
  if (bin === null) throw new Error(`PostgreSQL is still missing after apt-get. Install it with:\n  ${INSTALL_HINT}`)
  return bin
}

const freePort = () =>
  new Promise((resolve, reject) => {
    const server = createServer()
    server.unref()
    server.on("error", reject)
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address()
      server.close(() => resolve(port))
    })
  })

/**
 * Starts a fresh PostgreSQL cluster in a temporary directory (trust auth on 127.0.0.1 only) and
 * resolves with its URL and a `stop()` that removes it. initdb refuses to run as root, so as root the
 * server runs as the `postgres` system user.
 */
export const startThrowawayPostgres = async ({ log = console.error } = {}) => {
  const bin = ensurePostgresBinaries({ log })
  const dir = mkdtempSync(join(tmpdir(), "fundguard-pg-"))
  const data = join(dir, "data")
  const asServerUser = isRoot()
  if (asServerUser) {
    chmodSync(dir, 0o755)
    const uid = Number(execFileSync("id", ["-u", "postgres"]).toString().trim())
    const gid = Number(execFileSync("id", ["-g", "postgres"]).toString().trim())
    chownSync(dir, uid, gid)
  }
  const run = (cmd, args) => {
    const [file, argv] = asServerUser
      ? ["runuser", ["-u", "postgres", "--", join(bin, cmd), ...args]]
      : [join(bin, cmd), args]
    const result = spawnSync(file, argv, { encoding: "utf8" })
    if (result.status !== 0) throw new Error(`${cmd} failed:\n${result.stdout}\n${result.stderr}`)
  }
  run("initdb", ["-D", data, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--locale=C", "--no-sync"])
  const port = await freePort()
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200`
  run("pg_ctl", ["-D", data, "-l", join(dir, "server.log"), "-o", options, "-w", "-t", "60", "start"])
  const url = `postgresql://postgres@127.0.0.1:${port}/postgres`
  let stopped = false
  const stop = () => {
    if (stopped) return
    stopped = true
    try {
      run("pg_ctl", ["-D", data, "-m", "immediate", "-w", "stop"])
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  }
  return { url, port, stop }
}
