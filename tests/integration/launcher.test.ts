import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { createServer, type Server } from "node:net";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterEach, describe, expect, it } from "vitest";
import { findFreePort } from "../../lib/database/embedded";
import { TSX_NODE_ARGS } from "../../scripts/lib/tsx";

const root = path.resolve(import.meta.dirname, "../..");
const running: ChildProcess[] = [];
const tempDirs: string[] = [];

afterEach(async () => {
  for (const child of running.splice(0)) {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill("SIGTERM");
      await new Promise((resolve) => child.once("exit", resolve));
    }
  }
  for (const dir of tempDirs.splice(0)) await rm(dir, { recursive: true, force: true });
});

interface Launch {
  child: ChildProcess;
  output: () => string;
  exited: Promise<{ code: number | null; elapsedMs: number }>;
  waitFor: (pattern: RegExp) => Promise<string>;
}

function launch(mode: string, env: Record<string, string | undefined>): Launch {
  const started = Date.now();
  const child = spawn(process.execPath, [...TSX_NODE_ARGS, "scripts/launch.ts", mode], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: undefined, KLING_API_KEY: undefined, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  running.push(child);
  let output = "";
  const waiters: Array<{ pattern: RegExp; resolve: (match: string) => void }> = [];
  const onData = (chunk: Buffer) => {
    output += chunk.toString();
    for (const waiter of [...waiters]) {
      const match = output.match(waiter.pattern);
      if (match) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve(match[0]);
      }
    }
  };
  child.stdout?.on("data", onData);
  child.stderr?.on("data", onData);
  const exited = new Promise<{ code: number | null; elapsedMs: number }>((resolve) =>
    child.once("exit", (code) => resolve({ code, elapsedMs: Date.now() - started })),
  );
  return {
    child,
    output: () => output,
    exited,
    waitFor: (pattern) =>
      new Promise((resolve, reject) => {
        const match = output.match(pattern);
        if (match) return resolve(match[0]);
        waiters.push({ pattern, resolve });
        exited.then(() => setTimeout(() => reject(new Error(`exited before ${pattern}:\n${output}`)), 50));
      }),
  };
}

async function tempDir() {
  const dir = await mkdtemp(path.join(os.tmpdir(), "kling-studio-launch-"));
  tempDirs.push(dir);
  return dir;
}

/** initdb and postgres processes whose command line mentions the data directory. */
function processesUsing(dataDir: string): number[] {
  return readdirSync("/proc")
    .filter((entry) => /^\d+$/.test(entry))
    .filter((pid) => {
      try {
        const args = readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0");
        return !args.includes("scripts/launch.ts") && args.some((arg) => arg.includes(dataDir));
      } catch {
        return false;
      }
    })
    .map(Number);
}

describe("launcher faults", () => {
  it("refuses a port that is in use with one line naming the port", async () => {
    const blocker: Server = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, resolve));
    const port = (blocker.address() as { port: number }).port;
    try {
      const run = launch("start", { PORT: String(port), DATA_DIR: await tempDir() });
      const { code } = await run.exited;
      expect(code).not.toBe(0);
      const lines = run.output().trim().split("\n");
      expect(lines).toEqual([
        `Error: Port ${port} is already in use. Stop what is using it or set PORT to another port.`,
      ]);
    } finally {
      blocker.close();
    }
  });

  it("names a DATA_DIR that is not writable", async () => {
    const file = path.join(await tempDir(), "not-a-directory");
    await writeFile(file, "");
    const dataDir = path.join(file, "data");
    const run = launch("start", { DATA_DIR: dataDir, PORT: "0" });
    const { code } = await run.exited;
    expect(code).not.toBe(0);
    expect(run.output()).toContain(`Error: DATA_DIR ${dataDir} is not writable`);
  });

  it("refuses an invalid KLING_CATALOG_FILE before starting anything", async () => {
    const dir = await tempDir();
    const file = path.join(dir, "catalog.json");
    await writeFile(file, JSON.stringify({ pricing: { usdPerUnit: "cheap" } }));
    const run = launch("start", { DATA_DIR: dir, PORT: "0", KLING_CATALOG_FILE: file });
    const { code } = await run.exited;
    expect(code).not.toBe(0);
    expect(run.output()).toMatch(
      new RegExp(`^Error: KLING_CATALOG_FILE ${file} is invalid: pricing\\.usdPerUnit: `),
    );
  });

  it.each([
    ["refused connection", "postgresql://studio:secret@127.0.0.1:1/studio", "ECONNREFUSED"],
    ["unroutable host", "postgresql://studio:secret@10.255.255.1:5432/studio", ""],
  ])(
    "fails clearly within 10 s when DATABASE_URL is unreachable (%s)",
    async (_label, url, reason) => {
      const run = launch("start", { DATA_DIR: await tempDir(), PORT: "0", DATABASE_URL: url });
      const { code, elapsedMs } = await run.exited;
      expect(code).not.toBe(0);
      expect(elapsedMs).toBeLessThan(10_000 + 3_000); // + tsx start-up; the bound under test is the launcher's own
      expect(run.output()).toMatch(
        /Error: Cannot reach the database at (127\.0\.0\.1:1|10\.255\.255\.1:5432)\/studio \(DATABASE_URL\)/,
      );
      expect(run.output()).toContain(reason);
      expect(run.output()).not.toContain("secret");
    },
    20_000,
  );
});

