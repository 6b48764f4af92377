import { beforeAll, describe, expect, it } from "vitest";
import type { Auth } from "../../../lib/auth/auth";
import { getAuth } from "../../../lib/auth/instance";
import { db } from "../../../lib/db";
import { changeMemberRole, leaveTeam } from "../../../lib/teams/members";
import { createTeam, MAX_OWNED_TEAMS } from "../../../lib/teams/teams";
import { teamWith } from "../helpers/accounts";
import { appDatabaseForThisFile } from "../helpers/database";

appDatabaseForThisFile();
let auth: Auth;

beforeAll(async () => {
  auth = getAuth();
});

const ROUNDS = 8;

async function twoOwners(name: string) {
  const { team, owner, members } = await teamWith(auth, name, ["admin"]);
  await db.member.update({ where: { id: members.admin.memberId }, data: { role: "owner" } });
  return { teamId: team.id, first: owner.memberId, second: members.admin.memberId };
}

const owners = (teamId: string) => db.member.count({ where: { organizationId: teamId, role: "owner" } });

describe("a team always keeps an owner", () => {
  it("two owners demoting each other at the same moment: one wins, one is refused", async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const { teamId, first, second } = await twoOwners(`Demote race ${round}`);
      const results = await Promise.allSettled([
        changeMemberRole({ teamId, actorRole: "owner", memberId: second, role: "admin" }),
        changeMemberRole({ teamId, actorRole: "owner", memberId: first, role: "admin" }),
      ]);
      expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
      const refused = results.find((result) => result.status === "rejected");
      expect(String((refused as PromiseRejectedResult).reason.message)).toMatch(/at least one owner/);
      expect(await owners(teamId)).toBe(1);
    }
  });

  it("two owners leaving at the same moment: one stays", async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const { teamId, first, second } = await twoOwners(`Leave race ${round}`);
      const results = await Promise.allSettled([
        leaveTeam({ teamId, memberId: first }),
        leaveTeam({ teamId, memberId: second }),
      ]);
      expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
      expect(await owners(teamId)).toBe(1);
    }
  });

  it("one owner demoting while the other leaves: still an owner", async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const { teamId, first, second } = await twoOwners(`Mixed race ${round}`);
      await Promise.allSettled([
        changeMemberRole({ teamId, actorRole: "owner", memberId: second, role: "viewer" }),
        leaveTeam({ teamId, memberId: first }),
      ]);
      expect(await owners(teamId)).toBe(1);
    }
  });
});

describe("who may create a team", () => {
  it("anyone signed in, up to MAX_OWNED_TEAMS owned, even when requests race", async () => {
    const { owner } = await teamWith(auth, "Agency first");
    const attempts = await Promise.allSettled(
      Array.from({ length: MAX_OWNED_TEAMS + 3 }, (_, index) =>
        createTeam({ userId: owner.user.id, name: `Agency ${index}` }),
      ),
    );
    const refused = attempts.filter((attempt) => attempt.status === "rejected");
    expect(refused).toHaveLength(4); // the first team plus 9 more fill the allowance
    expect((refused[0] as PromiseRejectedResult).reason).toMatchObject({
      status: 403,
      message: expect.stringContaining(`You already own ${MAX_OWNED_TEAMS} teams`),
    });
    expect(await db.member.count({ where: { userId: owner.user.id, role: "owner" } })).toBe(MAX_OWNED_TEAMS);
  });
});
