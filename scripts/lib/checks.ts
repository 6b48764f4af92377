import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import path from "node:path";
import pg from "pg";
import { LaunchError } from "./errors";

export function assertWritableDataDir(dataDir: string) {
  const probe = path.join(dataDir, `.write-probe-${process.pid}`);
  try {
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(probe, "");
    rmSync(probe);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? "error";
    throw new LaunchError(
      `DATA_DIR ${dataDir} is not writable (${code}). Set DATA_DIR to a writable directory.`,
    );
  }
}

export function assertPortFree(port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", (error: NodeJS.ErrnoException) =>
      reject(
        new LaunchError(
          error.code === "EADDRINUSE"
            ? `Port ${port} is already in use. Stop what is using it or set PORT to another port.`
            : `Cannot listen on port ${port}: ${error.code ?? error.message}`,
        ),
      ),
    );
    server.listen(port, () => server.close(() => resolve()));
  });
}

const CONNECT_TIMEOUT_MS = 8_000;

/** Fails within ~8 s with the host named (never the password) when DATABASE_URL cannot be reached. */
export async function assertDatabaseReachable(databaseUrl: string) {
  const target = describeDatabaseUrl(databaseUrl);
  const client = new pg.Client({
    connectionString: databaseUrl,
    connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
  });
  client.on("error", () => {}); // reported through connect() below
  try {
    await client.connect();
    await client.query("SELECT 1");
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    throw new LaunchError(`Cannot reach the database at ${target} (DATABASE_URL): ${reason}`);
  } finally {
    await client.end().catch(() => {});
  }
}

export function describeDatabaseUrl(databaseUrl: string) {
  try {
    const url = new URL(databaseUrl);
    return `${url.hostname}:${url.port || 5432}${url.pathname}`;
  } catch {
    throw new LaunchError(
      "DATABASE_URL is not a valid URL (expected postgresql://user:password@host:5432/database).",
    );
  }
}
