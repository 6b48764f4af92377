import { cp, mkdir, readdir, rename, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as callback } from "../../app/api/kling/callback/route";
import { can } from "../../lib/auth/permissions";
import { db } from "../../lib/db";
import { listGenerationsForPolling } from "../../lib/generations/queries";
import { retryArchiveNow } from "../../lib/generations/retry";
import { signedCallback } from "./helpers/callbacks";
import { FaultMatrix } from "./helpers/fault-matrix";

// The fault matrix, part 2: worker processes killed, the emulator restarted, the file host, our
// disk and our database failing, callbacks replayed and forged, late results. Part 1 (Kling's
// API): fault-matrix-kling.test.ts.
const WEBHOOK_SECRET = "whsec_bWF0cml4c2VjcmV0bWF0cml4c2VjcmV0bWF0cml4MTI=";
let matrix: FaultMatrix;

beforeAll(async () => {
  process.env.KLING_WEBHOOK_SECRET = WEBHOOK_SECRET;
  matrix = await FaultMatrix.start("process", { concurrencyLimit: 20 });
  await matrix.startWorker();
}, 120_000);
afterAll(() => matrix?.close());

const workDirsOf = async (pid: number) =>
  (await readdir(path.join(matrix.dataDir, "work")).catch(() => [] as string[])).filter((name) =>
    name.startsWith(`${os.hostname()}-${pid}-`),
  );

describe("fault matrix: processes, files and the database", { timeout: 180_000 }, () => {
  it("worker process SIGKILLed during submit, then a new one started", async () => {
    const result = await matrix.run("worker killed during submit", {
      faults: [{ kind: "latency", scope: "create", latencyMs: 2500, count: 10 }],
      during: async (ids) => ({ resumeMs: await matrix.killWhileHolding(ids, "submitting") }),
    });
    expect(result.resumeMs).toBeDefined();
  });

  it("worker process SIGKILLed during archive; its partial download is swept", async () => {
    let deadPid = 0;
    await matrix.run("worker killed during archive", {
      faults: [{ kind: "stall", scope: "media", count: 1, eachTarget: true }],
      during: async (ids) => {
        deadPid = matrix.worker?.child.pid as number;
        await matrix.until(ids, (rows) => rows.some((row) => row.status === "succeeded" && row.leaseOwner));
        // Give the stalled downloads a moment to write their first half to disk.
        for (let tries = 0; (await workDirsOf(deadPid)).length === 0 && tries < 50; tries++)
          await new Promise((resolve) => setTimeout(resolve, 100));
        expect((await workDirsOf(deadPid)).length).toBeGreaterThan(0);
        return { resumeMs: await matrix.killWhileHolding(ids, "succeeded") };
      },
    });
    expect(await workDirsOf(deadPid)).toEqual([]);
  });

  it("the emulator restarted mid-run (state file kept)", async () => {
    await matrix.run("emulator restarted mid-run", {
      during: async (ids) => {
        await matrix.until(ids, (rows) =>
          rows.some((row) => ["submitted", "processing"].includes(row.status)),
        );
        await matrix.restartEmulator(1500);
        return undefined;
      },
    });
  });

  it("media answering 503 six times, then 200 (each video)", async () => {
    await matrix.run("media 503 ×6 then 200", {
      faults: [{ kind: "http_503", scope: "media", count: 6, eachTarget: true }],
    });
  });

  it("media answering 404 once, then 200 (each video)", async () => {
    await matrix.run("media 404 once then 200", {
      faults: [{ kind: "http_404", scope: "media", count: 1, eachTarget: true }],
    });
  });

  it("a result link that expired, refreshed by asking Kling for the task again", async () => {
    // The first link of every video is dead for good: only a fresh link from a new GET works.
    await matrix.run("expired link refreshed by a new GET", {
      faults: [{ kind: "link_expired", scope: "media", count: 1, eachTarget: true }],
    });
  });

  it("a disk that refuses writes for a while: saved later, never failed", async () => {
    const media = path.join(matrix.dataDir, "media");
    let ids: string[] = [];
    await matrix.run("disk refusing writes for 4 s", {
      during: async (submitted) => {
        ids = submitted;
        await mkdir(media, { recursive: true });
        await rename(media, `${media}.away`);
        await writeFile(media, "not a directory: every write below it fails");
        try {
          await matrix.until(ids, (rows) => rows.some((row) => row.status === "archive_waiting"));
          await checkSavingLater(ids);
          await new Promise((resolve) => setTimeout(resolve, 4000));
        } finally {
          await rm(media);
          await rename(`${media}.away`, media).catch(async (error: NodeJS.ErrnoException) => {
            if (error.code !== "ENOTEMPTY" && error.code !== "EEXIST") throw error;
            // A worker made the folder again in between (the disk "came back"): merge into it.
            await cp(`${media}.away`, media, { recursive: true });
            await rm(`${media}.away`, { recursive: true });
          });
        }
        return undefined;
      },
    });
    const retried = await db.generation.count({ where: { id: { in: ids }, archiveAttempts: { gt: 1 } } });
    expect(retried).toBeGreaterThan(0);
  });

  it("callbacks replayed and forged", async () => {
    await matrix.run("callbacks replayed and forged", {
      during: async (ids) => {
        await matrix.until(ids, (rows) =>
          rows.every((row) => row.status !== "queued" && row.status !== "submitting"),
        );
        for (const row of await db.generation.findMany({ where: { id: { in: ids } } })) {
          // Signed, but lying: the body is never trusted, only a fresh GET of the task is.
          const forged = JSON.stringify({
            task_id: row.klingTaskId,
            task_status: "failed",
            task_status_msg: "forged",
            task_info: { external_task_id: row.id },
          });
          for (let replay = 0; replay < 3; replay++)
            expect((await callback(signedCallback(WEBHOOK_SECRET, forged))).status).toBe(200);
          const unsigned = new Request("http://studio.test/api/kling/callback", {
            method: "POST",
            body: forged,
          });
          expect((await callback(unsigned)).status).toBe(401);
        }
        return undefined;
      },
    });
  });

  it("the database connection dropped mid-tick, three times", async () => {
    await matrix.run("database connections dropped mid-run", {
      during: async () => {
        const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
        await admin.connect();
        let terminated = 0;
        try {
          for (let drop = 0; drop < 3; drop++) {
            await new Promise((resolve) => setTimeout(resolve, 700));
            const { rowCount } = await admin.query(
              "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()",
            );
            terminated += rowCount ?? 0;
          }
          expect(terminated).toBeGreaterThan(0);
        } finally {
          await admin.end();
        }
        return undefined;
      },
    });
  });

  it("timed-out tasks that finish after 600 newer tasks exist", async () => {
    await matrix.stopWorker();
    await matrix.startWorker({ KLING_TASK_DEADLINE_SECONDS: "0.5" });
    try {
      await matrix.run("late results after 600 newer tasks", {
        // Kling cannot be asked, so the studio's deadline passes while the tasks finish.
        faults: [
          { kind: "http_500", scope: "query" },
          { kind: "http_500", scope: "list" },
        ],
        during: async (ids) => {
          await matrix.until(ids, (rows) => rows.every((row) => row.status === "timed_out"));
          await matrix.emulator.addFillerTasks(600);
          matrix.emulator.faults.clear();
          const page = await fetch(`${matrix.emulator.url}/v1/videos/text2video?pageNum=1&pageSize=500`, {
            headers: { authorization: `Bearer ${matrix.emulator.apiKey}` },
          }).then((response) => response.json());
          const onPageOne = new Set(page.data.map((task: { task_id: string }) => task.task_id));
          const rows = await db.generation.findMany({ where: { id: { in: ids } } });
          expect(rows.filter((row) => onPageOne.has(row.klingTaskId))).toEqual([]);
          return undefined;
        },
      });
    } finally {
      await matrix.stopWorker();
      await matrix.startWorker();
    }
  });
});

