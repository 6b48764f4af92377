import { beforeAll, describe, expect, it } from "vitest";
import { GET as getMe } from "../../app/api/me/route";
import { type Auth, createAuth } from "../../lib/auth/auth";
import { passwordSchema } from "../../lib/auth/auth.validation";
import { getAuth } from "../../lib/auth/instance";
import { resolveTeamContext } from "../../lib/auth/session";
import { completeSetup, needsSetup } from "../../lib/auth/setup";
import { clearSignInAttempts, consumeSignInAttempt } from "../../lib/auth/throttle";
import { createUserWithPassword } from "../../lib/auth/users";
import { db } from "../../lib/db";
import {
  acceptInvitation,
  createInvitation,
  getInvitationForAcceptance,
  revokeInvitation,
} from "../../lib/teams/invitations";
import { changeMemberRole, leaveTeam, removeMember } from "../../lib/teams/members";
import { switchTeam } from "../../lib/teams/teams";
import { PASSWORD, signedInUser, signIn, teamWith } from "./helpers/accounts";
import { appDatabaseForThisFile } from "./helpers/database";

appDatabaseForThisFile();
let auth: Auth;

beforeAll(async () => {
  auth = getAuth();
});

const route = { params: Promise.resolve({}) };

describe("first run", () => {
  it("creates the first account and team once; afterwards setup is gone", async () => {
    expect(await needsSetup()).toBe(true);
    const input = { name: "Ada", email: "ada@first.test", password: PASSWORD, teamName: "First team" };
    const { userId, teamId } = await completeSetup(auth, input);
    expect(await needsSetup()).toBe(false);
    const member = await db.member.findFirstOrThrow({ where: { userId, organizationId: teamId } });
    expect(member.role).toBe("owner");
    await expect(completeSetup(auth, { ...input, email: "eve@first.test" })).rejects.toThrow(
      "This studio is already set up. Sign in instead.",
    );
  });
});

describe("sessions", () => {
  it("answers 401 to unauthenticated requests and 200 with the role to members", async () => {
    const anonymous = await getMe(new Request("http://studio.test/api/me"), route);
    expect(anonymous.status).toBe(401);
    expect(await anonymous.json()).toEqual({ error: "Sign in to continue." });

    const { team, members } = await teamWith(auth, "Session team", ["reviewer"]);
    const response = await getMe(
      new Request("http://studio.test/api/me", { headers: members.reviewer.headers }),
      route,
    );
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body.team.id).toBe(team.id);
    expect(body.role).toBe("reviewer");
    expect(body.permissions).toContain("review.set");
    expect(body.permissions).not.toContain("generation.create");
  });

  it("sets an httpOnly, SameSite=Lax session cookie, Secure only behind https", async () => {
    await createUserWithPassword(auth, { name: "Cookie", email: "cookie@flags.test", password: PASSWORD });
    const plain = await auth.api.signInEmail({
      body: { email: "cookie@flags.test", password: PASSWORD },
      asResponse: true,
    });
    const plainCookie = plain.headers.getSetCookie().find((cookie) => cookie.includes("session_token"));
    expect(plainCookie).toMatch(/^kling_studio\.session_token=/);
    expect(plainCookie).toMatch(/HttpOnly/i);
    expect(plainCookie).toMatch(/SameSite=Lax/i);
    expect(plainCookie).not.toMatch(/Secure/i);

    const httpsAuth = createAuth({
      prisma: db,
      secret: "another-secret-for-https-0123456789",
      publicUrl: "https://studio.example.com",
    });
    const secure = await httpsAuth.api.signInEmail({
      body: { email: "cookie@flags.test", password: PASSWORD },
      asResponse: true,
    });
    const secureCookie = secure.headers.getSetCookie().find((cookie) => cookie.includes("session_token"));
    expect(secureCookie).toMatch(/^__Secure-kling_studio\.session_token=/);
    expect(secureCookie).toMatch(/; Secure/i);
    expect(secureCookie).toMatch(/HttpOnly/i);
  });

  it("refuses a role without the permission with 403 and a clear message", async () => {
    const { members } = await teamWith(auth, "Role team", ["reviewer", "viewer", "creator"]);
    await expect(resolveTeamContext(members.reviewer.headers, "generation.create")).rejects.toMatchObject({
      status: 403,
      message:
        "Your role in Role team is reviewer, which cannot generate videos. Ask an admin or owner to change your role.",
    });
    await expect(resolveTeamContext(members.viewer.headers, "review.set")).rejects.toMatchObject({
      status: 403,
    });
    await expect(resolveTeamContext(members.creator.headers, "generation.create")).resolves.toMatchObject({
      member: { role: "creator" },
    });
  });

  it("lets a user belong to several teams and switch between them", async () => {
    const one = await teamWith(auth, "Switch one");
    const two = await teamWith(auth, "Switch two", ["creator"]);
    const person = two.members.creator;
    await db.member.create({
      data: {
        id: crypto.randomUUID(),
        organizationId: one.team.id,
        userId: person.user.id,
        role: "viewer",
        createdAt: new Date(),
      },
    });
    const before = await resolveTeamContext(person.headers);
    expect(before.team.id).toBe(two.team.id);
    await switchTeam({ sessionId: before.sessionId, userId: person.user.id, teamId: one.team.id });
    const after = await resolveTeamContext(person.headers);
    expect(after.team.id).toBe(one.team.id);
    expect(after.member.role).toBe("viewer");
    const stranger = await teamWith(auth, "Switch stranger");
    await expect(
      switchTeam({ sessionId: after.sessionId, userId: person.user.id, teamId: stranger.team.id }),
    ).rejects.toMatchObject({
      status: 404,
    });
  });

  it("throttles sign-in after 5 attempts for one email, atomically, and a success clears it", async () => {
    const email = "throttled@throttle.test";
    // Ten guesses at once: exactly five get through to the password check.
    const results = await Promise.allSettled(
      Array.from({ length: 10 }, () => consumeSignInAttempt(email, "203.0.113.9")),
    );
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(5);
    await expect(consumeSignInAttempt(email, "203.0.113.9")).rejects.toThrow(
      /Too many failed sign-in attempts. Try again in 15 minutes/,
    );
    await expect(consumeSignInAttempt("other@throttle.test", "198.51.100.1")).resolves.toBeUndefined();
    await clearSignInAttempts(email);
    await expect(consumeSignInAttempt(email, "198.51.100.2")).resolves.toBeUndefined();
  });

  it("offers no HTTP sign-up or sign-in around the throttled server actions", async () => {
    for (const path of ["/api/auth/sign-in/email", "/api/auth/sign-up/email"]) {
      const response = await auth.handler(
        new Request(`http://studio.test${path}`, {
          method: "POST",
          headers: { "content-type": "application/json", origin: "http://studio.test" },
          body: JSON.stringify({ email: "ada@first.test", password: PASSWORD, name: "x" }),
        }),
      );
      expect(response.status).toBe(404);
    }
  });
});

