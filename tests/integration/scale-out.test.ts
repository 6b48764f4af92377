import { createHash } from "node:crypto";
import { ListObjectsV2Command } from "@aws-sdk/client-s3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getAuth } from "../../lib/auth/instance";
import { db } from "../../lib/db";
import { S3Storage } from "../../lib/storage/s3";
import { buildIsStale, runNextBuild } from "../../scripts/lib/build";
import { type Cluster, killHard, startCluster, type Web } from "../support/cluster";
import { overlappingLists } from "../support/kling-recorder";
import { startTestS3Server, type TestS3Server } from "../support/s3-server";
import { teamWith } from "./helpers/accounts";
import { appDatabaseForThisFile } from "./helpers/database";
import { BASE_REQUEST } from "./helpers/pipeline";

// Issue 16: 2 web instances + 2 workers, one PostgreSQL, one S3 server, 40 generations through
// both web instances with Kling faults on; one web instance and one worker SIGKILLed midway.
const GENERATIONS = 40;
const FAULTS = [
  // The task is created but the answer is lost: recovery must look it up, never POST again.
  { kind: "response_lost", scope: "create", probability: 0.25 },
  { kind: "http_500", scope: "list", probability: 0.2 },
  { kind: "latency", scope: "list", probability: 0.4, latencyMs: 300 },
  { kind: "http_503", scope: "query", probability: 0.2 },
] as const;

const database = appDatabaseForThisFile();
let s3: TestS3Server;
let cluster: Cluster;
let cookie: string;
let teamId: string;
const ids: string[] = [];

beforeAll(async () => {
  // One production build shared by every web instance (and by Playwright's `npm start` later).
  if (buildIsStale()) await runNextBuild(new AbortController().signal);
  s3 = await startTestS3Server();
  const { owner, team } = await teamWith(getAuth(), "Scale team");
  cookie = owner.headers.get("cookie") ?? "";
  teamId = team.id;
  cluster = await startCluster({
    databaseUrl: database.url,
    authSecret: process.env.BETTER_AUTH_SECRET ?? "",
    storageEnv: s3.env,
    webInstances: 2,
    workers: 2,
    faults: [...FAULTS],
    generations: GENERATIONS,
    seed: 16, // the same fault dice every run
  });
}, 900_000);

afterAll(async () => {
  await cluster?.stop();
  await s3?.close();
});

describe("many instances against one PostgreSQL and one bucket", () => {
  it("archives 40 generations exactly once through SIGKILLed web instances and workers", async () => {
    const [webA, webB] = cluster.webs;
    const [worker1] = cluster.workers;
    const started = performance.now();
    const prompt = (index: number) => `${BASE_REQUEST.prompt} (take ${index + 1})`;
    const submitRange = async (from: number, to: number, webs: Web[]) => {
      for (let index = from; index < to; index += 2) {
        const batch = [index, index + 1].filter((value) => value < to);
        const made = await Promise.all(
          batch.map((value) =>
            cluster.submit(webs[value % webs.length], cookie, {
              ...BASE_REQUEST,
              prompt: prompt(value),
              teamId,
            }),
          ),
        );
        ids.push(...made);
      }
    };
    await submitRange(0, GENERATIONS / 2, [webA, webB]);
    // Midway: half submitted, work in flight; both die without any shutdown hook running.
    await Promise.all([killHard(webA.process), killHard(worker1)]);
    await submitRange(GENERATIONS / 2, GENERATIONS, [webB]);
    expect(new Set(ids).size).toBe(GENERATIONS);

    const rows = await waitForAllArchived(ids);
    // Exactly one create POST per generation, as Kling (the emulator, via the recorder) saw them.
    const creates = cluster.recorder.calls.filter((call) => call.kind === "create");
    expect(creates).toHaveLength(GENERATIONS);
    for (const id of ids) {
      expect(cluster.emulator.tasks().filter((task) => task.externalTaskId === id)).toHaveLength(1);
    }
    // The faults really fired, so recovery paths ran.
    const lost = cluster.emulator.faults.list().find((rule) => rule.kind === "response_lost");
    expect(lost?.fired ?? 0).toBeGreaterThan(0);

    // Archived once: one video and one poster row each, and exactly those objects in the bucket.
    for (const row of rows) expect(row.assets.map((asset) => asset.kind).sort()).toEqual(["poster", "video"]);
    const keys = await listBucket(`teams/${teamId}/`);
    expect(keys.sort()).toEqual(rows.flatMap((row) => row.assets.map((asset) => asset.storageKey)).sort());
    expect(await cluster.localMediaFiles()).toEqual([]);

    // One poller at a time: no two answered poll lists were ever in flight together.
    expect(cluster.recorder.calls.filter((call) => call.kind === "list").length).toBeGreaterThan(0);
    expect(overlappingLists(cluster.recorder.calls)).toEqual([]);

    // Every video plays from both instances: the killed one comes back, both redirect to the bucket.
    const fired = cluster.emulator.faults.list().map((rule) => `${rule.kind}/${rule.scope} ×${rule.fired}`);
    console.log(
      `[scale-out] ${GENERATIONS} archived in ${((performance.now() - started) / 1000).toFixed(1)} s; creates ${creates.length}; poll lists ${cluster.recorder.calls.filter((call) => call.kind === "list").length}; faults fired: ${fired.join(", ")}`,
    );
    const webA2 = await cluster.startWeb("web-1-restarted", webA.port);
    for (const web of [webA2, webB]) {
      for (const row of rows) {
        const video = row.assets.find((asset) => asset.kind === "video");
        expect(await fetchVideoSha256(web, video?.id ?? "")).toBe(video?.sha256);
      }
    }
  }, 600_000);
});

async function waitForAllArchived(generationIds: string[]) {
  for (;;) {
    const rows = await db.generation.findMany({
      where: { id: { in: generationIds } },
      include: { assets: true },
    });
    const broken = rows.filter((row) => ["failed", "timed_out", "canceled"].includes(row.status));
    if (broken.length)
      throw new Error(
        `not archived: ${broken.map((row) => `${row.id} ${row.status} ${row.errorMessage}`).join("; ")}`,
      );
    if (rows.length === generationIds.length && rows.every((row) => row.status === "archived")) return rows;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

async function listBucket(prefix: string) {
  const storage = new S3Storage({
    bucket: s3.bucket,
    region: "us-east-1",
    endpoint: s3.endpoint,
    accessKeyId: s3.accessKeyId,
    secretAccessKey: s3.secretAccessKey,
    forcePathStyle: true,
  });
  const keys: string[] = [];
  let token: string | undefined;
  do {
    const page = await storage.client.send(
      new ListObjectsV2Command({ Bucket: s3.bucket, Prefix: prefix, ContinuationToken: token }),
    );
    keys.push(...(page.Contents ?? []).map((object) => object.Key ?? ""));
    token = page.NextContinuationToken;
  } while (token);
  return keys;
}

/** The team media URL as the <video> element uses it: redirect to the bucket, then the bytes. */
async function fetchVideoSha256(web: Web, assetId: string) {
  const redirect = await fetch(`${web.url}/api/media/${assetId}`, {
    headers: { cookie },
    redirect: "manual",
  });
  expect(redirect.status).toBe(302);
  const location = redirect.headers.get("location") ?? "";
  expect(location.startsWith(s3.endpoint)).toBe(true);
  const response = await fetch(location, { headers: { range: "bytes=0-" } });
  expect(response.status).toBe(206);
  return createHash("sha256")
    .update(Buffer.from(await response.arrayBuffer()))
    .digest("hex");
}
