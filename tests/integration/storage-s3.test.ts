import { createHash, randomBytes } from "node:crypto";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { buffer } from "node:stream/consumers";
import { GetObjectCommand } from "@aws-sdk/client-s3";
import { getSignedUrl } from "@aws-sdk/s3-request-presigner";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findFreePort } from "../../lib/database/embedded";
import { StorageConfigError } from "../../lib/storage/errors";
import { MULTIPART_PART_BYTES, type S3Settings, S3Storage } from "../../lib/storage/s3";
import { startTestS3Server, type TestS3Server } from "../support/s3-server";

let s3: TestS3Server;
let settings: S3Settings;
let storage: S3Storage;
let workDir: string;

beforeAll(async () => {
  s3 = await startTestS3Server();
  workDir = await mkdtemp(path.join(os.tmpdir(), "kling-s3-storage-"));
  settings = {
    bucket: s3.bucket,
    region: "us-east-1",
    endpoint: s3.endpoint,
    accessKeyId: s3.accessKeyId,
    secretAccessKey: s3.secretAccessKey,
    forcePathStyle: true,
  };
  storage = new S3Storage(settings);
});
afterAll(async () => {
  await s3?.close();
  await rm(workDir, { recursive: true, force: true });
});

async function fileOf(name: string, bytes: Buffer) {
  const file = path.join(workDir, name);
  await writeFile(file, bytes);
  return file;
}
const sha256 = (bytes: Buffer) => createHash("sha256").update(bytes).digest("hex");
const requestsSince = (mark: number) => s3.requests.slice(mark);

describe("S3 storage", () => {
  it("uploads a small file in one PUT and reads it back byte for byte", async () => {
    const bytes = randomBytes(50_000);
    const mark = s3.requests.length;
    await storage.putFile("teams/t1/generations/g1/poster.jpg", await fileOf("small.jpg", bytes));
    const seen = requestsSince(mark);
    expect(seen).toEqual([`PUT /${s3.bucket}/teams/t1/generations/g1/poster.jpg?x-id=PutObject`]);
    expect(await storage.size("teams/t1/generations/g1/poster.jpg")).toBe(bytes.length);
    expect(sha256(await buffer(await storage.read("teams/t1/generations/g1/poster.jpg")))).toBe(
      sha256(bytes),
    );
  });

  it("uploads a large video as a multipart upload of 8 MiB parts", async () => {
    const bytes = randomBytes(2 * MULTIPART_PART_BYTES + 12_345);
    const mark = s3.requests.length;
    await storage.putFile("teams/t1/generations/g2/video.mp4", await fileOf("large.mp4", bytes));
    const seen = requestsSince(mark);
    expect(seen.filter((line) => line.includes("?uploads"))).toHaveLength(1);
    expect(seen.filter((line) => line.startsWith("PUT ") && line.includes("partNumber="))).toHaveLength(3);
    expect(seen.filter((line) => line.startsWith("POST ") && line.includes("uploadId="))).toHaveLength(1);
    expect(await storage.size("teams/t1/generations/g2/video.mp4")).toBe(bytes.length);
    expect(sha256(await buffer(await storage.read("teams/t1/generations/g2/video.mp4")))).toBe(sha256(bytes));
  });

  it("reads exactly the asked byte range, across a part boundary", async () => {
    const bytes = randomBytes(MULTIPART_PART_BYTES + 1000);
    await storage.putFile("range/video.mp4", await fileOf("range.mp4", bytes));
    const range = { start: MULTIPART_PART_BYTES - 10, end: MULTIPART_PART_BYTES + 9 };
    const read = await buffer(await storage.read("range/video.mp4", range));
    expect(read.equals(bytes.subarray(range.start, range.end + 1))).toBe(true);
    expect(await storage.size("range/missing.mp4")).toBeNull();
  });

  it("signs a GET that the store answers with Range and the content type, and refuses it altered or expired", async () => {
    const bytes = randomBytes(10_000);
    await storage.putFile("signed/video.mp4", await fileOf("signed.mp4", bytes));
    const url = await storage.signedUrl("signed/video.mp4", {
      contentType: "video/mp4",
      expiresInSeconds: 120,
    });
    expect(url).not.toContain(s3.secretAccessKey);
    const response = await fetch(url, { headers: { range: "bytes=100-199" } });
    expect(response.status).toBe(206);
    expect(response.headers.get("content-range")).toBe("bytes 100-199/10000");
    expect(response.headers.get("content-type")).toBe("video/mp4");
    expect(Buffer.from(await response.arrayBuffer()).equals(bytes.subarray(100, 200))).toBe(true);

    const tampered = url.replace("signed/video.mp4", "range/video.mp4");
    expect((await fetch(tampered)).status).toBe(403);
    // Signed an hour ago: its 2 minutes ran out long ago.
    const expired = await getSignedUrl(
      storage.client,
      new GetObjectCommand({ Bucket: s3.bucket, Key: "signed/video.mp4" }),
      { expiresIn: 120, signingDate: new Date(Date.now() - 3_600_000) },
    );
    const refused = await fetch(expired);
    expect(refused.status).toBe(403);
    expect(await refused.text()).toContain("Request has expired");
  });
});

describe("S3 start-up check", () => {
  const failureOf = async (overrides: Partial<S3Settings>) => {
    const error = await new S3Storage({ ...settings, ...overrides }, { maxAttempts: 1 })
      .check()
      .catch((e) => e);
    expect(error).toBeInstanceOf(StorageConfigError);
    return error as StorageConfigError;
  };

  it("passes against a writable bucket and leaves nothing behind", async () => {
    await expect(storage.check()).resolves.toBeUndefined();
    const mark = s3.requests.length;
    await storage.check();
    expect(requestsSince(mark).map((line) => line.split(" ")[0])).toEqual(["PUT", "GET", "DELETE"]);
  });

  it("names S3_BUCKET for a bucket that does not exist", async () => {
    const error = await failureOf({ bucket: "no-such-bucket" });
    expect(error.variable).toBe("S3_BUCKET");
    expect(error.message).toMatch(/bucket no-such-bucket does not exist/);
  });

  it("names S3_SECRET_ACCESS_KEY for a wrong secret and S3_ACCESS_KEY_ID for an unknown key", async () => {
    const wrongSecret = await failureOf({ secretAccessKey: "not-the-secret" });
    expect(wrongSecret.variable).toBe("S3_SECRET_ACCESS_KEY");
    expect(wrongSecret.message).not.toContain("not-the-secret");
    expect((await failureOf({ accessKeyId: "NOBODY" })).variable).toBe("S3_ACCESS_KEY_ID");
  });

  it("names S3_ENDPOINT when nothing listens there", async () => {
    const error = await failureOf({ endpoint: `http://127.0.0.1:${await findFreePort()}` });
    expect(error.variable).toBe("S3_ENDPOINT");
    expect(error.message).toMatch(/ECONNREFUSED/);
  });
});
