import { beforeAll, describe, expect, it } from "vitest";
import type { Auth } from "../../../lib/auth/auth";
import { getAuth } from "../../../lib/auth/instance";
import { resolveTeamContext } from "../../../lib/auth/session";
import { db } from "../../../lib/db";
import { leaveTeam } from "../../../lib/teams/members";
import { switchTeam } from "../../../lib/teams/teams";
import { teamWith } from "../helpers/accounts";
import { appDatabaseForThisFile } from "../helpers/database";

appDatabaseForThisFile();
let auth: Auth;

beforeAll(async () => {
  auth = getAuth();
});

describe("an action acts for the team its page was rendered for", () => {
  it("a tab rendered for A after another tab switched to B: billed to A; after leaving A: refused", async () => {
    const a = await teamWith(auth, "Rendered A", ["creator"]);
    const b = await teamWith(auth, "Rendered B");
    const person = a.members.creator;
    const memberOfB = await db.member.create({
      data: {
        id: crypto.randomUUID(),
        organizationId: b.team.id,
        userId: person.user.id,
        role: "viewer",
        createdAt: new Date(),
      },
    });
    const session = await auth.api.getSession({ headers: person.headers });
    await switchTeam({ sessionId: session?.session.id ?? "", userId: person.user.id, teamId: b.team.id });

    // The other tab's switch does not move the action: it runs in A, with the role held in A.
    const inA = await resolveTeamContext(person.headers, "generation.create", a.team.id);
    expect(inA.team.id).toBe(a.team.id);
    expect(inA.member.role).toBe("creator");
    // Without the rendered team, the session's current team (B) would have been used.
    expect((await resolveTeamContext(person.headers)).team.id).toBe(b.team.id);

    // Rendered for B, where the role does not allow it: refused naming the role.
    await expect(resolveTeamContext(person.headers, "generation.create", b.team.id)).rejects.toMatchObject({
      status: 403,
      message: expect.stringContaining("Your role in Rendered B is viewer"),
    });

    await leaveTeam({ teamId: a.team.id, memberId: person.memberId });
    await expect(resolveTeamContext(person.headers, "generation.create", a.team.id)).rejects.toMatchObject({
      status: 403,
      message: expect.stringMatching(/^You are no longer a member of the team this page was showing/),
    });
    expect(memberOfB.role).toBe("viewer");
  });

  it("another team's id, or one that does not exist, gets the same refusal (nothing revealed)", async () => {
    const mine = await teamWith(auth, "Mine only");
    const theirs = await teamWith(auth, "Theirs only");
    const messages = await Promise.all(
      [theirs.team.id, "no-such-team"].map((teamId) =>
        resolveTeamContext(mine.owner.headers, undefined, teamId).catch((error: Error) => error.message),
      ),
    );
    expect(messages[0]).toBe(messages[1]);
    expect(messages[0]).not.toContain("Theirs");
  });
});
