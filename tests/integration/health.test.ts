import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as health } from "../../app/api/health/route";
import type { Emulator } from "../../emulator/server";
import { findFreePort } from "../../lib/database/embedded";
import { db } from "../../lib/db";
import { resetServerEnv } from "../../lib/env";
import { resetKlingHealthCache } from "../../lib/kling/health";
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

async function check() {
  resetKlingHealthCache();
  const response = await health();
  return { status: response.status, body: await response.json() };
}

describe("GET /api/health", () => {
  it("answers 200 when the database and Kling answer", async () => {
    expect(await check()).toEqual({
      status: 200,
      body: { status: "ok", db: "ok", kling: { status: "ok", backend: "emulator" } },
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
});
