import path from "node:path";
import { describe, expect, it } from "vitest";
import { POST as callback } from "../../app/api/kling/callback/route";
import { getAuth } from "../../lib/auth/instance";
import { db } from "../../lib/db";
import { submitGeneration } from "../../lib/generations/submit";
import { probe } from "../../lib/media/ffmpeg";
import { getStorage } from "../../lib/storage";
import { teamWith } from "./helpers/accounts";
import { signedCallback } from "./helpers/callbacks";
import { appDatabaseForThisFile } from "./helpers/database";
import { BASE_REQUEST, pipelineForThisFile, upstreamTasksFor, waitForStatus } from "./helpers/pipeline";

const WEBHOOK_SECRET = "whsec_dGVzdHNlY3JldHRlc3RzZWNyZXR0ZXN0c2VjcmV0MTI=";

appDatabaseForThisFile();

const pipeline = pipelineForThisFile({
  teamName: "Pipeline team",
  env: { KLING_WEBHOOK_SECRET: WEBHOOK_SECRET },
  emulator: { blockedWords: ["forbidden"], contentPolicyMode: "fail" },
});

const submit = (input: Partial<typeof BASE_REQUEST> & Record<string, unknown> = {}) =>
  submitGeneration({
    teamId: pipeline.team.id,
    userId: pipeline.userId,
    input: { ...BASE_REQUEST, ...input },
  });

async function expectArchivedOnce(id: string) {
  const row = await waitForStatus(id, ["archived", "failed", "timed_out"]);
  expect(row.errorMessage).toBeNull();
  expect(row.status).toBe("archived");
  expect(upstreamTasksFor(pipeline.emulator, id)).toHaveLength(1);
  expect(row.assets.map((asset) => asset.kind).sort()).toEqual(["poster", "video"]);
  return row;
}

