import { spawn } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findFreePort } from "../../lib/database/embedded";
import { startTestS3Server, type TestS3Server } from "../support/s3-server";

const root = path.resolve(import.meta.dirname, "../..");
let s3: TestS3Server;
let dataDir: string;

beforeAll(async () => {
  s3 = await startTestS3Server();
  dataDir = await mkdtemp(path.join(os.tmpdir(), "kling-storage-start-"));
});
afterAll(async () => {
  await s3.close();
  await rm(dataDir, { recursive: true, force: true });
});

/** Runs `npm start` (the launcher) or `npm run worker` until it exits by itself. */
async function run(script: "scripts/launch.ts" | "scripts/worker.ts", env: Record<string, string>) {
  const child = spawn(
    process.execPath,
    [
      "--conditions=react-server",
      "--import",
      "tsx",
      script,
      ...(script.endsWith("launch.ts") ? ["start"] : []),
    ],
    {
      cwd: root,
      env: {
        ...process.env,
        ...s3.env,
        DATA_DIR: dataDir,
        PORT: String(await findFreePort()),
        DATABASE_URL: "",
        ...env,
      },
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  let output = "";
  child.stdout.on("data", (chunk) => (output += chunk));
  child.stderr.on("data", (chunk) => (output += chunk));
  const code = await new Promise<number | null>((resolve) => child.once("exit", resolve));
  return { code, output };
}

describe("storage checked at start", () => {
  it("npm start refuses a bucket that does not exist, naming S3_BUCKET, before starting any database", async () => {
    const { code, output } = await run("scripts/launch.ts", { S3_BUCKET: "no-such-bucket" });
    expect(code).toBe(1);
    expect(output).toContain(
      `Error: Media storage is not usable: S3_BUCKET: bucket no-such-bucket does not exist at ${s3.endpoint}`,
    );
    expect(output).not.toContain("Starting embedded PostgreSQL");
  });

  it("npm start refuses a wrong secret, naming S3_SECRET_ACCESS_KEY and never printing it", async () => {
    const { code, output } = await run("scripts/launch.ts", { S3_SECRET_ACCESS_KEY: "wrong-secret-value" });
    expect(code).toBe(1);
    expect(output).toMatch(
      /Error: Media storage is not usable: S3_SECRET_ACCESS_KEY: .*rejected the request signature/,
    );
    expect(output).not.toContain("wrong-secret-value");
  });

  it("npm start refuses an incomplete or malformed S3 configuration by name", async () => {
    const missing = await run("scripts/launch.ts", { S3_BUCKET: "", S3_ENDPOINT: "not a url" });
    expect(missing.code).toBe(1);
    expect(missing.output).toMatch(/S3_BUCKET: is required when STORAGE=s3/);
    expect(missing.output).toMatch(
      /Error: Media storage is not usable: S3_ENDPOINT: must be an http\(s\) URL/,
    );
  });

  it("npm run worker refuses an unknown access key, naming S3_ACCESS_KEY_ID", async () => {
    const { code, output } = await run("scripts/worker.ts", {
      S3_ACCESS_KEY_ID: "NOBODY",
      DATABASE_URL: "postgresql://unused@127.0.0.1:1/unused",
    });
    expect(code).toBe(1);
    expect(output).toMatch(/Error: Media storage is not usable: S3_ACCESS_KEY_ID: /);
  });
});
