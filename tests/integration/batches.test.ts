import { describe, expect, it } from "vitest";
import { getAuth } from "../../lib/auth/instance";
import { pickTake } from "../../lib/batches/batches";
import {
  countCompareView,
  createCompareShareLink,
  resolveCompareToken,
  revokeCompareShareLink,
} from "../../lib/batches/compare";
import { db } from "../../lib/db";
import { parseGalleryFilter } from "../../lib/gallery/filters";
import { listGallery } from "../../lib/gallery/queries";
import { newSubmissionKey } from "../../lib/generations/submission-key";
import { submitGenerations } from "../../lib/generations/submit";
import { teamWith } from "./helpers/accounts";
import { appDatabaseForThisFile } from "./helpers/database";
import { BASE_REQUEST, pipelineForThisFile, upstreamTasksFor, waitForStatus } from "./helpers/pipeline";

const CONCURRENCY_LIMIT = 5;

appDatabaseForThisFile();
// Every response the emulator sent to a create POST, counted from the emulator's own request log.
const createResponses: number[] = [];

const pipeline = pipelineForThisFile({
  teamName: "Batch team",
  emulator: {
    concurrencyLimit: CONCURRENCY_LIMIT,
    logger: (line) => {
      const match = /^POST \/v1\/videos\/text2video -> (\d+)/.exec(line);
      if (match) createResponses.push(Number(match[1]));
    },
  },
});

const takes = (count: number, input: Partial<typeof BASE_REQUEST> = {}) =>
  submitGenerations({
    teamId: pipeline.team.id,
    userId: pipeline.userId,
    inputs: Array.from({ length: count }, () => ({ ...BASE_REQUEST, ...input })),
    batch: { kind: "takes" },
  });

