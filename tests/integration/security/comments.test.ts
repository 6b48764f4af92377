import { randomUUID } from "node:crypto";
import { mkdtemp } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { GET as commentsRoute } from "../../../app/api/videos/[id]/comments/route";
import { getAuth } from "../../../lib/auth/instance";
import { db } from "../../../lib/db";
import { resetServerEnv } from "../../../lib/env";
import { COMMENT_PAGE, listComments } from "../../../lib/review/comments";
import { resetStorage } from "../../../lib/storage";
import { teamWith } from "../helpers/accounts";
import { appDatabaseForThisFile } from "../helpers/database";
import { seedVideo } from "./matrix/fixtures";

appDatabaseForThisFile();
let team: Awaited<ReturnType<typeof teamWith>>;
let other: Awaited<ReturnType<typeof teamWith>>;
let generationId: string;
const TOTAL = COMMENT_PAGE * 2 + 20;

beforeAll(async () => {
  process.env.DATA_DIR = await mkdtemp(path.join(os.tmpdir(), "kling-comments-"));
  resetServerEnv();
  resetStorage();
  team = await teamWith(getAuth(), "Chatty team");
  other = await teamWith(getAuth(), "Quiet team");
  ({ generationId } = await seedVideo(team.team.id, team.owner.user.id, process.env.DATA_DIR));
  const start = Date.parse("2026-11-01T00:00:00Z");
  await db.comment.createMany({
    data: Array.from({ length: TOTAL }, (_, index) => ({
      id: randomUUID(),
      generationId,
      teamId: team.team.id,
      authorId: team.owner.user.id,
      body: `comment ${index}`,
      // Pairs share a timestamp, so the (createdAt, id) cursor is what keeps pages apart.
      createdAt: new Date(start + Math.floor(index / 2) * 1000),
    })),
  });
});

describe("comments are paginated", () => {
  it("the newest page first, then earlier pages, every comment once, oldest first within a page", async () => {
    const seen: string[] = [];
    let before: string | null = null;
    const sizes: number[] = [];
    do {
      const page = await listComments({ teamId: team.team.id, generationId, before });
      expect(page.total).toBe(TOTAL);
      sizes.push(page.comments.length);
      seen.unshift(...page.comments.map((comment) => comment.body));
      before = page.earlier;
    } while (before);
    expect(sizes).toEqual([COMMENT_PAGE, COMMENT_PAGE, 20]);
    expect(new Set(seen).size).toBe(TOTAL);
    const times = seen.map((body) => Math.floor(Number(body.split(" ")[1]) / 2));
    expect(times).toEqual([...times].sort((a, b) => a - b));
  });

  it("over HTTP: members of the team only; a garbage cursor is a 400 naming before", async () => {
    const url = (query = "") => `http://studio.test/api/videos/${generationId}/comments${query}`;
    const route = { params: Promise.resolve({ id: generationId }) };
    const mine = await commentsRoute(new Request(url(), { headers: team.owner.headers }), route);
    expect(mine.status).toBe(200);
    expect((await mine.json()).comments).toHaveLength(COMMENT_PAGE);
    const theirs = await commentsRoute(new Request(url(), { headers: other.owner.headers }), route);
    expect(theirs.status).toBe(404);
    const garbage = await commentsRoute(
      new Request(url("?before=yesterday"), { headers: team.owner.headers }),
      route,
    );
    expect(garbage.status).toBe(400);
    expect(await garbage.json()).toMatchObject({ field: "before" });
  });
});
