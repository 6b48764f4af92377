import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as health } from "../../app/api/health/route";
import type { Emulator } from "../../emulator/server";
import { getAuth } from "../../lib/auth/instance";
import { findFreePort } from "../../lib/database/embedded";
import { resetServerEnv } from "../../lib/env";
import { resetKlingHealthCache } from "../../lib/kling/health";
import { resetStorage } from "../../lib/storage";
import { resetStorageHealthCache } from "../../lib/storage/health";
import { startTestS3Server, type TestS3Server } from "../support/s3-server";
import { teamWith } from "./helpers/accounts";
import { appDatabaseForThisFile } from "./helpers/database";
import { startTestEmulator } from "./helpers/pipeline";

appDatabaseForThisFile();
let emulator: Emulator;
let fixture: Awaited<ReturnType<typeof teamWith>>;
const emulatorLog: string[] = [];

beforeAll(async () => {
  ({ emulator } = await startTestEmulator({ logger: (line) => emulatorLog.push(line) }));
  fixture = await teamWith(getAuth(), "Health team", ["admin", "creator"]);
});
afterAll(async () => {
  await emulator.close();
});

function request(headers?: Headers) {
  return new Request("http://studio.test/api/health", { headers });
}

async function check(headers: Headers | undefined = fixture.owner.headers) {
  resetKlingHealthCache();
  resetStorageHealthCache();
  const response = await health(request(headers));
  return { status: response.status, body: await response.json() };
}

const klingCalls = () => emulatorLog.filter((line) => line.startsWith("GET /v1/videos/text2video?")).length;

describe("GET /api/health", () => {
  it("answers 200 with details to an owner when the database and Kling answer", async () => {
    expect(await check()).toEqual({
      status: 200,
      body: {
        status: "ok",
        db: "ok",
        kling: { status: "ok", backend: "emulator" },
        storage: {
          kind: "local",
          description: expect.stringMatching(/^local disk at \//),
          serving: "stream",
        },
      },
    });
    expect((await check(fixture.members.admin.headers)).body.kling).toEqual({
      status: "ok",
      backend: "emulator",
    });
  });

  it("tells anonymous callers and other roles only up or down", async () => {
    expect(await check(new Headers())).toEqual({ status: 200, body: { status: "ok" } });
    expect(await check(fixture.members.creator.headers)).toEqual({ status: 200, body: { status: "ok" } });
    expect(await check(new Headers({ cookie: "kling_studio.session_token=forged" }))).toEqual({
      status: 200,
      body: { status: "ok" },
    });
  });

  it("answers 503 naming Kling when Kling is unreachable (details only for an owner)", async () => {
    const closedPort = await findFreePort();
    process.env.KLING_API_BASE = `http://127.0.0.1:${closedPort}`;
    resetServerEnv();
    try {
      const { status, body } = await check();
      expect(status).toBe(503);
      expect(body.db).toBe("ok");
      expect(body.kling.error).toBe(`http://127.0.0.1:${closedPort}: Kling is unreachable: ECONNREFUSED`);
      expect(await check(new Headers())).toEqual({ status: 503, body: { status: "error" } });
    } finally {
      process.env.KLING_API_BASE = emulator.url;
      resetServerEnv();
    }
  });

  it("100 concurrent anonymous checks after the cache expired cause one Kling call", async () => {
    resetKlingHealthCache();
    emulator.faults.add({ kind: "latency", latencyMs: 300, count: 100 });
    const before = klingCalls();
    const answers = await Promise.all(Array.from({ length: 100 }, () => health(request(new Headers()))));
    expect(answers.map((answer) => answer.status)).toEqual(Array(100).fill(200));
    expect(klingCalls() - before).toBe(1);
  });

  it("answers 503 naming the database when it is unreachable", async () => {
    const cached = globalThis as unknown as { prisma?: { $disconnect(): Promise<void> } };
    await cached.prisma?.$disconnect();
    cached.prisma = undefined;
    const realUrl = process.env.DATABASE_URL;
    process.env.DATABASE_URL = "postgresql://nobody:nothing@127.0.0.1:1/none";
    resetServerEnv();
    try {
      const { status, body } = await check(new Headers());
      // Nobody can be recognised as an owner without the database: the minimal answer.
      expect(status).toBe(503);
      expect(body).toEqual({ status: "error" });
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

    it("tells the public only ok, and owners and admins the bucket and how media is served", async () => {
      expect(await check(new Headers())).toEqual({ status: 200, body: { status: "ok" } });
      expect(await check(fixture.members.creator.headers)).toEqual({ status: 200, body: { status: "ok" } });
      expect((await check(fixture.members.admin.headers)).body.storage.kind).toBe("s3");
      const admin = await check(fixture.owner.headers);
      expect(admin.status).toBe(200);
      expect(admin.body.storage).toEqual({
        kind: "s3",
        description: `S3 bucket ${s3.bucket} at ${s3.endpoint}`,
        serving: "presigned",
      });
      expect(JSON.stringify(admin.body)).not.toContain(s3.secretAccessKey);
    });

    it("answers 503 when the bucket stops working, naming the variable to admins only", async () => {
      process.env.S3_BUCKET = "gone-bucket";
      resetServerEnv();
      resetStorage();
      expect(await check(new Headers())).toEqual({ status: 503, body: { status: "error" } });
      const admin = await check(fixture.owner.headers);
      expect(admin.body.storage.error).toBe(`S3_BUCKET: bucket gone-bucket does not exist at ${s3.endpoint}`);
      process.env.S3_BUCKET = s3.bucket;
      resetServerEnv();
      resetStorage();
    });
  });
});