describe("accounts", () => {
  it("refuses a duplicate email and a weak password", async () => {
    await createUserWithPassword(auth, { name: "Dup", email: "dup@accounts.test", password: PASSWORD });
    await expect(
      createUserWithPassword(auth, { name: "Dup 2", email: "dup@accounts.test", password: PASSWORD }),
    ).rejects.toMatchObject({
      status: 409,
      field: "email",
      message: "An account with dup@accounts.test already exists. Sign in instead.",
    });
    const weak = passwordSchema.safeParse("password");
    expect(weak.success).toBe(false);
    expect(weak.error?.issues[0].message).toBe("Password must be at least 10 characters");
  });
});

describe("invitations", () => {
  async function invite(role: "reviewer" | "creator" = "reviewer") {
    const { team, owner } = await teamWith(auth, `Invite ${crypto.randomUUID().slice(0, 8)}`);
    const email = `guest-${crypto.randomUUID().slice(0, 8)}@invite.test`;
    const invitation = await createInvitation({
      teamId: team.id,
      inviterId: owner.user.id,
      actorRole: "owner",
      email,
      role,
    });
    return { team, owner, email, invitation };
  }

  it("joins with the invited role, once", async () => {
    const { team, email, invitation } = await invite("reviewer");
    expect(invitation.id.length).toBeGreaterThanOrEqual(32); // 192 random bits, base64url
    const guest = await createUserWithPassword(auth, { name: "Guest", email, password: PASSWORD });
    const joined = await acceptInvitation({ invitationId: invitation.id, user: guest });
    expect(joined).toMatchObject({ teamId: team.id, role: "reviewer" });
    await expect(acceptInvitation({ invitationId: invitation.id, user: guest })).rejects.toThrow(
      "This invitation has already been used. Sign in instead.",
    );
    const headers = await signIn(auth, email);
    await expect(resolveTeamContext(headers, "generation.create")).rejects.toMatchObject({ status: 403 });
  });

  it("refuses expired and revoked invitations with clear messages", async () => {
    const expired = await invite();
    await db.invitation.update({
      where: { id: expired.invitation.id },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    await expect(getInvitationForAcceptance(expired.invitation.id)).rejects.toThrow(
      "This invitation has expired. Ask the team's admin for a new one.",
    );

    const revoked = await invite();
    await revokeInvitation({ teamId: revoked.team.id, invitationId: revoked.invitation.id });
    await expect(getInvitationForAcceptance(revoked.invitation.id)).rejects.toThrow(
      "This invitation was revoked. Ask the team's admin for a new one.",
    );
    await expect(getInvitationForAcceptance("no-such-invitation")).rejects.toThrow(
      "This invitation link is not valid.",
    );
  });

  it("is only for the invited address", async () => {
    const { invitation } = await invite();
    const other = await createUserWithPassword(auth, {
      name: "Other",
      email: `other-${crypto.randomUUID()}@invite.test`,
      password: PASSWORD,
    });
    await expect(acceptInvitation({ invitationId: invitation.id, user: other })).rejects.toMatchObject({
      status: 403,
    });
  });

  it("expires after 7 days", async () => {
    const { invitation } = await invite();
    const days = (invitation.expiresAt.getTime() - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(6.99);
    expect(days).toBeLessThanOrEqual(7);
  });
});

describe("members", () => {
  it("changes roles, removes members, and never leaves a team without an owner", async () => {
    const { team, owner, members } = await teamWith(auth, "Members team", ["admin", "creator"]);
    await changeMemberRole({
      teamId: team.id,
      actorRole: "admin",
      memberId: members.creator.memberId,
      role: "reviewer",
    });
    await expect(resolveTeamContext(members.creator.headers, "generation.create")).rejects.toMatchObject({
      status: 403,
    });

    await expect(
      changeMemberRole({ teamId: team.id, actorRole: "admin", memberId: owner.memberId, role: "viewer" }),
    ).rejects.toMatchObject({ status: 403 });
    await expect(leaveTeam({ teamId: team.id, memberId: owner.memberId })).rejects.toThrow(
      "A team needs at least one owner. Make someone else an owner first.",
    );
    await expect(
      changeMemberRole({ teamId: team.id, actorRole: "owner", memberId: owner.memberId, role: "admin" }),
    ).rejects.toMatchObject({ status: 409 });

    await removeMember({ teamId: team.id, actorRole: "admin", memberId: members.creator.memberId });
    await expect(resolveTeamContext(members.creator.headers)).rejects.toMatchObject({ status: 403 });
  });
});

describe("no cross-team reads or writes", () => {
  it("refuses every id-taking team operation from a member of another team with 404", async () => {
    const victim = await teamWith(auth, "Victim team", ["creator"]);
    const attacker = await teamWith(auth, "Attacker team");
    const pending = await createInvitation({
      teamId: victim.team.id,
      inviterId: victim.owner.user.id,
      actorRole: "owner",
      email: "target@victim.test",
      role: "viewer",
    });
    // The attacker is an owner, but of their own team: every call is scoped by their team id.
    const attackerTeam = (await resolveTeamContext(attacker.owner.headers, "member.manage")).team.id;
    const operations = [
      () => revokeInvitation({ teamId: attackerTeam, invitationId: pending.id }),
      () =>
        changeMemberRole({
          teamId: attackerTeam,
          actorRole: "owner",
          memberId: victim.members.creator.memberId,
          role: "viewer",
        }),
      () =>
        removeMember({ teamId: attackerTeam, actorRole: "owner", memberId: victim.members.creator.memberId }),
      () => leaveTeam({ teamId: attackerTeam, memberId: victim.members.creator.memberId }),
    ];
    for (const operation of operations) await expect(operation()).rejects.toMatchObject({ status: 404 });
    const context = await resolveTeamContext(attacker.owner.headers);
    await expect(
      switchTeam({ sessionId: context.sessionId, userId: attacker.owner.user.id, teamId: victim.team.id }),
    ).rejects.toMatchObject({
      status: 404,
    });
    expect((await db.invitation.findUniqueOrThrow({ where: { id: pending.id } })).status).toBe("pending");
    expect((await db.member.findUniqueOrThrow({ where: { id: victim.members.creator.memberId } })).role).toBe(
      "creator",
    );
  });
});

describe("signed-in helper", () => {
  it("produces working sessions", async () => {
    const person = await signedInUser(auth, "helper@helper.test");
    const me = await getMe(new Request("http://studio.test/api/me", { headers: person.headers }), route);
    expect(me.status).toBe(403); // signed in, but in no team yet
    expect((await me.json()).error).toMatch(/not a member of any team/);
  });
});