/** What the studio shows for a video waiting to be saved, and "Retry now". */
async function checkSavingLater(ids: string[]) {
  const summaries = await listGenerationsForPolling({ teamId: matrix.teamId, ids });
  const waiting = summaries.find((summary) => summary.status === "archive_waiting");
  if (!waiting) throw new Error("no generation waiting to be saved");
  // Written for members: no paths, errno codes or stack traces.
  expect(waiting.archiveError).toBe("The studio could not write the video to its storage.");
  expect(waiting.errorMessage).toBeNull();
  expect(Date.parse(waiting.nextAttemptAt ?? "")).toBeGreaterThan(0);
  expect(summaries.find((summary) => summary.status === "archived")?.nextAttemptAt ?? null).toBeNull();
  // Retry now: only the team's own generations, only for roles that may generate.
  await expect(retryArchiveNow({ teamId: "another-team", generationId: waiting.id })).rejects.toMatchObject({
    status: 404,
  });
  expect(
    ["owner", "admin", "creator", "reviewer", "viewer"].map((role) =>
      can(role as never, "generation.create"),
    ),
  ).toEqual([true, true, true, false, false]);
  // Its next try an hour away (as after many failures), "Retry now" makes it run at once.
  await db.generation.updateMany({
    where: { id: waiting.id, status: "archive_waiting", leaseOwner: null },
    data: { nextAttemptAt: new Date(Date.now() + 3_600_000) },
  });
  const before = await db.generation.findUniqueOrThrow({ where: { id: waiting.id } });
  if (before.leaseOwner || before.status !== "archive_waiting") return; // being saved right now
  await retryArchiveNow({ teamId: matrix.teamId, generationId: waiting.id });
  const deadline = Date.now() + 30_000;
  while (
    (await db.generation.findUniqueOrThrow({ where: { id: waiting.id } })).archiveAttempts ===
    before.archiveAttempts
  ) {
    if (Date.now() > deadline) throw new Error("Retry now did not make the archive run");
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
