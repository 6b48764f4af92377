// npm run bench:pipeline — prints numbers for the generation pipeline (results go in the README):
//   1. upstream requests per poll tick with 200 active tasks, against naive per-task polling
//   2. submit latency (validate + budget + insert + enqueue) p50/p95 with 50 concurrent submits
//   3. emulator "succeed" -> archived in our storage, p50/p95
// Runs on its own throwaway embedded PostgreSQL and emulator; touches nothing else.
import { randomUUID } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { startEmulator } from "../emulator/server";
import { startEmbeddedPostgres } from "../lib/database/embedded";
import { migrate } from "../lib/database/migrate";

const workDir = await mkdtemp(path.join(os.tmpdir(), "kling-bench-"));
const postgres = await startEmbeddedPostgres({ dataDir: path.join(workDir, "pg") });
await migrate({ databaseUrl: postgres.url });
Object.assign(process.env, {
  DATABASE_URL: postgres.url,
  DATA_DIR: path.join(workDir, "data"),
  KLING_POLL_INTERVAL_SECONDS: "0.25",
  WORKER_HEARTBEAT_SECONDS: "0.5",
  WORKER_STALE_SECONDS: "3",
  KLING_RETRY_BASE_SECONDS: "0.25",
  MEMBER_GENERATE_LIMIT: "1000000", // the bench is one member submitting hundreds
});

const { db } = await import("../lib/db");
const { submitGeneration } = await import("../lib/generations/submit");
const { pollTick } = await import("../lib/generations/sync");
const { startWorker } = await import("../lib/jobs/worker");
const { stopBoss, getBoss } = await import("../lib/jobs/boss");
const { KlingClient } = await import("../lib/kling/client");
const { resetKlingClient } = await import("../lib/kling/instance");
const { resetServerEnv } = await import("../lib/env");

const userId = randomUUID();
const teamId = randomUUID();
await db.user.create({ data: { id: userId, name: "Bench", email: "bench@bench.test" } });
await db.organization.create({
  data: { id: teamId, name: "Bench", slug: `bench-${teamId}`, createdAt: new Date() },
});
const input = {
  prompt: "Benchmark: a paper boat on a rainy street",
  model: "kling-v2-5-turbo",
  mode: "std",
  duration: 5,
  aspectRatio: "16:9",
} as const;

function percentiles(values: number[]) {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
  return `p50 ${at(50).toFixed(1)} ms, p95 ${at(95).toFixed(1)} ms (n=${values.length})`;
}

async function pointAt(emulator: Awaited<ReturnType<typeof startEmulator>>) {
  Object.assign(process.env, {
    KLING_API_BASE: emulator.url,
    KLING_ACCESS_KEY: emulator.accessKey,
    KLING_SECRET_KEY: emulator.secretKey,
  });
  resetServerEnv();
  resetKlingClient();
  return new KlingClient({
    baseUrl: emulator.url,
    credentials: { accessKey: emulator.accessKey, secretKey: emulator.secretKey },
  });
}

async function waitUntil(check: () => Promise<boolean>, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error("timed out");
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

// 1 + 2: tasks that stay "processing" for a long time, so 200 are active at once.
{
  const emulator = await startEmulator({
    port: 0,
    submittedMs: 100,
    processingMs: 600_000,
    concurrencyLimit: 1000,
    balanceUnits: 1e9,
    videoSize: "small",
  });
  const client = await pointAt(emulator);
  await getBoss();
  const latencies: number[] = [];
  await Promise.all(
    Array.from({ length: 50 }, async () => {
      const started = performance.now();
      await submitGeneration({ teamId, userId, input });
      latencies.push(performance.now() - started);
    }),
  );
  console.log(`submit latency, 50 concurrent submits: ${percentiles(latencies)}`);
  for (let index = 0; index < 150; index++) await submitGeneration({ teamId, userId, input });
  const worker = await startWorker({ client, log: () => {} });
  await waitUntil(
    async () => (await db.generation.count({ where: { status: "processing" } })) === 200,
    120_000,
  );
  await worker.stop();
  const ticks: number[] = [];
  for (let tick = 0; tick < 5; tick++) ticks.push((await pollTick(client)).upstreamRequests);
  console.log(
    `poll tick with 200 active tasks: ${Math.max(...ticks)} upstream request(s) per tick (naive per-task polling: 200)`,
  );
  await db.generation.deleteMany({});
  await emulator.close();
}

// 3: succeed -> archived.
{
  const emulator = await startEmulator({
    port: 0,
    speed: "fast",
    videoSize: "small",
    concurrencyLimit: 1000,
    balanceUnits: 1e9,
  });
  const client = await pointAt(emulator);
  const worker = await startWorker({ client, log: () => {} });
  const ids: string[] = [];
  for (let index = 0; index < 20; index++) ids.push((await submitGeneration({ teamId, userId, input })).id);
  await waitUntil(
    async () =>
      (await db.generation.count({ where: { id: { in: ids }, status: "archived" } })) === ids.length,
    180_000,
  );
  const rows = await db.generation.findMany({ where: { id: { in: ids } } });
  const lags = rows.map((row) => (row.archivedAt as Date).getTime() - (row.completedAt as Date).getTime());
  console.log(`emulator succeed -> archived (poll interval 0.25 s, small videos): ${percentiles(lags)}`);
  await worker.stop();
  await emulator.close();
}

await stopBoss();
await db.$disconnect();
await postgres.stop();
await rm(workDir, { recursive: true, force: true });
