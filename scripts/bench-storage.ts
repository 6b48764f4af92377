// npm run bench:storage — prints numbers for scale-out storage (results go in the README):
//   1. archive time (download, probe, poster, store both files, rows), S3 against local disk
//   2. media first-byte time through the studio's media handler, S3 (presigned redirect, and
//      S3_PROXY=1) against local disk
//   3. the many-instance run's throughput (generations archived per minute) with 1 and 2 workers
// Everything on loopback: its own embedded PostgreSQL, emulator, test S3 server; touches nothing else.
// Runs with --conditions=react-server (see package.json) so the auth modules' server-only guard loads.
import { mkdtemp, rm } from "node:fs/promises";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import type { ReadableStream as WebReadableStream } from "node:stream/web";
import { startEmulator } from "../emulator/server";
import { startEmbeddedPostgres } from "../lib/database/embedded";
import { migrate } from "../lib/database/migrate";
import { startCluster } from "../tests/support/cluster";
import { startTestS3Server } from "../tests/support/s3-server";
import { buildIsStale, runNextBuild } from "./lib/build";

const ROUNDS = 3;
const ARCHIVES_PER_ROUND = 8;
const FIRST_BYTE_SAMPLES = 60;
const THROUGHPUT_GENERATIONS = 24;

const workDir = await mkdtemp(path.join(os.tmpdir(), "kling-bench-storage-"));
const postgres = await startEmbeddedPostgres({ dataDir: path.join(workDir, "pg") });
await migrate({ databaseUrl: postgres.url });
const s3 = await startTestS3Server();
Object.assign(process.env, {
  DATABASE_URL: postgres.url,
  DATA_DIR: path.join(workDir, "data"),
  BETTER_AUTH_SECRET: "bench-storage-secret-0123456789abcdef",
  KLING_POLL_INTERVAL_SECONDS: "0.25",
  JOB_LEASE_SECONDS: "5",
  KLING_RETRY_BASE_SECONDS: "0.25",
});
const { db } = await import("../lib/db");
const { resetServerEnv } = await import("../lib/env");
const { resetStorage } = await import("../lib/storage");
const { submitGeneration } = await import("../lib/generations/submit");
const { archiveGeneration } = await import("../lib/generations/archive");
const { startWorker } = await import("../lib/jobs/worker");
const { registerWorkerProcess } = await import("../lib/jobs/worker-process");
const { stopBoss } = await import("../lib/jobs/boss");
const { KlingClient } = await import("../lib/kling/client");
const { resetKlingClient } = await import("../lib/kling/instance");
const { serveStoredFile } = await import("../lib/media/serve");
const { getAuth } = await import("../lib/auth/instance");
const { teamWith } = await import("../tests/integration/helpers/accounts");

type Mode = "local" | "s3" | "s3-proxy";
function switchStorage(mode: Mode) {
  for (const name of Object.keys(s3.env)) delete process.env[name];
  if (mode !== "local") Object.assign(process.env, s3.env, { S3_PROXY: mode === "s3-proxy" ? "1" : "0" });
  resetServerEnv();
  resetStorage();
}
const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
};
const waitUntil = async (check: () => Promise<boolean>) => {
  while (!(await check())) await new Promise((resolve) => setTimeout(resolve, 200));
};
const input = {
  prompt: "Benchmark: a lighthouse in a storm",
  model: "kling-v2-5-turbo",
  mode: "std",
  duration: 5,
  aspectRatio: "16:9",
} as const;

const { team, owner } = await teamWith(getAuth(), "Bench storage");

// 1. Archive time. Real finished Kling tasks (emulator, small videos) archived again and again,
// alternating storages round by round so both see the same machine load.
const emulator = await startEmulator({
  port: 0,
  speed: "fast",
  videoSize: "small",
  concurrencyLimit: 100,
  balanceUnits: 1e9,
});
Object.assign(process.env, {
  KLING_API_BASE: emulator.url,
  KLING_ACCESS_KEY: emulator.accessKey,
  KLING_SECRET_KEY: emulator.secretKey,
});
switchStorage("local");
resetKlingClient();
const client = new KlingClient({
  baseUrl: emulator.url,
  credentials: { accessKey: emulator.accessKey, secretKey: emulator.secretKey },
});
const worker = await startWorker({ client, log: () => {} });
const ids: string[] = [];
for (let index = 0; index < ARCHIVES_PER_ROUND; index++) {
  ids.push((await submitGeneration({ teamId: team.id, userId: owner.user.id, input })).id);
}
await waitUntil(
  async () => (await db.generation.count({ where: { id: { in: ids }, status: "archived" } })) === ids.length,
);
await worker.stop();
await stopBoss();
const archiveMs: Record<"local" | "s3", number[]> = { local: [], s3: [] };
// Archiving is done by a registered worker process: rows it claims are held under its heartbeat.
const benchWorker = await registerWorkerProcess();
for (let round = 0; round < ROUNDS; round++) {
  for (const mode of ["local", "s3"] as const) {
    switchStorage(mode);
    for (const id of ids) {
      await db.asset.deleteMany({ where: { generationId: id } });
      await db.generation.update({
        where: { id },
        data: { status: "succeeded", archiveAttempts: 0, archivedAt: null, nextAttemptAt: new Date(0) },
      });
      const started = performance.now();
      const outcome = await archiveGeneration(client, benchWorker.holder, id);
      if (outcome !== "archived") throw new Error(`archive with ${mode} storage: ${outcome}`);
      archiveMs[mode].push(performance.now() - started);
    }
  }
}
await benchWorker.stop();

