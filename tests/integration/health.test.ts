import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as health } from "../../app/api/health/route";
import type { Emulator } from "../../emulator/server";
import { findFreePort } from "../../lib/database/embedded";
import { db } from "../../lib/db";
import { resetServerEnv } from "../../lib/env";
import { resetKlingHealthCache } from "../../lib/kling/health";
import { resetStorage } from "../../lib/storage";
import { resetStorageHealthCache } from "../../lib/storage/health";
import { startTestS3Server, type TestS3Server } from "../support/s3-server";
import { teamWith } from "./helpers/accounts";
import { type TestDatabase, useAppDatabase } from "./helpers/database";
import { startTestEmulator } from "./helpers/pipeline";

let database: TestDatabase;
let emulator: Emulator;

beforeAll(async () => {
  database = await useAppDatabase();
  ({ emulator } = await startTestEmulator());
});
afterAll(async () => {
  await emulator.close();
  await db.$disconnect();
  await database.drop();
});

async function check(headers?: Headers) {
  resetKlingHealthCache();
  resetStorageHealthCache();
  const response = await health(
    headers ? new Request("http://studio.test/api/health", { headers }) : undefined,
  );
  return { status: response.status, body: await response.json() };
}

describe("GET /api/health", () => {
  it("answers 200 when the database and Kling answer", async () => {
    expect(await check()).toEqual({
      status: 200,
      body: { status: "ok", db: "ok", kling: { status: "ok", backend: "emulator" }, storage: "ok" },
    });
  });

  it("answers 503 naming Kling when Kling is unreachable", async () => {
    const closedPort = await findFreePort();
    process.env.KLING_API_BASE = `http://127.0.0.1:${closedPort}`;
    resetServerEnv();
    try {
      const { status, body } = await check();
      expect(status).toBe(503);
      expect(body.db).toBe("ok");
      expect(body.kling.error).toBe(`http://127.0.0.1:${closedPort}: Kling is unreachable: ECONNREFUSED`);
    } finally {
      process.env.KLING_API_BASE = emulator.url;
      resetServerEnv();
    }
  });

  it("answers 503 naming the database when it is unreachable", async () => {
    const cached = globalThis as unknown as { prisma?: { $disconnect(): Promise<void> } };
    await cached.prisma?.$disconnect();
    cached.prisma = undefined;
    const realUrl = process.env.DATABASE_URL;
    process.env.DATABASE_URL = "postgresql://nobody:nothing@127.0.0.1:1/none";
    resetServerEnv();
    try {
      const { status, body } = await check();
      expect(status).toBe(503);
      expect(body.status).toBe("error");
      expect(body.db.error).toBeTruthy();
      expect(body.kling).toEqual({ status: "ok", backend: "emulator" });
    } finally {
      cached.prisma = undefined;
      process.env.DATABASE_URL = realUrl;
      resetServerEnv();
    }
  });

  describe("with S3 storage", () => {
    let s3: TestS3Server;
    const saved = { ...process.env };
    beforeAll(async () => {
      s3 = await startTestS3Server();
      Object.assign(process.env, s3.env);
      resetServerEnv();
      resetStorage();
    });
    afterAll(async () => {
      for (const name of Object.keys(s3.env)) process.env[name] = saved[name];
      resetServerEnv();
      resetStorage();
      await s3.close();
    });

    it("tells the public only ok, and admins the bucket and how media is served", async () => {
      const { getAuth } = await import("../../lib/auth/instance");
      const { owner, members } = await teamWith(getAuth(), "Health team", ["creator"]);
      expect((await check()).body.storage).toBe("ok");
      expect((await check(members.creator.headers)).body.storage).toBe("ok");
      const admin = await check(owner.headers);
      expect(admin.status).toBe(200);
      expect(admin.body.storage).toEqual({
        kind: "s3",
        description: `S3 bucket ${s3.bucket} at ${s3.endpoint}`,
        serving: "presigned",
      });
      expect(JSON.stringify(admin.body)).not.toContain(s3.secretAccessKey);
    });

    it("answers 503 when the bucket stops working, naming the variable to admins only", async () => {
      const { getAuth } = await import("../../lib/auth/instance");
      const { owner } = await teamWith(getAuth(), "Broken storage team");
      process.env.S3_BUCKET = "gone-bucket";
      resetServerEnv();
      resetStorage();
      const seen = await check();
      expect(seen.status).toBe(503);
      expect(seen.body.storage).toEqual({ error: "media storage is unavailable" });
      const admin = await check(owner.headers);
      expect(admin.body.storage.error).toBe(`S3_BUCKET: bucket gone-bucket does not exist at ${s3.endpoint}`);
      process.env.S3_BUCKET = s3.bucket;
      resetServerEnv();
      resetStorage();
    });
  });
});
