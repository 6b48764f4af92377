// npm run bench:gallery — with 100,000 generations in one team: gallery first page and a deep
// cursor page p50/p95, full-text search p50/p95 (target p95 < 50 ms each), and time to first byte
// of a shared video page. Own throwaway embedded PostgreSQL and studio (port 3201); prints numbers.
import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes, randomUUID } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { startEmbeddedPostgres } from "../lib/database/embedded";
import { migrate } from "../lib/database/migrate";
import { TSX_NODE_ARGS } from "./lib/tsx";

const ROWS = 100_000;
const RUNS = 60;
const root = path.resolve(import.meta.dirname, "..");
const workDir = await mkdtemp(path.join(os.tmpdir(), "kling-bench-gallery-"));
const postgres = await startEmbeddedPostgres({ dataDir: path.join(workDir, "pg") });
await migrate({ databaseUrl: postgres.url });
process.env.DATABASE_URL = postgres.url;

const teamId = randomUUID();
const userId = randomUUID();
const seedStarted = performance.now();
const client = new pg.Client({ connectionString: postgres.url });
await client.connect();
await client.query(
  `INSERT INTO "user" (id, name, email, "updatedAt") VALUES ($1, 'Bench', 'bench@bench.test', now())`,
  [userId],
);
await client.query(
  `INSERT INTO "organization" (id, name, slug, "createdAt") VALUES ($1, 'Bench', $2, now())`,
  [teamId, `bench-${teamId}`],
);
// Prompts from a small vocabulary, so searches match a realistic share of rows.
await client.query(
  `WITH words AS (SELECT ARRAY['fox','lighthouse','storm','neon','market','desert','forest','ocean','city','dragon','robot','garden',
     'mountain','river','castle','train','rain','snow','sunset','dancer','violin','coffee','spaceship','butterfly'] AS w)
   INSERT INTO "generation" (id, "teamId", "authorId", status, request, prompt, model, mode, duration, "aspectRatio",
     "estimatedUnits", "createdAt", "updatedAt", "reviewState", "ratingAverage", "ratingCount")
   SELECT md5(i::text)::uuid::text, $1, $2, 'archived', '{}'::jsonb,
     'A ' || w[1 + (i * 7) % 24] || ' and a ' || w[1 + (i * 13) % 24] || ' near the ' || w[1 + (i * 17) % 24] || ', cinematic shot ' || i,
     (ARRAY['kling-v1','kling-v2-6','kling-v3'])[1 + i % 3], 'std', 5, '16:9', 1.5,
     now() - (i || ' minutes')::interval, now(),
     (ARRAY['none','none','approved','changes_requested','rejected'])[1 + i % 5],
     CASE WHEN i % 5 = 0 THEN 1 + (i % 5) END, CASE WHEN i % 5 = 0 THEN 1 ELSE 0 END
   FROM generate_series(1, $3) AS i, words`,
  [teamId, userId, ROWS],
);
await client.query(`ANALYZE "generation"`);
console.log(
  `seeded ${ROWS.toLocaleString("en-US")} generations in ${((performance.now() - seedStarted) / 1000).toFixed(1)} s`,
);

const { listGallery } = await import("../lib/gallery/queries");
const { parseGalleryFilter } = await import("../lib/gallery/filters");
const { db } = await import("../lib/db");

async function measure(label: string, run: () => Promise<unknown>) {
  await run(); // warm
  const samples: number[] = [];
  for (let index = 0; index < RUNS; index++) {
    const started = performance.now();
    await run();
    samples.push(performance.now() - started);
  }
  samples.sort((a, b) => a - b);
  const at = (p: number) => samples[Math.min(samples.length - 1, Math.ceil((p / 100) * samples.length) - 1)];
  console.log(`${label}: p50 ${at(50).toFixed(1)} ms, p95 ${at(95).toFixed(1)} ms (n=${RUNS})`);
}

const newest = parseGalleryFilter(new URLSearchParams());
await measure("gallery first page (24 videos, newest)", () => listGallery({ teamId, filter: newest }));
const deepRow = (
  await client.query(
    `SELECT "createdAt", id FROM "generation" WHERE "teamId" = $1 AND "reviewState" <> 'rejected' ORDER BY "createdAt" DESC, id DESC OFFSET 75000 LIMIT 1`,
    [teamId],
  )
).rows[0];
const deepCursor = Buffer.from(
  JSON.stringify({ c: deepRow.createdAt.toISOString(), i: deepRow.id }),
).toString("base64url");
await measure("gallery deep cursor page (after 75,000 videos)", () =>
  listGallery({ teamId, filter: newest, cursor: deepCursor }),
);
const words = ["lighthouse", "dragon", "violin", "spaceship", "butterfly"];
let turn = 0;
await measure("full-text search (one word, first page)", () =>
  listGallery({
    teamId,
    filter: parseGalleryFilter(new URLSearchParams({ q: words[turn++ % words.length] })),
  }),
);
await measure("full-text search + model filter", () =>
  listGallery({ teamId, filter: parseGalleryFilter(new URLSearchParams({ q: "storm", model: "kling-v3" })) }),
);

// Time to first byte of the public share page, served by a real studio against this database.
const shareGeneration = (
  await client.query(`SELECT id FROM "generation" WHERE "teamId" = $1 LIMIT 1`, [teamId])
).rows[0].id;
await client.query(
  `INSERT INTO "asset" (id, "generationId", "teamId", kind, "storageKey", "contentType", "sizeBytes", sha256) VALUES ($1, $2, $3, 'video', 'bench/video.mp4', 'video/mp4', 1, '')`,
  [randomUUID(), shareGeneration, teamId],
);
const token = randomBytes(24).toString("base64url");
await client.query(
  `INSERT INTO "share_link" (id, token, "generationId", "teamId", "createdById") VALUES ($1, $2, $3, $4, $5)`,
  [randomUUID(), token, shareGeneration, teamId, userId],
);
const port = 3201;
const server: ChildProcess = spawn(process.execPath, [...TSX_NODE_ARGS, "scripts/launch.ts", "start"], {
  cwd: root,
  env: {
    ...process.env,
    PORT: String(port),
    DATA_DIR: path.join(workDir, "data"),
    DATABASE_URL: postgres.url,
    KLING_API_KEY: "",
  },
  stdio: ["ignore", "ignore", "inherit"],
});
try {
  const base = `http://127.0.0.1:${port}`;
  for (let waited = 0; ; waited += 500) {
    if (waited > 600_000) throw new Error("studio did not start");
    const ok = await fetch(`${base}/api/health`).then(
      (response) => response.ok,
      () => false,
    );
    if (ok) break;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  await measure("shared video page, time to first byte", async () => {
    const response = await fetch(`${base}/s/${token}`);
    const reader = response.body?.getReader();
    await reader?.read();
    await reader?.cancel();
  });
} finally {
  server.kill("SIGTERM");
  await new Promise((resolve) => server.once("exit", resolve));
  await client.end();
  await db.$disconnect();
  await postgres.stop();
  await rm(workDir, { recursive: true, force: true });
}
