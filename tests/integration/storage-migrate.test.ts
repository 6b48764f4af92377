import { spawn } from "node:child_process";
import { createHash, randomBytes, randomUUID } from "node:crypto";
import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { buffer } from "node:stream/consumers";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { S3Storage } from "../../lib/storage/s3";
import { startTestS3Server, type TestS3Server } from "../support/s3-server";
import { createTestDatabase, type TestDatabase } from "./helpers/database";

const root = path.resolve(import.meta.dirname, "../..");
let database: TestDatabase;
let s3: TestS3Server;
let bucket: S3Storage;
let dataDir: string;
const files: Array<{ key: string; bytes: Buffer }> = [];
const sha256 = (bytes: Buffer) => createHash("sha256").update(bytes).digest("hex");

beforeAll(async () => {
  database = await createTestDatabase({ migrated: true });
  s3 = await startTestS3Server();
  bucket = new S3Storage({
    bucket: s3.bucket,
    region: "us-east-1",
    endpoint: s3.endpoint,
    accessKeyId: s3.accessKeyId,
    secretAccessKey: s3.secretAccessKey,
    forcePathStyle: true,
  });
  dataDir = await mkdtemp(path.join(os.tmpdir(), "kling-migrate-"));
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  const userId = randomUUID();
  const teamId = randomUUID();
  await client.query(
    `INSERT INTO "user" (id, name, email, "emailVerified", "createdAt", "updatedAt") VALUES ($1, 'M', 'm@x.test', true, now(), now())`,
    [userId],
  );
  await client.query(
    `INSERT INTO "organization" (id, name, slug, "createdAt") VALUES ($1, 'T', 't', now())`,
    [teamId],
  );
  // Three videos (one past the 8 MiB multipart threshold) with posters.
  for (const [index, videoBytes] of [20_000, 9 * 1024 * 1024, 30_000].entries()) {
    const generationId = randomUUID();
    await client.query(
      `INSERT INTO "generation" (id, "teamId", "authorId", status, request, prompt, model, mode, duration, "aspectRatio", "estimatedUnits", "updatedAt")
       VALUES ($1, $2, $3, 'archived', '{}', 'p', 'kling-v1', 'std', 5, '16:9', 1, now())`,
      [generationId, teamId, userId],
    );
    for (const [kind, size] of [
      ["video", videoBytes],
      ["poster", 3000 + index],
    ] as const) {
      const key = `teams/${teamId}/generations/${generationId}/${kind === "video" ? "video.mp4" : "poster.jpg"}`;
      const bytes = randomBytes(size);
      files.push({ key, bytes });
      await mkdir(path.dirname(path.join(dataDir, "media", key)), { recursive: true });
      await writeFile(path.join(dataDir, "media", key), bytes);
      await client.query(
        `INSERT INTO "asset" (id, "generationId", "teamId", kind, "storageKey", "contentType", "sizeBytes", sha256)
         VALUES ($1, $2, $3, $4, $5, 'application/octet-stream', $6, $7)`,
        [randomUUID(), generationId, teamId, kind, key, bytes.length, sha256(bytes)],
      );
    }
  }
  await client.end();
});

afterAll(async () => {
  await s3?.close();
  await database?.drop();
  await rm(dataDir, { recursive: true, force: true });
});

function startMigration(direction: "s3" | "local") {
  const child = spawn(
    process.execPath,
    ["--conditions=react-server", "--import", "tsx", "scripts/storage-migrate.ts", "--to", direction],
    {
      cwd: root,
      env: { ...process.env, ...s3.env, STORAGE: "local", DATA_DIR: dataDir, DATABASE_URL: database.url },
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  let output = "";
  child.stdout.on("data", (chunk) => (output += chunk));
  child.stderr.on("data", (chunk) => (output += chunk));
  const exited = new Promise<number | null>((resolve) => child.once("exit", resolve));
  return { child, output: () => output, exited };
}

async function migrate(direction: "s3" | "local") {
  const run = startMigration(direction);
  const code = await run.exited;
  return { code, output: run.output() };
}

const inBucket = async (key: string) => sha256(await buffer(await bucket.read(key)));

describe("npm run storage:migrate", () => {
  it("resumes a run killed after its first copy, and then holds every asset, verified", async () => {
    const first = startMigration("s3");
    await new Promise<void>((resolve) =>
      first.child.stdout.on("data", () => /\[1\/6\]/.test(first.output()) && resolve()),
    );
    first.child.kill("SIGKILL");
    await first.exited;

    const { code, output } = await migrate("s3");
    expect(code).toBe(0);
    expect(output).toContain(
      `Copying 6 asset(s) from local disk at ${path.join(dataDir, "media")} to S3 bucket ${s3.bucket}`,
    );
    expect(output).toMatch(/\[6\/6\] 100% {2}copied \d, already there \d, failed 0/);
    const summary = /Done: (\d) copied \([\d.]+ MB\), (\d) already there and verified, 0 failed, of 6\./.exec(
      output,
    );
    expect(summary).not.toBeNull();
    const [copied, present] = [Number(summary?.[1]), Number(summary?.[2])];
    expect(copied + present).toBe(6);
    expect(present).toBeGreaterThanOrEqual(1); // what the killed run finished was kept, not redone
    for (const file of files) expect(await inBucket(file.key)).toBe(sha256(file.bytes));
    expect(s3.requests.some((line) => line.includes("?uploads"))).toBe(true);
  });

  it("is idempotent: a second run copies nothing and writes nothing", async () => {
    const mark = s3.requests.length;
    const { code, output } = await migrate("s3");
    expect(code).toBe(0);
    expect(output).toContain("Done: 0 copied (0.0 MB), 6 already there and verified, 0 failed, of 6.");
    const writes = s3.requests.slice(mark).filter((line) => /^(PUT|POST) /.test(line));
    expect(writes.every((line) => line.includes(".kling-studio-write-check-"))).toBe(true);
  });

  it("resumes: replaces a missing and a damaged copy, and refuses a source that no longer matches its record", async () => {
    await bucket.remove(files[0].key);
    const damaged = path.join(dataDir, "damaged.bin");
    await writeFile(damaged, randomBytes(files[1].bytes.length));
    await bucket.putFile(files[1].key, damaged);
    // The source of another asset rots on disk, and its bucket copy is gone: it must not be copied.
    await writeFile(path.join(dataDir, "media", files[3].key), randomBytes(files[3].bytes.length));
    await bucket.remove(files[3].key);

    const { code, output } = await migrate("s3");
    expect(code).toBe(1);
    expect(output).toContain("Done: 2 copied");
    expect(output).toContain("3 already there and verified, 1 failed, of 6.");
    expect(output).toContain(`failed ${files[3].key}: the source copy differs from the record`);
    expect(await inBucket(files[0].key)).toBe(sha256(files[0].bytes));
    expect(await inBucket(files[1].key)).toBe(sha256(files[1].bytes));
    expect(await bucket.size(files[3].key)).toBeNull();
    await writeFile(path.join(dataDir, "media", files[3].key), files[3].bytes); // restored from a backup
    expect((await migrate("s3")).output).toContain("Done: 1 copied");
  });

  it("copies everything back to an empty local disk, verified", async () => {
    await rm(path.join(dataDir, "media"), { recursive: true, force: true });
    const { code, output } = await migrate("local");
    expect(code).toBe(0);
    expect(output).toContain("Done: 6 copied");
    for (const file of files) {
      expect(sha256(await readFile(path.join(dataDir, "media", file.key)))).toBe(sha256(file.bytes));
    }
  });
});
