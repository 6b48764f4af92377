// npm start | npm run dev | npm run build | npm run db — the one way to run Kling Studio.
// Order matters: cheap checks first (data dir, lock, port), then the database and migrations,
// then the build, then the Kling emulator, then Next. Every started part registers its own stop,
// and a signal at any moment unwinds exactly what was started.
import { type ChildProcess, spawn } from "node:child_process";
import path from "node:path";
import { startEmbeddedPostgres } from "../lib/database/embedded";
import { migrate } from "../lib/database/migrate";
import { type AppConfig, appConfig } from "../lib/env";
import { CatalogError, loadCatalog } from "../lib/kling/catalog";
import { buildIsStale, runNextBuild } from "./lib/build";
import {
  assertDatabaseReachable,
  assertPortFree,
  assertWritableDataDir,
  describeDatabaseUrl,
} from "./lib/checks";
import { LaunchError } from "./lib/errors";
import { startKling } from "./lib/kling";
import { acquireDataDirLock } from "./lib/lock";
import { ensurePrismaClient } from "./lib/prisma-generate";
import { ensureAuthSecret } from "./lib/secrets";
import { assertStorageReady } from "./lib/storage";

type Mode = "start" | "dev" | "build" | "db";
const MODES: Mode[] = ["start", "dev", "build", "db"];

const root = path.resolve(import.meta.dirname, "..");
const cleanups: Array<() => Promise<void> | void> = [];
const aborter = new AbortController();
let stopping = false;

main().catch(async (error) => {
  if (stopping) return;
  if (error instanceof LaunchError) console.error(`Error: ${error.message}`);
  else console.error(error);
  await shutdown(1);
});

async function main() {
  const mode = process.argv[2] as Mode;
  if (!MODES.includes(mode)) throw new LaunchError(`Usage: tsx scripts/launch.ts ${MODES.join("|")}`);
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) process.on(signal, () => void shutdown(0));
  // Whatever goes wrong, the embedded database (its own process group) must not outlive us.
  process.on("uncaughtException", (error) => {
    console.error(error);
    void shutdown(1);
  });

  let config: AppConfig;
  try {
    config = appConfig();
  } catch (error) {
    throw new LaunchError((error as Error).message);
  }
  ensurePrismaClient();
  if (mode === "build") {
    await runNextBuild(aborter.signal);
    return;
  }

  try {
    loadCatalog(config.KLING_CATALOG_FILE);
  } catch (error) {
    if (error instanceof CatalogError) throw new LaunchError(error.message);
    throw error;
  }
  const port = config.PORT;
  const dataDir = path.resolve(root, config.DATA_DIR);
  assertWritableDataDir(dataDir);
  cleanups.push(acquireDataDirLock(dataDir));
  if (mode !== "db") await assertPortFree(port);
  const storage = mode === "db" ? "" : await assertStorageReady(dataDir);

  const database = await ensureDatabase(dataDir);
  const migrations = await migrate({ databaseUrl: database.url, log: (line) => console.log(`  ${line}`) });
  if (mode === "db") {
    console.log(
      `Database ready (${database.description}; ${migrations.applied.length} migration(s) applied).`,
    );
    console.log(`DATABASE_URL=${database.url}`);
    return; // keeps running until a signal, so the embedded server stays up
  }

  if (mode === "start" && buildIsStale()) {
    console.log("Building the studio (sources changed since the last build)…");
    await runNextBuild(aborter.signal);
  }

  const authSecret = await ensureAuthSecret(database.url);
  const kling = await startKling({ dataDir, signal: aborter.signal });
  cleanups.push(kling.stop);

  const server = startNext(mode, port, {
    DATABASE_URL: database.url,
    DATA_DIR: dataDir,
    PORT: String(port),
    BETTER_AUTH_SECRET: authSecret,
    ...kling.env,
  });
  console.log(`\nKling Studio is running at http://localhost:${port}`);
  console.log(`  database: ${database.description}`);
  console.log(`  kling:    ${kling.description}`);
  console.log(`  storage:  ${storage}`);
  console.log("  Press Ctrl-C to stop.\n");
  server.on("exit", (code) => {
    if (!stopping) {
      console.error(`The Next.js server exited (code ${code}).`);
      void shutdown(code || 1);
    }
  });
}

async function ensureDatabase(dataDir: string) {
  const external = appConfig().DATABASE_URL;
  if (external) {
    await assertDatabaseReachable(external);
    return { url: external, description: `external PostgreSQL at ${describeDatabaseUrl(external)}` };
  }
  console.log("Starting embedded PostgreSQL…");
  const starting = startEmbeddedPostgres({
    dataDir,
    log: (line) => console.log(`  ${line}`),
    signal: aborter.signal,
  });
  // Registered before start-up finishes: on Ctrl-C the abort signal interrupts initdb or the
  // readiness wait, and this waits for that to unwind before the launcher exits.
  cleanups.push(async () => {
    const started = await starting.catch(() => undefined);
    await started?.stop();
  });
  const embedded = await starting;
  return {
    url: embedded.url,
    description: `embedded PostgreSQL on 127.0.0.1:${embedded.port} (data in ${displayPath(dataDir)}/postgres)`,
  };
}

function startNext(mode: "start" | "dev", port: number, env: Record<string, string>): ChildProcess {
  const child = spawn(
    process.execPath,
    [path.join(root, "node_modules/next/dist/bin/next"), mode, "-p", String(port)],
    {
      cwd: root,
      stdio: "inherit",
      env: { ...process.env, ...env, NEXT_TELEMETRY_DISABLED: "1" },
    },
  );
  cleanups.push(
    () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
        setTimeout(() => child.kill("SIGKILL"), 10_000).unref();
      }),
  );
  return child;
}

function displayPath(directory: string) {
  const relative = path.relative(root, directory);
  return relative && !relative.startsWith("..") ? relative : directory;
}

async function shutdown(code: number) {
  if (stopping) return;
  stopping = true;
  aborter.abort(new LaunchError("stopped"));
  for (const cleanup of cleanups.reverse()) {
    try {
      await cleanup();
    } catch (error) {
      console.error("While stopping:", error);
    }
  }
  process.exit(code);
}
