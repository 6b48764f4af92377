import { type ChildProcess, spawn } from "node:child_process";
import { createWriteStream } from "node:fs";
import path from "node:path";
import { db } from "../../../lib/db";
import { TSX_NODE_ARGS } from "../../../scripts/lib/tsx";

const root = path.resolve(import.meta.dirname, "../../..");

/** A real `npm run worker` process (scripts/worker.ts), on this test's database and emulator. */
export interface WorkerChild {
  child: ChildProcess;
  /** Its worker_process id, once registered. */
  id: string;
  startedAt: number;
}

export async function spawnWorkerChild(
  logFile: string,
  env: Record<string, string> = {},
): Promise<WorkerChild> {
  const startedAt = Date.now();
  const child = spawn(process.execPath, [...TSX_NODE_ARGS, "scripts/worker.ts"], {
    cwd: root,
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const log = createWriteStream(logFile, { flags: "a" });
  child.stdout?.pipe(log);
  child.stderr?.pipe(log);
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`worker exited with ${child.exitCode}; see ${logFile}`);
    const row = await db.workerProcess.findFirst({ where: { pid: child.pid } }).catch(() => null);
    if (row) return { child, id: row.id, startedAt };
    if (Date.now() > deadline) throw new Error(`worker did not register within 60 s; see ${logFile}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** SIGKILL: no chance to clean up, release rows or delete its files. */
export async function killWorkerChild(worker: WorkerChild) {
  await signal(worker, "SIGKILL");
}

export async function stopWorkerChild(worker: WorkerChild) {
  await signal(worker, "SIGTERM");
}

async function signal(worker: WorkerChild, name: NodeJS.Signals) {
  const { child } = worker;
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once("exit", resolve));
  child.kill(name);
  await exited;
}
