import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getAuth } from "../../../lib/auth/instance";
import { db } from "../../../lib/db";
import { resetServerEnv } from "../../../lib/env";
import { submitGeneration, submitGenerations } from "../../../lib/generations/submit";
import { consumeMemberQuota } from "../../../lib/security/rate-limit";
import { createShareLink } from "../../../lib/share/share";
import { teamWith } from "../helpers/accounts";
import { appDatabaseForThisFile } from "../helpers/database";
import { BASE_REQUEST } from "../helpers/pipeline";

appDatabaseForThisFile();
let fixture: Awaited<ReturnType<typeof teamWith>>;

beforeAll(async () => {
  Object.assign(process.env, { MEMBER_GENERATE_LIMIT: "3", MEMBER_SHARE_LIMIT: "2" });
  resetServerEnv();
  fixture = await teamWith(getAuth(), "Limited team", ["creator", "admin"]);
});
afterAll(async () => {
  delete process.env.MEMBER_GENERATE_LIMIT;
  delete process.env.MEMBER_SHARE_LIMIT;
  resetServerEnv();
});

describe("per-member rate limits", () => {
  it("Generate: past the limit a member gets a 429 saying the limit and when to retry; nothing is queued", async () => {
    const member = { teamId: fixture.team.id, userId: fixture.members.creator.user.id };
    for (let use = 0; use < 3; use++) await consumeMemberQuota("generate", member);
    await expect(submitGeneration({ ...member, input: BASE_REQUEST })).rejects.toMatchObject({
      status: 429,
      message: "You have reached the limit of 3 generations started per 10 minutes. Try again in 10 minutes.",
    });
    expect(await db.generation.count({ where: { teamId: fixture.team.id } })).toBe(0);
    // A teammate is not held back by someone else's limit.
    await expect(
      consumeMemberQuota("generate", { teamId: fixture.team.id, userId: fixture.owner.user.id }),
    ).resolves.toBeUndefined();
  });

  it("Generate with takes: each take counts; a batch that does not fit is refused whole and uses nothing", async () => {
    const member = { teamId: fixture.team.id, userId: fixture.members.admin.user.id };
    const takes = (count: number) =>
      submitGenerations({
        ...member,
        inputs: Array.from({ length: count }, () => BASE_REQUEST),
        batch: { kind: "takes" },
      });
    await takes(2);
    // 2 of 3 used: three more takes do not fit and nothing of them is written or counted.
    await expect(takes(3)).rejects.toMatchObject({
      status: 429,
      message:
        "This would start 3 generations at once, but only 1 of your 3 generations started per 10 minutes remain. Start 1 or fewer, or try again in 10 minutes.",
    });
    expect(await db.generation.count({ where: { teamId: fixture.team.id, authorId: member.userId } })).toBe(
      2,
    );
    // A batch refused by the team's budget does not use up the allowance either.
    await db.organization.update({ where: { id: fixture.team.id }, data: { monthlyUnitBudget: 3 } });
    await expect(takes(1)).rejects.toMatchObject({ status: 409, field: "budget" });
    await db.organization.update({ where: { id: fixture.team.id }, data: { monthlyUnitBudget: null } });
    await takes(1);
    await expect(takes(1)).rejects.toMatchObject({
      status: 429,
      message: "You have reached the limit of 3 generations started per 10 minutes. Try again in 10 minutes.",
    });
  });

  it("share links: the third in an hour is refused with a clear message", async () => {
    const attempt = () =>
      createShareLink({
        teamId: fixture.team.id,
        userId: fixture.owner.user.id,
        generationId: "no-such-video",
        expiry: "7d",
        hidePrompt: false,
      });
    await expect(attempt()).rejects.toMatchObject({ status: 404 });
    await expect(attempt()).rejects.toMatchObject({ status: 404 });
    await expect(attempt()).rejects.toMatchObject({
      status: 429,
      message: "You have reached the limit of 2 share links created per hour. Try again in 60 minutes.",
    });
  });

  it("counts parallel uses exactly (no request slips past the limit)", async () => {
    const member = { teamId: fixture.team.id, userId: "parallel-user" };
    const results = await Promise.allSettled(
      Array.from({ length: 10 }, () => consumeMemberQuota("share", member)),
    );
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(2);
  });
});
