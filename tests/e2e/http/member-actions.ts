import { expect } from "@playwright/test";
import { canAssignRole, type Role } from "../../../lib/auth/permissions";
import { callAction } from "./actions";
import { act, crossTeam, expects, newRecorder, record, TARGETS, teamAct } from "./cells";
import { joinOverHttp } from "./join";
import { type Caller, homeTarget, otherThan, roleIn, type Target } from "./matrix";
import { hasTeam, membersOf } from "./readers";
import type { World } from "./world";

// The destructive member actions. Role changes and removals act on throwaway members (a viewer
// who joined through an invitation just for this), so no caller of the matrix loses its role;
// a removed throwaway is replaced before the next cell.

interface Spare {
  id: string;
  email: string;
}

export async function memberActionCells(world: World) {
  const recorder = newRecorder(world);
  const spareOf = async (target: Target): Promise<Spare> => {
    const joined = await joinOverHttp(world.owner, world.base, {
      teamId: world.team[target],
      role: "viewer",
      tag: `spare-${target}`,
    });
    await joined.request.dispose();
    const member = (await membersOf(world.reader[target])).find((each) => each.email === joined.email);
    return { id: member?.id as string, email: joined.email };
  };
  const spare: Record<Target, Spare> = { own: await spareOf("own"), other: await spareOf("other") };
  const roleOf = async (target: Target, id: string) =>
    (await membersOf(world.reader[target])).find((each) => each.id === id)?.role as Role | undefined;
  const setRole = (target: Target, memberId: string, role: Role) =>
    act(world, world.owner, "/settings", "changeMemberRoleAction", {
      teamId: world.team[target],
      memberId,
      role,
    });

  for (const [caller, request] of world.callers) {
    for (const target of TARGETS) {
      const teamId = world.team[target];
      const base = { caller, target } as { caller: Caller; target: Target };
      const target0 = spare[target];

      const before = (await roleOf(target, target0.id)) as Role;
      const next: Role = before === "viewer" ? "reviewer" : "viewer";
      const changed = await teamAct(recorder, caller, target, request, {
        page: "/settings",
        action: "changeMemberRoleAction",
        args: {
          teamId,
          memberId: target0.id,
          role: next,
        },
      });
      record(
        recorder,
        {
          ...base,
          surface: "action changeMemberRole (viewer↔reviewer)",
          expected: expects(caller, target, "member.manage"),
        },
        changed,
        (await roleOf(target, target0.id)) !== before,
      );

      // Promotion to owner: only an owner may (canAssignRole); undone by the owner at once.
      const role = roleIn(caller, target);
      const from = (await roleOf(target, target0.id)) as Role;
      const promoted = await teamAct(recorder, caller, target, request, {
        page: "/settings",
        action: "changeMemberRoleAction",
        args: {
          teamId,
          memberId: target0.id,
          role: "owner",
        },
      });
      const isOwner = (await roleOf(target, target0.id)) === "owner";
      record(
        recorder,
        {
          ...base,
          surface: "action changeMemberRole (→owner)",
          expected: role !== undefined && canAssignRole(role, { from, to: "owner" }),
        },
        promoted,
        isOwner,
      );
      if (isOwner) await setRole(target, target0.id, "viewer");

      const removed = await teamAct(recorder, caller, target, request, {
        page: "/settings",
        action: "removeMemberAction",
        args: {
          teamId,
          memberId: target0.id,
        },
      });
      const gone = (await roleOf(target, target0.id)) === undefined;
      record(
        recorder,
        { ...base, surface: "action removeMember", expected: expects(caller, target, "member.manage") },
        removed,
        gone,
      );
      if (gone) spare[target] = await spareOf(target);
    }

    const home = homeTarget(caller);
    const foreign = otherThan(home);
    const foreignRole = (await roleOf(foreign, spare[foreign].id)) as Role;
    await crossTeam(
      recorder,
      caller,
      "changeMemberRole",
      spare[foreign].id,
      (id, from) =>
        act(world, request, "/settings", "changeMemberRoleAction", {
          teamId: world.team[from],
          memberId: id,
          role: foreignRole === "viewer" ? "reviewer" : "viewer",
        }),
      async () => (await roleOf(foreign, spare[foreign].id)) !== foreignRole,
    );
    await crossTeam(
      recorder,
      caller,
      "removeMember",
      spare[foreign].id,
      (id, from) =>
        act(world, request, "/settings", "removeMemberAction", { teamId: world.team[from], memberId: id }),
      async () => (await roleOf(foreign, spare[foreign].id)) === undefined,
    );
  }
  return recorder;
}

/**
 * Leaving, last of all (allowed cells end the caller's membership): every member may leave, except
 * that a team always keeps an owner, so the sole owner of A and of B is refused. The effect is read
 * from the caller's /api/me: each caller allowed to leave has exactly one team.
 */
export async function leaveTeamCells(world: World) {
  const recorder = newRecorder(world);
  for (const [caller, request] of world.callers) {
    for (const target of ["other", "own"] as const) {
      const role = roleIn(caller, target);
      const before = await hasTeam(request);
      const left = await teamAct(recorder, caller, target, request, {
        page: "/settings",
        action: "leaveTeamAction",
        args: { teamId: world.team[target] },
      });
      record(
        recorder,
        { caller, target, surface: "action leaveTeam", expected: role !== undefined && role !== "owner" },
        left,
        before && !(await hasTeam(request)),
      );
    }
  }
  await ownerLeavesCoOwnedTeam(recorder);
  return recorder;
}

/**
 * The other side of "a team keeps an owner": an owner may leave a team that has a second owner.
 * A throwaway team of A's owner, co-owned by a throwaway member who joined as owner.
 */
async function ownerLeavesCoOwnedTeam(recorder: ReturnType<typeof newRecorder>) {
  const { world } = recorder;
  const created = await callAction(world.owner, world.base, {
    page: "/",
    action: "createTeamAction",
    form: { teamName: "Matrix Co-owned Team" },
  });
  expect(created.result?.ok, created.body).toBe(true);
  const teamC = (await (await world.owner.get("/api/me")).json()).team.id as string;
  await act(world, world.owner, "/", "switchTeamAction", { teamId: world.team.own });
  const coOwner = await joinOverHttp(world.owner, world.base, {
    teamId: teamC,
    role: "owner",
    tag: "co-owner",
  });
  await coOwner.request.dispose();
  const left = await act(world, world.owner, "/settings", "leaveTeamAction", { teamId: teamC });
  const stillIn = await act(world, world.owner, "/", "switchTeamAction", { teamId: teamC });
  if (stillIn.result?.ok) await act(world, world.owner, "/", "switchTeamAction", { teamId: world.team.own });
  record(
    recorder,
    {
      caller: "owner",
      target: "other",
      surface: "action leaveTeam (a team with a second owner)",
      expected: true,
    },
    left,
    stillIn.result?.ok === false,
  );
}
