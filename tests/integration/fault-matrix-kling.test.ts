import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "../../lib/db";
import { dispatchGeneration } from "../../lib/generations/dispatch";
import { registerWorkerProcess } from "../../lib/jobs/worker-process";
import { getKlingClient } from "../../lib/kling/instance";
import { FaultMatrix } from "./helpers/fault-matrix";

// The fault matrix, part 1: Kling's API misbehaving (docs/DESIGN.md "Nothing lost, nothing paid
// twice"). Each case: ≥ 10 generations through the real worker process; the emulator counts the
// create POSTs. Part 2 (processes, files, database): fault-matrix-process.test.ts.
let matrix: FaultMatrix;

beforeAll(async () => {
  matrix = await FaultMatrix.start("kling", { concurrencyLimit: 5 });
  await matrix.startWorker();
}, 120_000);
afterAll(() => matrix?.close());

describe("fault matrix: Kling's API", { timeout: 180_000 }, () => {
  it("5xx bursts on create, query and list", async () => {
    const result = await matrix.run("5xx bursts on create, query and list", {
      faults: [
        { kind: "http_500", scope: "create", count: 6 },
        { kind: "http_503", scope: "query", count: 6 },
        { kind: "http_504", scope: "list", count: 6 },
      ],
    });
    // Refused before creating: those POSTs are retried (and counted), but never after the task exists.
    expect(result.createPosts).toBeGreaterThanOrEqual(10);
  });

  it("429/1302 rate limiting everywhere", async () => {
    await matrix.run("429/1302 on every route", {
      faults: [{ kind: "rate_limit", scope: "all", count: 12 }],
    });
  });

  it("1303: 12 queued against a concurrency limit of 5", async () => {
    await matrix.run("1303: 12 queued, limit 5", { count: 12 });
  });

  it("every create's response lost (the task exists, the answer never comes)", async () => {
    // Adopted by lookup, never sent again (verify: one POST created each, none after the task existed;
    // further POSTs are only those the limit of 5 refused with 1303 before creating anything).
    await matrix.run("lost create response", {
      faults: [{ kind: "response_lost", scope: "create", count: 10 }],
    });
  });

  it("socket reset on create, before and after the task was created", async () => {
    await matrix.run("socket reset on create", {
      faults: [
        { kind: "reset", scope: "create", count: 5 },
        { kind: "response_lost", scope: "create", count: 5, lostAs: "reset" },
      ],
    });
  });

  it("create latency beyond the client's timeout (1 s): the task appears after we gave up", async () => {
    await matrix.run("create latency beyond the client timeout", {
      faults: [{ kind: "latency", scope: "create", latencyMs: 1800, count: 10 }],
    });
  });

  it("two jobs for one row racing: the second read the row before the first claimed it", async () => {
    await matrix.stopWorker();
    const first = await registerWorkerProcess();
    const second = await registerWorkerProcess();
    const client = getKlingClient();
    const outcomes: string[] = [];
    try {
      await matrix.run("two jobs racing for one row", {
        during: async (ids) => {
          for (const id of ids) {
            // The first job's create is lost and its lookup fails, so it puts the row back in the
            // queue; only then does the second job, which read the row before, try to claim it.
            matrix.emulator.faults.set([
              { kind: "response_lost", scope: "create", count: 1 },
              { kind: "http_500", scope: "query", count: 1 },
            ]);
            let firstDone: () => void = () => {};
            const firstFinished = new Promise<void>((resolve) => {
              firstDone = resolve;
            });
            const late = dispatchGeneration(client, second.holder, id, { afterRead: () => firstFinished });
            await new Promise((resolve) => setTimeout(resolve, 50)); // the second has read the row
            outcomes.push(await dispatchGeneration(client, first.holder, id));
            firstDone();
            outcomes.push(await late);
            const row = await db.generation.findUniqueOrThrow({ where: { id } });
            expect([row.status, row.submitAttempts]).toEqual(["queued", 1]);
          }
          matrix.emulator.faults.clear();
          await matrix.startWorker();
          return undefined;
        },
      });
      expect(outcomes).toEqual(Array.from({ length: 10 }, () => ["requeued", "skipped"]).flat());
    } finally {
      await first.stop();
      await second.stop();
    }
  });

  it("adopts the task when a create is refused because the external id is taken (1201)", async () => {
    // The undocumented duplicate refusal (docs/KLING_API.md): the task exists, so it is adopted.
    await matrix.stopWorker();
    const ids = await matrix.submit(10, "external id already used");
    for (const id of ids) await createElsewhere(id);
    await matrix.startWorker();
    await matrix.settle(ids);
    for (const id of ids) {
      const row = await db.generation.findUniqueOrThrow({ where: { id } });
      expect(row.status).toBe("archived");
      // Ours came after the task existed: refused (1201), then resolved by lookup and adoption.
      // (On a loaded machine the studio's POST may time out client-side before it is even read;
      // it then looks the task up first and adopts it without a POST: never a second task.)
      const posts = matrix.createPosts(id);
      expect(posts.created).toBe(1);
      expect(posts.duplicates).toBeLessThanOrEqual(1);
      const task = matrix.emulator.tasks().find((one) => one.externalTaskId === id);
      expect(row.klingTaskId).toBe(task?.taskId);
    }
  });
});

/** A task made with this external id by someone else (another install, a restored database). */
async function createElsewhere(externalTaskId: string) {
  for (;;) {
    const response = await fetch(`${matrix.emulator.url}/v1/videos/text2video`, {
      method: "POST",
      headers: { authorization: `Bearer ${matrix.emulator.apiKey}`, "content-type": "application/json" },
      body: JSON.stringify({
        model_name: "kling-v2-5-turbo",
        prompt: "made elsewhere",
        external_task_id: externalTaskId,
      }),
    });
    const { code } = await response.json();
    if (code === 0) return;
    expect(code).toBe(1303); // all five slots busy: wait for one
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
