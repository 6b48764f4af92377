import "server-only";
import pg from "pg";
import { serverEnv } from "@/lib/env";
import { archiveGeneration } from "@/lib/generations/archive";
import { dispatchGeneration } from "@/lib/generations/dispatch";
import { pipelineSettings } from "@/lib/generations/settings";
import { pollTick, refreshGeneration, resumeStalledWork } from "@/lib/generations/sync";
import { getBoss, QUEUES, stopBoss } from "@/lib/jobs/boss";
import { registerWorkerProcess } from "@/lib/jobs/worker-process";
import type { KlingClient } from "@/lib/kling/client";
import { getKlingClient } from "@/lib/kling/instance";
import { sweepDeadWorkDirs } from "@/lib/storage/work-dir";

// Only one process polls Kling at a time, whatever the number of app instances and workers.
const POLLER_LOCK_KEY = 42_424_201;

type Job = { data: { generationId: string } };

/**
 * The background worker: submit, archive and refresh jobs from pg-boss, plus the poll tick. Runs
 * inside the Next server by default (instrumentation.ts) or alone (`npm run worker`).
 */
export async function startWorker(options: { client?: KlingClient; log?: (line: string) => void } = {}) {
  const client = options.client ?? getKlingClient();
  const log = options.log ?? ((line: string) => console.log(`[worker] ${line}`));
  const boss = await getBoss();
  // Registered before any job runs: rows this process claims are its own while it heartbeats.
  const workerProcess = await registerWorkerProcess(log);
  const { holder } = workerProcess;
  const swept = await sweepDeadWorkDirs();
  if (swept) log(`removed the working files of ${swept} process(es) that died`);
  const each = (handler: (id: string) => Promise<unknown>) => async (jobs: Job[]) => {
    await Promise.all(jobs.map((job) => handler(job.data.generationId)));
  };
  await boss.work<Job["data"]>(
    QUEUES.submit,
    { batchSize: 5, pollingIntervalSeconds: 0.5 },
    each((id) => dispatchGeneration(client, holder, id)),
  );
  await boss.work<Job["data"]>(
    QUEUES.archive,
    { batchSize: 2, pollingIntervalSeconds: 0.5 },
    each((id) => archiveGeneration(client, holder, id)),
  );
  await boss.work<Job["data"]>(
    QUEUES.refresh,
    { batchSize: 5, pollingIntervalSeconds: 0.5 },
    each((id) => refreshGeneration(client, id)),
  );

  // On start, everything left unfinished by an earlier process goes out again.
  const resumed = await resumeStalledWork();
  log(
    `started (poll every ${pipelineSettings().pollIntervalMs / 1000} s${resumed ? `; resumed ${resumed} unfinished generation(s)` : ""})`,
  );

  // The poller lock lives on its own connection: whoever holds it polls, and if that connection
  // drops, Postgres releases the lock and another process (or this one, reconnected) takes over.
  let lockClient: pg.Client | undefined;
  let isPoller = false;
  let stopped = false;
  let ticking = false;
  const connectLockClient = async () => {
    const client = new pg.Client({ connectionString: serverEnv().DATABASE_URL });
    client.on("error", (error) => {
      log(`poller connection lost: ${error.message}`);
      if (lockClient === client) lockClient = undefined;
      isPoller = false;
    });
    await client.connect();
    return client;
  };
  const tick = async () => {
    if (stopped || ticking) return;
    ticking = true;
    try {
      lockClient ??= await connectLockClient();
      if (!isPoller) {
        const { rows } = await lockClient.query<{ locked: boolean }>(
          "SELECT pg_try_advisory_lock($1) AS locked",
          [POLLER_LOCK_KEY],
        );
        isPoller = rows[0].locked;
      }
      if (isPoller) await pollTick(client);
    } catch (error) {
      log(`poll tick failed: ${String(error)}`);
    } finally {
      ticking = false;
    }
  };
  const timer = setInterval(tick, pipelineSettings().pollIntervalMs);
  void tick();

  return {
    holder,
    async stop() {
      stopped = true;
      clearInterval(timer);
      while (ticking) await new Promise((resolve) => setTimeout(resolve, 50));
      await lockClient?.end().catch(() => {});
      await stopBoss();
      await workerProcess.stop();
    },
  };
}
