import { expect } from "@playwright/test";
import { act, crossTeam, expects, newRecorder, record, TARGETS, teamAct } from "./cells";
import { type Caller, homeTarget, otherThan, type Target } from "./matrix";
import type { World } from "./world";

// Switching team, inviting, team settings and revoking an invitation, for every caller and both
// teams. An invitation stored for a cell is read back on the owner's Settings afterwards.

export async function teamActionCells(world: World) {
  const recorder = newRecorder(world);
  for (const [caller, request] of world.callers) {
    for (const target of TARGETS) {
      const teamId = world.team[target];
      const base = { caller, target } as { caller: Caller; target: Target };
      const switched = await act(world, request, "/", "switchTeamAction", { teamId });
      record(
        recorder,
        { ...base, surface: "action switchTeam", expected: expects(caller, target, null) },
        switched,
      );
      // Back to the caller's own team, so the session-scoped reads stay where they were.
      if (switched.result?.ok && target !== homeTarget(caller))
        await act(world, request, "/", "switchTeamAction", { teamId: world.team[homeTarget(caller)] });

      const invited = await teamAct(recorder, caller, target, request, {
        page: "/settings",
        action: "createInvitationAction",
        form: { teamId, email: `${caller.toLowerCase()}-${target}@cells.test`, role: "viewer" },
      });
      record(
        recorder,
        { ...base, surface: "action createInvitation", expected: expects(caller, target, "member.manage") },
        invited,
      );

      const settings = await teamAct(recorder, caller, target, request, {
        page: "/settings",
        action: "updateTeamSettingsAction",
        form: { teamId, name: world.teamName[target], monthlyUnitBudget: "" },
      });
      record(
        recorder,
        { ...base, surface: "action updateTeamSettings", expected: expects(caller, target, "team.update") },
        settings,
      );
    }
    await crossTeam(
      recorder,
      caller,
      "revokeInvitation",
      world.invitation[otherThan(homeTarget(caller))],
      (id, home) =>
        act(world, request, "/settings", "revokeInvitationAction", {
          teamId: world.team[home],
          invitationId: id,
        }),
    );
  }

  // The database afterwards, through the owner's Settings: an invitation exists for a cell exactly
  // when the cell was allowed.
  for (const target of TARGETS) {
    await act(world, world.owner, "/", "switchTeamAction", { teamId: world.team[target] });
    const html = await (await world.owner.get("/settings")).text();
    for (const caller of world.callers.keys()) {
      const cell = recorder.cells.find(
        (c) => c.surface === "action createInvitation" && c.caller === caller && c.target === target,
      );
      if (cell) cell.effect = html.includes(`${caller.toLowerCase()}-${target}@cells.test`);
    }
  }
  await act(world, world.owner, "/", "switchTeamAction", { teamId: world.team.own });
  expect((await (await world.owner.get("/api/me")).json()).team.id).toBe(world.team.own);
  return recorder;
}
