import { describe, expect, it } from "vitest";
import { db } from "../../lib/db";
import { submitGeneration, submitGenerations } from "../../lib/generations/submit";
import { appDatabaseForThisFile } from "./helpers/database";
import { pipelineForThisFile, upstreamTasksFor, waitForStatus } from "./helpers/pipeline";

appDatabaseForThisFile();

const pipeline = pipelineForThisFile({ teamName: "Storyboard team" });

const storyboard = (durations: number[], extra: Record<string, unknown> = {}) => ({
  prompt: "",
  model: "kling-v3",
  mode: "std" as const,
  duration: durations.reduce((sum, seconds) => sum + seconds, 0),
  aspectRatio: "16:9" as const,
  shotType: "customize" as const,
  shots: durations.map((duration, index) => ({ prompt: `Shot ${index + 1} of the lighthouse`, duration })),
  ...extra,
});

describe("storyboards through the pipeline", () => {
  it("sends one multi-shot task with the shots and archives a video of their total length", async () => {
    const { id } = await submitGeneration({
      teamId: pipeline.team.id,
      userId: pipeline.userId,
      input: storyboard([2, 3, 5]),
    });
    const row = await waitForStatus(id, ["archived", "failed", "timed_out"]);
    expect(row.status).toBe("archived");
    expect(row.prompt).toBe(
      "Shot 1: Shot 1 of the lighthouse / Shot 2: Shot 2 of the lighthouse / Shot 3: Shot 3 of the lighthouse",
    );
    const [task] = upstreamTasksFor(pipeline.emulator, id);
    expect(upstreamTasksFor(pipeline.emulator, id)).toHaveLength(1);
    expect(task.request.durationSec).toBe(10);
    expect(task.request.prompt).toBe(""); // Kling takes no prompt beside written-out shots
    expect(task.request.multiShot).toEqual({
      shotType: "customize",
      shots: [2, 3, 5].map((durationSec, index) => ({
        index: index + 1,
        prompt: `Shot ${index + 1} of the lighthouse`,
        durationSec,
      })),
    });
    const video = row.assets.find((asset) => asset.kind === "video");
    expect(video?.durationSeconds).toBeGreaterThan(9.8);
    expect(video?.durationSeconds).toBeLessThan(10.4);
  }, 90_000);

  it("refuses a bad storyboard naming the shot field and the rule, and a model without multi-shot", async () => {
    const before = pipeline.emulator.tasks().length;
    await expect(
      submitGeneration({
        teamId: pipeline.team.id,
        userId: pipeline.userId,
        input: {
          ...storyboard([2, 3, 5]),
          duration: 10,
          shots: [
            { prompt: "a", duration: 2 },
            { prompt: "b", duration: 3 },
            { prompt: "c", duration: 0 },
          ],
        },
      }),
    ).rejects.toMatchObject({
      status: 400,
      field: "shots[2].duration",
      message: "Shot 3 must last whole seconds, at least 1 s; got 0",
    });
    await expect(
      submitGeneration({
        teamId: pipeline.team.id,
        userId: pipeline.userId,
        input: storyboard([5, 5], { model: "kling-v2-6" }),
      }),
    ).rejects.toMatchObject({
      field: "shotType",
      message: "Kling 2.6 cannot take a storyboard (multi-shot is Kling 3.0 only)",
    });
    expect(pipeline.emulator.tasks().length).toBe(before);
    expect(await db.generation.count({ where: { teamId: pipeline.team.id, model: "kling-v2-6" } })).toBe(0);
  });

  it("takes of a storyboard are one batch whose prompt is the shots written out (the compare and share pages show it)", async () => {
    const batch = await submitGenerations({
      teamId: pipeline.team.id,
      userId: pipeline.userId,
      inputs: [storyboard([2, 3]), storyboard([2, 3])],
      batch: { kind: "takes" },
    });
    const row = await db.batch.findUniqueOrThrow({ where: { id: batch.batchId as string } });
    expect(row.prompt).toBe("Shot 1: Shot 1 of the lighthouse / Shot 2: Shot 2 of the lighthouse");
  });
});