describe("generation pipeline against the emulator", () => {
  it("archives a playable MP4 and a poster (happy path)", async () => {
    const { id, estimatedUnits } = await submit();
    expect(estimatedUnits).toBe(1.5);
    const row = await expectArchivedOnce(id);
    expect(Number(row.chargedUnits)).toBe(1.5);
    const video = row.assets.find((asset) => asset.kind === "video");
    const poster = row.assets.find((asset) => asset.kind === "poster");
    expect(video?.contentType).toBe("video/mp4");
    expect(video?.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(video?.durationSeconds).toBeGreaterThan(4.8);
    expect(video?.durationSeconds).toBeLessThan(5.3);
    const file = path.join(process.env.DATA_DIR as string, "media", video?.storageKey as string);
    const info = await probe(file);
    expect(info.videoCodec).toBe("h264");
    expect(info.width).toBe(video?.width);
    expect(await getStorage().size(poster?.storageKey as string)).toBeGreaterThan(1000);
  }, 60_000);

  it.each([
    [
      "a burst of 5xx on create",
      [
        { kind: "http_500", scope: "create", count: 2 },
        { kind: "http_503", scope: "create", count: 1 },
      ],
    ],
    [
      "a lost create whose lookups keep failing for a while",
      [
        { kind: "response_lost", scope: "create", count: 1 },
        { kind: "http_500", scope: "query", count: 6 },
      ],
    ],
    [
      "5xx on polling",
      [
        { kind: "http_504", scope: "list", count: 3 },
        { kind: "http_500", scope: "query", count: 2 },
      ],
    ],
    ["429/1302 rate limiting", [{ kind: "rate_limit", scope: "all", count: 4 }]],
    ["a create whose response is lost", [{ kind: "response_lost", scope: "create", count: 1 }]],
    [
      "a create whose connection is reset after creating",
      [{ kind: "response_lost", scope: "create", count: 1, lostAs: "reset" }],
    ],
  ] as const)(
    "ends archived with exactly one upstream task after %s",
    async (_label, faults) => {
      pipeline.emulator.faults.set(faults.map((fault) => ({ ...fault })));
      try {
        const { id } = await submit();
        await expectArchivedOnce(id);
      } finally {
        pipeline.emulator.faults.clear();
      }
    },
    60_000,
  );

  it("lets a task that finishes after the deadline still land (timed_out is not the end)", async () => {
    process.env.KLING_TASK_DEADLINE_SECONDS = "0.05";
    let id = "";
    try {
      id = (await submit({ prompt: "Late finisher" })).id;
      const timedOut = await waitForStatus(id, ["timed_out", "archived"]);
      expect(timedOut.status).toBe("timed_out");
      expect(timedOut.errorMessage).toMatch(/can still be recovered/);
    } finally {
      delete process.env.KLING_TASK_DEADLINE_SECONDS;
    }
    await waitForStatus(id, ["archived", "failed"]);
    await expectArchivedOnce(id);
  }, 60_000);

  it("sends 12 submissions through a concurrency limit of 5; all finish, one task each", async () => {
    const ids = await Promise.all(
      Array.from({ length: 12 }, (_, index) =>
        submit({ prompt: `Concurrency test ${index}` }).then((r) => r.id),
      ),
    );
    for (const id of ids) await expectArchivedOnce(id);
  }, 120_000);

  it("shows Kling's content-policy message and charges nothing", async () => {
    const { id } = await submit({ prompt: "A forbidden scene" });
    const row = await waitForStatus(id, ["failed", "archived"]);
    expect(row.status).toBe("failed");
    expect(row.klingStatusMsg).toBeTruthy();
    expect(row.errorMessage).toBe(`Kling: ${row.klingStatusMsg}`);
    expect(Number(row.chargedUnits)).toBe(0);
    expect(upstreamTasksFor(pipeline.emulator, id)).toHaveLength(1);
  }, 60_000);

  it("treats a callback replayed twice as one re-fetch and never trusts its body", async () => {
    const { id } = await submit();
    const row = await expectArchivedOnce(id);
    const forged = JSON.stringify({
      task_id: row.klingTaskId,
      task_status: "failed",
      task_status_msg: "forged",
      task_info: { external_task_id: id },
    });
    for (let replay = 0; replay < 2; replay++) {
      const response = await callback(signedCallback(WEBHOOK_SECRET, forged));
      expect(response.status).toBe(200);
    }
    await new Promise((resolve) => setTimeout(resolve, 1500)); // let the refresh jobs run
    const after = await db.generation.findUniqueOrThrow({ where: { id }, include: { assets: true } });
    expect(after.status).toBe("archived");
    expect(after.assets).toHaveLength(2);
    const unsigned = await callback(
      new Request("http://studio.test/api/kling/callback", { method: "POST", body: forged }),
    );
    expect(unsigned.status).toBe(401);
  }, 60_000);

  it("refuses a generation over the monthly budget with the numbers", async () => {
    const other = await teamWith(getAuth(), "Budget team");
    await db.organization.update({ where: { id: other.team.id }, data: { monthlyUnitBudget: 3 } });
    const input = { ...BASE_REQUEST, model: "kling-v1-6", mode: "std" as const }; // 2 units
    await submitGeneration({ teamId: other.team.id, userId: other.owner.user.id, input });
    await expect(
      submitGeneration({ teamId: other.team.id, userId: other.owner.user.id, input }),
    ).rejects.toMatchObject({
      field: "budget",
      message:
        "This generation needs 2 units, but only 1 of the team's 3-unit monthly budget remain (2 used this month).",
    });
  });

  it.each([
    [
      {
        model: "kling-v2-6",
        camera: { type: "simple", config: { horizontal: 0, vertical: 0, pan: 0, tilt: 0, roll: 0, zoom: 5 } },
      },
      "camera",
      "Camera movement on Kling 2.6: not supported by this model",
    ],
    [
      {
        model: "kling-v1",
        camera: { type: "simple", config: { horizontal: 0, vertical: 0, pan: 2, tilt: 0, roll: 0, zoom: 3 } },
      },
      "camera",
      "Camera movement simple needs exactly one non-zero axis; got pan=2 and zoom=3",
    ],
    [
      { model: "kling-v2-6", mode: "std", sound: true },
      "sound",
      "Native audio on Kling 2.6: Professional mode only",
    ],
    [
      { model: "kling-v2-5-turbo", duration: 7 },
      "duration",
      "Kling 2.5 Turbo Standard supports 5 or 10 s; got 7 s",
    ],
    [
      { model: "kling-v2-master", mode: "pro" },
      "mode",
      "Kling 2.0 Master takes no mode choice; got Professional",
    ],
    [
      { model: "kling-v2-5-turbo", cfgScale: 0.7 },
      "cfgScale",
      "Kling 2.5 Turbo does not take a CFG scale; got 0.7",
    ],
    [{ prompt: "x".repeat(2501) }, "prompt", "Prompt must be at most 2500 characters; got 2501"],
  ])("refuses an invalid combination sent straight to the action (%#)", async (input, field, message) => {
    const before = await db.generation.count();
    await expect(submit(input as Record<string, unknown>)).rejects.toMatchObject({
      status: 400,
      field,
      message,
    });
    expect(await db.generation.count()).toBe(before);
  });
});