// 2. Media first byte, over HTTP through the studio's media handler (the same one the routes call).
const video = await db.asset.findFirstOrThrow({ where: { generationId: ids[0], kind: "video" } });
const studio = createServer(async (request, response) => {
  const answer = await serveStoredFile(
    new Request(`http://bench${request.url}`, { headers: request.headers as Record<string, string> }),
    { storageKey: video.storageKey, contentType: video.contentType },
  );
  response.writeHead(answer.status, Object.fromEntries(answer.headers));
  if (!answer.body) return response.end();
  Readable.fromWeb(answer.body as WebReadableStream).pipe(response);
});
await new Promise<void>((resolve) => studio.listen(0, "127.0.0.1", resolve));
const studioUrl = `http://127.0.0.1:${(studio.address() as AddressInfo).port}/media`;
const firstByteMs: Record<Mode, number[]> = { local: [], s3: [], "s3-proxy": [] };
for (let sample = 0; sample < FIRST_BYTE_SAMPLES; sample++) {
  for (const mode of ["local", "s3", "s3-proxy"] as const) {
    switchStorage(mode);
    const started = performance.now();
    const response = await fetch(studioUrl, { headers: { range: "bytes=0-" } });
    const reader = (response.body as ReadableStream<Uint8Array>).getReader();
    await reader.read();
    firstByteMs[mode].push(performance.now() - started);
    await reader.cancel();
  }
}
studio.close();
await emulator.close();

const ratio = (a: number, b: number) => `${(a / b).toFixed(2)}×`;
const ms = (value: number) => `${value.toFixed(1)} ms`;
console.log("\n| measure | local disk | S3 (test server on loopback) | ratio S3 / local |");
console.log("|---|---|---|---|");
console.log(
  `| archive one small video (median of ${archiveMs.local.length}) | ${ms(median(archiveMs.local))} | ${ms(median(archiveMs.s3))} | ${ratio(median(archiveMs.s3), median(archiveMs.local))} |`,
);
console.log(
  `| media first byte, presigned redirect followed (median of ${FIRST_BYTE_SAMPLES}) | ${ms(median(firstByteMs.local))} | ${ms(median(firstByteMs.s3))} | ${ratio(median(firstByteMs.s3), median(firstByteMs.local))} |`,
);
console.log(
  `| media first byte, S3_PROXY=1 (median of ${FIRST_BYTE_SAMPLES}) | ${ms(median(firstByteMs.local))} | ${ms(median(firstByteMs["s3-proxy"]))} | ${ratio(median(firstByteMs["s3-proxy"]), median(firstByteMs.local))} |`,
);
// 3. Throughput of the many-instance setup: 1 web instance, N workers, S3, no faults.
if (buildIsStale()) await runNextBuild(new AbortController().signal);
const cookie = owner.headers.get("cookie") ?? "";
const throughput: Record<number, { perMinute: number; failed: number }> = {};
for (const workers of [1, 2]) {
  const cluster = await startCluster({
    databaseUrl: postgres.url,
    authSecret: process.env.BETTER_AUTH_SECRET ?? "",
    storageEnv: s3.env,
    webInstances: 1,
    workers,
    generations: THROUGHPUT_GENERATIONS,
  });
  try {
    const started = performance.now();
    // Four people submitting at once, one after another each: all are in long before most are done.
    const made: string[] = [];
    let queued = 0;
    await Promise.all(
      Array.from({ length: 4 }, async () => {
        while (queued < THROUGHPUT_GENERATIONS) {
          queued++;
          made.push(await cluster.submit(cluster.webs[0], cookie, { ...input, teamId: team.id }));
        }
      }),
    );
    // Finished either way: an emulator render can time out on an overloaded machine.
    await waitUntil(
      async () =>
        (await db.generation.count({
          where: { id: { in: made }, status: { in: ["archived", "failed"] } },
        })) === made.length,
    );
    const archived = await db.generation.count({ where: { id: { in: made }, status: "archived" } });
    throughput[workers] = {
      perMinute: archived / ((performance.now() - started) / 60_000),
      failed: made.length - archived,
    };
  } finally {
    await cluster.stop();
  }
}

console.log(
  "\n| many-instance run (1 web instance, S3, emulator fast/small) | generations archived per minute |",
);
console.log("|---|---|");
for (const workers of [1, 2])
  console.log(
    `| ${workers} worker(s), ${THROUGHPUT_GENERATIONS} generations | ${throughput[workers].perMinute.toFixed(1)}${throughput[workers].failed ? ` (${throughput[workers].failed} failed)` : ""} |`,
  );

console.log(
  `\nload average at the end: ${os
    .loadavg()
    .map((value) => value.toFixed(1))
    .join(", ")}`,
);
await db.$disconnect();
await s3.close();
await postgres.stop();
await rm(workDir, { recursive: true, force: true });
process.exit(0);
