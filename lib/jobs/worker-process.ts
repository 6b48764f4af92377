import "server-only";
import { randomUUID } from "node:crypto";
import os from "node:os";
import { db } from "@/lib/db";
import { pipelineSettings } from "@/lib/generations/settings";

/**
 * A running worker process as other processes see it: a row in worker_process whose heartbeat it
 * refreshes every second, on the database clock. Rows it holds (generation.leaseOwner) stay its
 * own while the heartbeat is fresh, however slow its step; once it stops (SIGKILL, power loss),
 * they are free within WORKER_STALE_SECONDS. No lease length has to guess how long a step takes.
 */
export interface Holder {
  readonly id: string;
  /** Rows this process is working on right now (anything else it holds is released). */
  readonly inFlight: Set<string>;
  /**
   * False once the last successful heartbeat is older than half the staleness window: others may
   * soon take our rows over, so nothing irreversible (a create POST) may start.
   */
  isAlive(): boolean;
}

export interface WorkerProcess {
  holder: Holder;
  stop(): Promise<void>;
}

export async function registerWorkerProcess(log: (line: string) => void = () => {}): Promise<WorkerProcess> {
  const id = randomUUID();
  const host = os.hostname();
  const { heartbeatMs, staleMs } = pipelineSettings();
  await removeDeadNeighbours(host, log);
  await db.workerProcess.create({ data: { id, host, pid: process.pid } });
  let lastBeat = performance.now();
  const holder: Holder = {
    id,
    inFlight: new Set(),
    isAlive: () => performance.now() - lastBeat < staleMs / 2,
  };
  let beating: Promise<void> | undefined;
  const beat = async () => {
    try {
      // Re-created if it went missing (a database that was restored or cleared meanwhile).
      await db.$executeRaw`
        INSERT INTO "worker_process" ("id", "host", "pid") VALUES (${id}, ${host}, ${process.pid})
        ON CONFLICT ("id") DO UPDATE SET "heartbeatAt" = CURRENT_TIMESTAMP`;
      lastBeat = performance.now();
      // Rows left held by a step that ended without releasing them (its database call failed).
      await db.$executeRaw`
        UPDATE "generation" SET "leaseOwner" = NULL, "leasedAt" = NULL
        WHERE "leaseOwner" = ${id} AND NOT ("id" = ANY(${[...holder.inFlight]}::text[]))`;
    } catch (error) {
      log(`heartbeat failed: ${(error as Error).message}`);
    }
  };
  const timer = setInterval(() => {
    beating ??= beat().finally(() => {
      beating = undefined;
    });
  }, heartbeatMs);
  timer.unref();
  return {
    holder,
    async stop() {
      clearInterval(timer);
      await beating;
      await db.workerProcess.delete({ where: { id } }).catch(() => {});
    },
  };
}

/**
 * On start, a worker that died on this host (its pid is gone) is removed at once: its rows are
 * taken over now rather than when its heartbeat goes stale. Long-dead entries anywhere go too.
 */
async function removeDeadNeighbours(host: string, log: (line: string) => void) {
  const neighbours = await db.workerProcess.findMany({ where: { host }, select: { id: true, pid: true } });
  const dead = neighbours.filter((worker) => !isRunning(worker.pid)).map((worker) => worker.id);
  if (dead.length > 0) {
    await db.workerProcess.deleteMany({ where: { id: { in: dead } } });
    log(`took over from ${dead.length} worker(s) that died on this host`);
  }
  await db.workerProcess.deleteMany({ where: { heartbeatAt: { lt: new Date(Date.now() - 86_400_000) } } });
}

function isRunning(pid: number) {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}