describe("embedded database lifecycle", () => {
  it.each([200, 1500])(
    "leaves no postgres process and no broken cluster when interrupted %i ms into the first start",
    async (delayMs) => {
      const dataDir = await tempDir();
      const run = launch("db", { DATA_DIR: dataDir });
      await run.waitFor(/Initialising embedded PostgreSQL/);
      await new Promise((resolve) => setTimeout(resolve, delayMs));
      run.child.kill("SIGINT");
      await run.exited;
      expect(processesUsing(dataDir)).toEqual([]);
      expect(existsSync(path.join(dataDir, "studio.lock"))).toBe(false);

      const again = launch("db", { DATA_DIR: dataDir });
      await again.waitFor(/DATABASE_URL=\S+/);
      again.child.kill("SIGINT");
      expect((await again.exited).code).toBe(0);
      expect(processesUsing(dataDir)).toEqual([]);
    },
    60_000,
  );

  it("keeps data across restarts, refuses a second launcher on the same DATA_DIR, and stops cleanly", async () => {
    const dataDir = await tempDir();
    const first = launch("db", { DATA_DIR: dataDir });
    const url = (await first.waitFor(/DATABASE_URL=\S+/)).slice("DATABASE_URL=".length);
    await withClient(url, (client) =>
      client.query(`INSERT INTO "AppSetting" (key, value) VALUES ('probe', 'kept')`),
    );

    const second = launch("db", { DATA_DIR: dataDir });
    const { code } = await second.exited;
    expect(code).not.toBe(0);
    expect(second.output()).toContain(
      `Kling Studio is already running with DATA_DIR=${dataDir} (pid ${first.child.pid})`,
    );

    first.child.kill("SIGTERM");
    expect((await first.exited).code).toBe(0);
    expect(processesUsing(dataDir)).toEqual([]);

    const again = launch("db", { DATA_DIR: dataDir });
    const secondUrl = (await again.waitFor(/DATABASE_URL=\S+/)).slice("DATABASE_URL=".length);
    const rows = await withClient(secondUrl, (client) =>
      client.query(`SELECT value FROM "AppSetting" WHERE key = 'probe'`),
    );
    expect(rows.rows).toEqual([{ value: "kept" }]);
    expect(again.output()).not.toContain("Applying migration"); // already applied: no-op
  }, 120_000);
});

describe("npm run dev", () => {
  it("serves the studio with the dev server against the embedded database and the emulator, and stops cleanly", async () => {
    const dataDir = await tempDir();
    const port = await findFreePort();
    const run = launch("dev", { DATA_DIR: dataDir, PORT: String(port) });
    await run.waitFor(/kling: +Kling emulator/);
    expect(run.output()).toContain(`Kling Studio is running at http://localhost:${port}`);
    expect(run.output()).toMatch(/database: embedded PostgreSQL on 127\.0\.0\.1:\d+/);
    expect(run.output()).toMatch(/kling: +Kling emulator at http:\/\/127\.0\.0\.1:\d+/);
    let health: Response | undefined;
    for (let attempt = 0; attempt < 120 && health?.status !== 200; attempt++) {
      health = await fetch(`http://127.0.0.1:${port}/api/health`).catch(() => undefined);
      if (health?.status !== 200) await new Promise((resolve) => setTimeout(resolve, 500));
    }
    // Anonymous: up or down only (details are for owners and admins, tests/integration/health.test.ts).
    expect(await health?.json()).toEqual({ status: "ok" });
    run.child.kill("SIGINT");
    expect((await run.exited).code).toBe(0);
    expect(processesUsing(dataDir)).toEqual([]);
  }, 120_000);
});

async function withClient<T>(url: string, run: (client: pg.Client) => Promise<T>) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}