describe("takes: several generations as one batch", () => {
  it("refuses a batch over the budget as a whole, with the numbers, and writes nothing", async () => {
    const other = await teamWith(getAuth(), "Budget batch team");
    await db.organization.update({ where: { id: other.team.id }, data: { monthlyUnitBudget: 4 } });
    const before = pipeline.emulator.tasks().length;
    const submit = (count: number) =>
      submitGenerations({
        teamId: other.team.id,
        userId: other.owner.user.id,
        inputs: Array.from({ length: count }, () => BASE_REQUEST),
        batch: { kind: "takes" },
      });
    await expect(submit(3)).rejects.toMatchObject({
      field: "budget",
      message:
        "These 3 takes need 4.5 units together (1.5 each), but only 4 of the team's 4-unit monthly budget remain (0 used this month).",
    });
    expect(await db.generation.count({ where: { teamId: other.team.id } })).toBe(0);
    expect(await db.batch.count({ where: { teamId: other.team.id } })).toBe(0);

    // Two takes fit (3 units); then one unit is left, and two more takes are refused whole.
    const accepted = await submit(2);
    expect(accepted.estimatedUnits).toBe(3);
    await expect(submit(2)).rejects.toMatchObject({
      field: "budget",
      message:
        "These 2 takes need 3 units together (1.5 each), but only 1 of the team's 4-unit monthly budget remain (3 used this month).",
    });
    expect(await db.generation.count({ where: { teamId: other.team.id } })).toBe(2);
    for (const { id } of accepted.generations) await waitForStatus(id, ["archived"]);
    expect(pipeline.emulator.tasks().length - before).toBe(2);
  }, 90_000);

  it("4 takes × 3 models against a concurrency limit of 5 all finish, each created exactly once", async () => {
    createResponses.length = 0;
    const models = ["kling-v2-5-turbo", "kling-v2-6", "kling-v1-6"];
    const batches = await Promise.all(models.map((model) => takes(4, { model })));
    const ids = batches.flatMap((batch) => batch.generations.map((generation) => generation.id));
    expect(ids).toHaveLength(12);
    for (const id of ids) {
      const row = await waitForStatus(id, ["archived", "failed", "timed_out"], 240_000);
      expect(row.status).toBe("archived");
      expect(row.errorMessage).toBeNull();
    }
    for (const id of ids) expect(upstreamTasksFor(pipeline.emulator, id)).toHaveLength(1);
    // Exactly 12 creates succeeded; the rest of the POSTs were turned away at the limit (429/1303)
    // and those takes waited in the queue instead of failing.
    expect(createResponses.filter((status) => status === 200)).toHaveLength(12);
    expect(createResponses.filter((status) => status === 429).length).toBeGreaterThan(0);
    expect(createResponses.every((status) => status === 200 || status === 429)).toBe(true);

    const rows = await db.generation.findMany({
      where: { batchId: batches[1].batchId },
      orderBy: { batchIndex: "asc" },
    });
    expect(rows.map((row) => [row.model, row.batchIndex])).toEqual(
      [1, 2, 3, 4].map((i) => ["kling-v2-6", i]),
    );
    const batch = await db.batch.findUniqueOrThrow({ where: { id: batches[1].batchId as string } });
    expect(batch).toMatchObject({
      kind: "takes",
      teamId: pipeline.team.id,
      createdById: pipeline.userId,
      prompt: BASE_REQUEST.prompt,
    });
  }, 300_000);

  it("shows a batch as one gallery item whose cover follows 'Pick this take'; every take stays findable", async () => {
    const batch = await takes(3, { prompt: "A paper lantern drifting over a night lake" });
    const [first, second] = batch.generations;
    const batchId = batch.batchId as string;
    for (const { id } of batch.generations) await waitForStatus(id, ["archived"]);
    const inGallery = async (filter: { q?: string; batch?: string; review?: string; model?: string } = {}) =>
      (await listGallery({ teamId: pipeline.team.id, filter: parseGalleryFilter(filter) })).items.filter(
        (item) => item.batch?.id === batchId,
      );

    expect((await inGallery()).map((item) => item.id)).toEqual([first.id]);
    expect((await inGallery())[0].batch).toEqual({
      id: batchId,
      kind: "takes",
      index: 1,
      size: 3,
      chosen: false,
    });

    await pickTake({ teamId: pipeline.team.id, batchId, generationId: second.id });
    expect((await inGallery()).map((item) => item.id)).toEqual([second.id]);
    expect(await inGallery({ batch: batchId })).toHaveLength(3);
    expect(await inGallery({ q: "lantern" })).toHaveLength(3);
    // A rejected pick does not hide the stack: the cover is the first take that the filter shows.
    await db.generation.update({ where: { id: second.id }, data: { reviewState: "rejected" } });
    expect((await inGallery()).map((item) => item.id)).toEqual([first.id]);
    expect((await inGallery({ review: "rejected" })).map((item) => item.id)).toEqual([second.id]);
    await db.generation.update({ where: { id: second.id }, data: { reviewState: "none" } });
    expect((await inGallery()).map((item) => item.id)).toEqual([second.id]);

    // Another team can neither pick nor see it; an unfinished take cannot be the cover.
    const stranger = await teamWith(getAuth(), "Stranger team");
    await expect(
      pickTake({ teamId: stranger.team.id, batchId, generationId: first.id }),
    ).rejects.toMatchObject({
      status: 404,
    });
    const failed = await db.generation.update({ where: { id: first.id }, data: { status: "failed" } });
    await expect(
      pickTake({ teamId: pipeline.team.id, batchId, generationId: failed.id }),
    ).rejects.toMatchObject({
      status: 409,
      message: "Take 1 has no finished video; only a finished take can be the cover.",
    });
    expect(
      (await listGallery({ teamId: stranger.team.id, filter: parseGalleryFilter({ batch: batchId }) })).items,
    ).toEqual([]);
  }, 90_000);

  it("a comparison is one batch of kind compare; a bad column is named; its share link expires and revokes", async () => {
    await expect(
      submitGenerations({
        teamId: pipeline.team.id,
        userId: pipeline.userId,
        inputs: [BASE_REQUEST, { ...BASE_REQUEST, model: "kling-v2-6", duration: 7 }],
        batch: { kind: "compare" },
        fieldPrefix: (index) => `columns[${index}].`,
      }),
    ).rejects.toMatchObject({
      field: "columns[1].duration",
      message: "Kling 2.6 Standard supports 5 or 10 s; got 7 s",
    });
    const compare = await submitGenerations({
      teamId: pipeline.team.id,
      userId: pipeline.userId,
      inputs: [BASE_REQUEST, { ...BASE_REQUEST, model: "kling-v2-6" }],
      batch: { kind: "compare" },
    });
    const batchId = compare.batchId as string;
    for (const { id } of compare.generations) await waitForStatus(id, ["archived"]);
    // A model filter shows the comparison by its column of that model, not by its cover.
    const byModel = await listGallery({
      teamId: pipeline.team.id,
      filter: parseGalleryFilter({ model: "kling-v2-6" }),
    });
    expect(byModel.items.filter((item) => item.batch?.id === batchId).map((item) => item.id)).toEqual([
      compare.generations[1].id,
    ]);
    expect((await db.batch.findUniqueOrThrow({ where: { id: batchId } })).kind).toBe("compare");

    const link = await createCompareShareLink({
      teamId: pipeline.team.id,
      userId: pipeline.userId,
      batchId,
      expiry: "1d",
    });
    await countCompareView(link.id);
    expect((await db.batchShareLink.findUniqueOrThrow({ where: { id: link.id } })).viewCount).toBe(1);
    expect((await resolveCompareToken(link.token))?.cells.map((cell) => cell.generation.model)).toEqual([
      "kling-v2-5-turbo",
      "kling-v2-6",
    ]);
    const stranger = await teamWith(getAuth(), "Compare stranger");
    await expect(
      createCompareShareLink({
        teamId: stranger.team.id,
        userId: stranger.owner.user.id,
        batchId,
        expiry: "1d",
      }),
    ).rejects.toMatchObject({ status: 404 });
    await db.batchShareLink.update({
      where: { id: link.id },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    expect(await resolveCompareToken(link.token)).toBeNull();
    const second = await createCompareShareLink({
      teamId: pipeline.team.id,
      userId: pipeline.userId,
      batchId,
      expiry: "never",
    });
    await revokeCompareShareLink({
      teamId: pipeline.team.id,
      userId: pipeline.userId,
      batchId,
      linkId: second.id,
    });
    expect(await resolveCompareToken(second.token)).toBeNull();
    // Each video's own history tells of the links that published it (two created, one revoked).
    for (const { id } of compare.generations) {
      const kinds = await db.activity.findMany({
        where: { generationId: id },
        orderBy: { createdAt: "asc" },
        select: { kind: true, actorId: true },
      });
      expect(kinds).toEqual(
        ["compare_share", "compare_share", "compare_unshare"].map((kind) => ({
          kind,
          actorId: pipeline.userId,
        })),
      );
    }
    expect(await resolveCompareToken("not-a-real-token-0123456789")).toBeNull();
  }, 90_000);
});

describe("one Generate action, one batch", () => {
  it("the same key yields the same batch and takes, even three at once; a new key is a new batch", async () => {
    const other = await teamWith(getAuth(), "Idempotent batch team");
    const idempotencyKey = newSubmissionKey();
    const submit = () =>
      submitGenerations({
        teamId: other.team.id,
        userId: other.owner.user.id,
        inputs: Array.from({ length: 3 }, () => BASE_REQUEST),
        batch: { kind: "takes" },
        idempotencyKey,
      });
    const results = await Promise.all([submit(), submit(), submit()]);
    expect(new Set(results.map((result) => result.batchId)).size).toBe(1);
    expect(results.filter((result) => !result.repeated)).toHaveLength(1);
    for (const result of results) {
      expect(result.generations.map((generation) => generation.id)).toEqual(
        results[0].generations.map((generation) => generation.id),
      );
      expect(result.estimatedUnits).toBe(results[0].estimatedUnits);
    }
    expect(await db.batch.count({ where: { teamId: other.team.id } })).toBe(1);
    expect(await db.generation.count({ where: { teamId: other.team.id } })).toBe(3);

    const next = await submitGenerations({
      teamId: other.team.id,
      userId: other.owner.user.id,
      inputs: Array.from({ length: 2 }, () => BASE_REQUEST),
      batch: { kind: "compare" },
      idempotencyKey: newSubmissionKey(),
    });
    expect(next.batchId).not.toBe(results[0].batchId);
    expect(await db.batch.count({ where: { teamId: other.team.id } })).toBe(2);
  });
});
