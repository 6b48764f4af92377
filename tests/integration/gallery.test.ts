import { randomUUID } from "node:crypto";
import { mkdtemp, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { GET as getGallery } from "../../app/api/gallery/route";
import { GET as sharedVideo } from "../../app/s/[token]/video/route";
import type { Auth } from "../../lib/auth/auth";
import { getAuth } from "../../lib/auth/instance";
import { db } from "../../lib/db";
import { resetServerEnv } from "../../lib/env";
import { parseGalleryFilter } from "../../lib/gallery/filters";
import { galleryNeighbors, listGallery } from "../../lib/gallery/queries";
import { getVideoDetail } from "../../lib/review/detail";
import { addComment, rateVideo, setReviewState } from "../../lib/review/review";
import { createShareLink, resolveShareToken, revokeShareLink } from "../../lib/share/share";
import { getStorage, resetStorage } from "../../lib/storage";
import { teamWith } from "./helpers/accounts";
import { appDatabaseForThisFile } from "./helpers/database";

appDatabaseForThisFile();
let auth: Auth;
let team: Awaited<ReturnType<typeof teamWith>>;
let other: Awaited<ReturnType<typeof teamWith>>;
const ids: Record<string, string> = {};
const VIDEO_BYTES = Buffer.from(Array.from({ length: 4096 }, (_, index) => (index * 7) % 256));

beforeAll(async () => {
  process.env.DATA_DIR = await mkdtemp(path.join(os.tmpdir(), "kling-gallery-"));
  resetServerEnv();
  resetStorage();
  auth = getAuth();
  team = await teamWith(auth, "Gallery team", ["creator", "reviewer"]);
  other = await teamWith(auth, "Other gallery team");
  const source = path.join(process.env.DATA_DIR, "source.mp4");
  await writeFile(source, VIDEO_BYTES);
  const seed = [
    ["fox", "A red fox trotting through snow at dawn", "kling-v1", team.owner.user.id, "2026-11-01"],
    [
      "lighthouse",
      "A lighthouse in a violent storm, waves crashing",
      "kling-v2-6",
      team.members.creator.user.id,
      "2026-11-05",
    ],
    ["market", "A crowded night market with neon signs", "kling-v2-6", team.owner.user.id, "2026-11-10"],
    [
      "desert",
      "Dunes at noon, heat haze, a lone camel",
      "kling-v3",
      team.members.creator.user.id,
      "2026-11-15",
    ],
  ] as const;
  for (const [key, prompt, model, authorId, day] of seed) {
    ids[key] = await seedVideo({
      teamId: team.team.id,
      authorId,
      prompt,
      model,
      createdAt: new Date(`${day}T12:00:00Z`),
      source,
    });
  }
  ids.foreign = await seedVideo({
    teamId: other.team.id,
    authorId: other.owner.user.id,
    prompt: "A red fox of another team",
    model: "kling-v1",
    createdAt: new Date(),
    source,
  });
});

async function seedVideo(options: {
  teamId: string;
  authorId: string;
  prompt: string;
  model: string;
  createdAt: Date;
  source: string;
}) {
  const id = randomUUID();
  await db.generation.create({
    data: {
      id,
      teamId: options.teamId,
      authorId: options.authorId,
      status: "archived",
      request: {
        prompt: options.prompt,
        negativePrompt: "",
        model: options.model,
        mode: "std",
        duration: 5,
        aspectRatio: "16:9",
        cfgScale: null,
        camera: null,
        sound: false,
      },
      prompt: options.prompt,
      model: options.model,
      mode: "std",
      duration: 5,
      aspectRatio: "16:9",
      estimatedUnits: 1,
      createdAt: options.createdAt,
      archivedAt: options.createdAt,
    },
  });
  const key = `teams/${options.teamId}/generations/${id}/video.mp4`;
  await getStorage().putFile(key, options.source);
  await db.asset.create({
    data: {
      id: randomUUID(),
      generationId: id,
      teamId: options.teamId,
      kind: "video",
      storageKey: key,
      contentType: "video/mp4",
      sizeBytes: BigInt(VIDEO_BYTES.length),
      durationSeconds: 5,
      sha256: "0".repeat(64),
    },
  });
  return id;
}

const list = (query: string, cursor?: string | null, limit?: number) =>
  listGallery({
    teamId: team.team.id,
    filter: parseGalleryFilter(new URLSearchParams(query)),
    cursor,
    limit,
  });
const prompts = (page: Awaited<ReturnType<typeof list>>) => page.items.map((item) => item.id);

describe("gallery", () => {
  it("lists the team's videos newest first, pages by cursor, and never shows another team's", async () => {
    expect(prompts(await list(""))).toEqual([ids.desert, ids.market, ids.lighthouse, ids.fox]);
    const first = await list("", null, 3);
    expect(first.items).toHaveLength(3);
    const second = await list("", first.nextCursor, 3);
    expect(prompts(second)).toEqual([ids.fox]);
    expect(second.nextCursor).toBeNull();
    expect(prompts(await list("sort=oldest"))).toEqual([ids.fox, ids.lighthouse, ids.market, ids.desert]);
  });

  it("finds a video by a word of its prompt (full-text, stemmed)", async () => {
    expect(prompts(await list("q=lighthouse"))).toEqual([ids.lighthouse]);
    expect(prompts(await list("q=crash"))).toEqual([ids.lighthouse]); // "crashing" stems to "crash"
    expect(prompts(await list("q=fox"))).toEqual([ids.fox]); // not the other team's fox
    expect(prompts(await list("q=submarine"))).toEqual([]);
  });

  it("filters by model, author, date range, review state and rating; hides rejected unless asked", async () => {
    expect(prompts(await list("model=kling-v2-6"))).toEqual([ids.market, ids.lighthouse]);
    expect(prompts(await list(`author=${team.members.creator.user.id}`))).toEqual([
      ids.desert,
      ids.lighthouse,
    ]);
    expect(prompts(await list("from=2026-11-04&to=2026-11-10"))).toEqual([ids.market, ids.lighthouse]);

    await setReviewState({
      teamId: team.team.id,
      actorId: team.members.reviewer.user.id,
      generationId: ids.market,
      state: "rejected",
    });
    await setReviewState({
      teamId: team.team.id,
      actorId: team.members.reviewer.user.id,
      generationId: ids.fox,
      state: "approved",
    });
    expect(prompts(await list(""))).not.toContain(ids.market);
    expect(prompts(await list("review=rejected"))).toEqual([ids.market]);
    expect(prompts(await list("review=all"))).toContain(ids.market);
    expect(prompts(await list("review=approved"))).toEqual([ids.fox]);

    await rateVideo({
      teamId: team.team.id,
      userId: team.members.reviewer.user.id,
      generationId: ids.desert,
      stars: 5,
    });
    await rateVideo({ teamId: team.team.id, userId: team.owner.user.id, generationId: ids.desert, stars: 4 });
    await rateVideo({
      teamId: team.team.id,
      userId: team.owner.user.id,
      generationId: ids.lighthouse,
      stars: 3,
    });
    expect(prompts(await list("minRating=4"))).toEqual([ids.desert]);
    expect(prompts(await list("sort=rating")).slice(0, 2)).toEqual([ids.desert, ids.lighthouse]);
    const detail = await getVideoDetail({
      teamId: team.team.id,
      generationId: ids.desert,
      viewerId: team.owner.user.id,
      role: "owner",
    });
    expect(detail.ratingAverage).toBe(4.5);
    expect(detail.myRating).toBe(4);
  });

  it("knows the previous and next video in the current filter (J/K)", async () => {
    const filter = parseGalleryFilter(new URLSearchParams("review=all"));
    const neighbors = await galleryNeighbors({ teamId: team.team.id, filter, id: ids.market });
    expect(neighbors).toEqual({ previousId: ids.desert, nextId: ids.lighthouse });
  });

  it("records comments with timecodes and the activity history", async () => {
    await addComment({
      teamId: team.team.id,
      authorId: team.members.reviewer.user.id,
      generationId: ids.fox,
      input: { body: "Lovely light", timecodeSeconds: 1.5 },
    });
    await expect(
      addComment({
        teamId: team.team.id,
        authorId: team.members.reviewer.user.id,
        generationId: ids.fox,
        input: { body: "Too late", timecodeSeconds: 9 },
      }),
    ).rejects.toMatchObject({
      field: "timecodeSeconds",
      message: "Timecode 9.0 s is past the end of the video (5.0 s)",
    });
    const detail = await getVideoDetail({
      teamId: team.team.id,
      generationId: ids.fox,
      viewerId: team.owner.user.id,
      role: "owner",
    });
    expect(detail.comments.map((comment) => [comment.body, comment.timecodeSeconds])).toEqual([
      ["Lovely light", 1.5],
    ]);
    expect(detail.activity.map((activity) => activity.kind)).toEqual(["comment", "review"]);
  });

  it("refuses every review action and the video page to a member of another team with 404", async () => {
    const foreign = ids.fox;
    const stranger = { teamId: other.team.id, userId: other.owner.user.id };
    const attempts = [
      () =>
        getVideoDetail({
          teamId: stranger.teamId,
          generationId: foreign,
          viewerId: stranger.userId,
          role: "owner",
        }),
      () =>
        setReviewState({
          teamId: stranger.teamId,
          actorId: stranger.userId,
          generationId: foreign,
          state: "rejected",
        }),
      () => rateVideo({ teamId: stranger.teamId, userId: stranger.userId, generationId: foreign, stars: 1 }),
      () =>
        addComment({
          teamId: stranger.teamId,
          authorId: stranger.userId,
          generationId: foreign,
          input: { body: "hi", timecodeSeconds: null },
        }),
      () =>
        createShareLink({
          teamId: stranger.teamId,
          userId: stranger.userId,
          generationId: foreign,
          expiry: "7d",
          hidePrompt: false,
        }),
    ];
    for (const attempt of attempts) await expect(attempt()).rejects.toMatchObject({ status: 404 });
    const link = await createShareLink({
      teamId: team.team.id,
      userId: team.owner.user.id,
      generationId: foreign,
      expiry: "7d",
      hidePrompt: false,
    });
    await expect(
      revokeShareLink({ teamId: stranger.teamId, userId: stranger.userId, linkId: link.id }),
    ).rejects.toMatchObject({ status: 404 });
    const strangerGallery = await getGallery(
      new Request("http://studio.test/api/gallery?q=fox", { headers: other.owner.headers }),
      { params: Promise.resolve({}) },
    );
    expect((await strangerGallery.json()).items.map((item: { id: string }) => item.id)).toEqual([
      ids.foreign,
    ]);
    expect((await db.generation.findUniqueOrThrow({ where: { id: foreign } })).reviewState).toBe("approved");
  });
});

describe("share links", () => {
  it("reach the video page's detail only for roles that manage sharing; the detail is plain JSON", async () => {
    const link = await createShareLink({
      teamId: team.team.id,
      userId: team.owner.user.id,
      generationId: ids.market,
      expiry: "never",
      hidePrompt: false,
    });
    const detailFor = (role: "owner" | "creator" | "reviewer" | "viewer") =>
      getVideoDetail({ teamId: team.team.id, generationId: ids.market, viewerId: team.owner.user.id, role });
    for (const role of ["owner", "creator"] as const)
      expect((await detailFor(role)).shareLinks.map((shared) => shared.token)).toContain(link.token);
    for (const role of ["reviewer", "viewer"] as const)
      expect((await detailFor(role)).shareLinks).toEqual([]);
    const detail = await detailFor("owner");
    // What the server hands the client component survives JSON unchanged: no Date, Decimal or BigInt.
    expect(JSON.parse(JSON.stringify(detail))).toEqual(detail);
    expect(detail.createdAt).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect(detail.video?.url).toBe(`/api/media/${detail.video?.id}`);
    expect(detail.request.prompt).toBe(detail.prompt);
    await revokeShareLink({ teamId: team.team.id, userId: team.owner.user.id, linkId: link.id });
  });

  it("serve the video to anyone with Range, and the same 404 for unknown, revoked and expired tokens", async () => {
    const link = await createShareLink({
      teamId: team.team.id,
      userId: team.owner.user.id,
      generationId: ids.lighthouse,
      expiry: "1d",
      hidePrompt: true,
    });
    expect(Buffer.from(link.token, "base64url").length).toBeGreaterThanOrEqual(16); // at least 128 random bits
    const fetchShared = (token: string, range?: string) =>
      sharedVideo(new Request(`http://studio.test/s/${token}/video`, { headers: range ? { range } : {} }), {
        params: Promise.resolve({ token }),
      });

    const partial = await fetchShared(link.token, "bytes=100-199");
    expect(partial.status).toBe(206);
    expect(Buffer.from(await partial.arrayBuffer())).toEqual(VIDEO_BYTES.subarray(100, 200));
    expect((await resolveShareToken(link.token))?.link.hidePrompt).toBe(true);

    const expired = await createShareLink({
      teamId: team.team.id,
      userId: team.owner.user.id,
      generationId: ids.lighthouse,
      expiry: "1d",
      hidePrompt: false,
    });
    await db.shareLink.update({
      where: { id: expired.id },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    await revokeShareLink({ teamId: team.team.id, userId: team.owner.user.id, linkId: link.id });
    const answers = await Promise.all(
      [link.token, expired.token, "A".repeat(32)].map((token) => fetchShared(token)),
    );
    for (const answer of answers) {
      expect(answer.status).toBe(404);
      expect(await answer.text()).toBe("Not found");
    }
  });
});
