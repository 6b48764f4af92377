import { type APIRequestContext, type APIResponse, request as playwrightRequest } from "@playwright/test";
import { ROLES } from "../../lib/auth/permissions";
import { expect, test } from "./csp";
import { callAction } from "./http/actions";
import { type Caller, type Cell, expectedAllowed, printMatrix, type Target } from "./http/matrix";
import { inviteAndJoin, type Member } from "./http/members";
import { OWNER, OWNER_STATE } from "./support";

// The adversarial matrix over real HTTP against the `next start` server: team A (the first-run
// team) with all five roles, team B created by A's owner through the studio's own action, and an
// anonymous caller. Expectations come from lib/auth/permissions.ts (http/matrix.ts).

test.use({ storageState: OWNER_STATE });

/**
 * A page either rendered (200 with the studio's navigation) or sent the caller to sign-in: a 307
 * with Location, or, once streaming has begun, Next's in-body redirect (the 200 carries a
 * NEXT_REDIRECT digest and a meta refresh instead of the page).
 */
async function pageOutcome(response: APIResponse) {
  const location = response.headers().location ?? "";
  const html = response.status() === 200 ? await response.text() : "";
  const inBodyRedirect = /NEXT_REDIRECT;[^"]*\/sign-in|http-equiv="refresh" content="[^"]*\/sign-in/.test(
    html,
  );
  return {
    allowed: response.status() === 200 && !inBodyRedirect && html.includes('aria-label="Main"'),
    signIn: location.includes("/sign-in") || inBodyRedirect,
  };
}

const NONEXISTENT = "cmatrixnonexistent000000";

test("every caller × role × own/other team over HTTP: 0 unexpected allows, refusals reveal nothing", async ({
  browser,
  page,
  baseURL,
}) => {
  test.setTimeout(120_000);
  const base = baseURL ?? "";
  const owner = await playwrightRequest.newContext({ baseURL: base, storageState: OWNER_STATE });
  const teamA = (await (await owner.get("/api/me")).json()).team.id as string;

  // Team B, through the action the team switcher uses; the owner's session moves to it.
  const created = await callAction(owner, base, {
    page: "/",
    action: "createTeamAction",
    form: { teamName: "Matrix Other Team" },
  });
  expect(created.result?.ok, created.body).toBe(true);
  const teamB = (await (await owner.get("/api/me")).json()).team.id as string;
  expect(teamB).not.toBe(teamA);
  const invitedB = await callAction(owner, base, {
    page: "/settings",
    action: "createInvitationAction",
    form: { teamId: teamB, email: "b-only@matrix.test", role: "viewer" },
  });
  expect(invitedB.result?.ok, invitedB.body).toBe(true);
  const invitationB = String((invitedB.result as { data?: { path?: string } }).data?.path)
    .split("/")
    .pop();
  const back = await callAction(owner, base, {
    page: "/",
    action: "switchTeamAction",
    args: [{ teamId: teamA }],
  });
  expect(back.result?.ok, back.body).toBe(true);

  // Team A's other four roles join through invitations made on Settings.
  const members: Member[] = [];
  for (const role of ROLES.filter((role) => role !== "owner")) {
    members.push(await inviteAndJoin(browser, page, role, "a"));
  }
  const callers = new Map<Caller, APIRequestContext>([
    // Explicitly empty: inside the runner a new request context inherits test.use's storageState.
    [
      "anonymous",
      await playwrightRequest.newContext({ baseURL: base, storageState: { cookies: [], origins: [] } }),
    ],
    ["owner", owner],
  ]);
  for (const member of members) {
    callers.set(
      member.role,
      await playwrightRequest.newContext({ baseURL: base, storageState: member.cookies }),
    );
  }

  const cells: Cell[] = [];
  const teamOf = (target: Target) => (target === "own" ? teamA : teamB);

  for (const [caller, request] of callers) {
    // Pages and route handlers answer for the session's team ("own"); no redirect is followed.
    for (const path of ["/", "/gallery", "/settings"]) {
      const response = await request.get(path, { maxRedirects: 0 });
      const { allowed: actual } = await pageOutcome(response);
      cells.push({
        surface: `GET ${path}`,
        caller,
        target: "own",
        expected: expectedAllowed(caller, "own", "team.view"),
        actual,
        status: response.status(),
      });
    }
    for (const path of [
      "/api/me",
      "/api/generations",
      "/api/gallery",
      "/api/generations?active=1",
      "/api/templates",
    ]) {
      const response = await request.get(path, { maxRedirects: 0 });
      cells.push({
        surface: `GET ${path}`,
        caller,
        target: "own",
        expected: expectedAllowed(caller, "own", "team.view"),
        actual: response.ok(),
        status: response.status(),
      });
    }
    // Things that do not exist: refused for everyone, with no difference between callers.
    for (const path of [
      `/videos/${NONEXISTENT}`,
      `/api/videos/${NONEXISTENT}/comments`,
      `/api/media/${NONEXISTENT}`,
      `/s/${NONEXISTENT}`,
      `/compare/${NONEXISTENT}`,
      `/c/${NONEXISTENT}`,
      `/c/${NONEXISTENT}/video/${NONEXISTENT}`,
    ]) {
      const response = await request.get(path, { maxRedirects: 0 });
      cells.push({
        surface: `GET ${path.replaceAll(NONEXISTENT, ":missing")}`,
        caller,
        target: "own",
        expected: false,
        actual: response.ok(),
        status: response.status(),
      });
    }

    // Server actions over HTTP, for the own team and for team B.
    for (const target of ["own", "other"] as const) {
      const teamId = teamOf(target);
      const switched = await callAction(request, base, {
        page: "/",
        action: "switchTeamAction",
        args: [{ teamId }],
      });
      cells.push({
        surface: "action switchTeam",
        caller,
        target,
        expected: expectedAllowed(caller, target, null),
        actual: switched.result?.ok === true,
        status: switched.status,
      });
      if (switched.result?.ok && target === "other") {
        await callAction(request, base, { page: "/", action: "switchTeamAction", args: [{ teamId: teamA }] });
      }
      const invited = await callAction(request, base, {
        page: "/settings",
        action: "createInvitationAction",
        form: { teamId, email: `${caller}-${target}@cells.test`, role: "viewer" },
      });
      cells.push({
        surface: "action createInvitation",
        caller,
        target,
        expected: expectedAllowed(caller, target, "member.manage"),
        actual: invited.result?.ok === true,
        status: invited.status,
      });
      const settings = await callAction(request, base, {
        page: "/settings",
        action: "updateTeamSettingsAction",
        form: { teamId, name: target === "own" ? OWNER.team : "Matrix Other Team", monthlyUnitBudget: "" },
      });
      // Issue 15's prompt library: saving a template is for roles that may generate.
      const template = await callAction(request, base, {
        page: "/",
        action: "createTemplateAction",
        args: [{ teamId, name: `Matrix ${caller} ${target}`, prompt: "A matrix cell {subject}" }],
      });
      cells.push({
        surface: "action createTemplate",
        caller,
        target,
        expected: expectedAllowed(caller, target, "generation.create"),
        actual: template.result?.ok === true,
        status: template.status,
      });
      cells.push({
        surface: "action updateTeamSettings",
        caller,
        target,
        expected: expectedAllowed(caller, target, "team.update"),
        actual: settings.result?.ok === true,
        status: settings.status,
      });
    }

    // Another team's invitation id used in the own team, and an id that never existed: the same
    // refusal, so the answer cannot tell them apart.
    const crossTeam = await callAction(request, base, {
      page: "/settings",
      action: "revokeInvitationAction",
      args: [{ teamId: teamA, invitationId: invitationB }],
    });
    const missing = await callAction(request, base, {
      page: "/settings",
      action: "revokeInvitationAction",
      args: [{ teamId: teamA, invitationId: NONEXISTENT }],
    });
    cells.push({
      surface: "action revokeInvitation(B's id in A)",
      caller,
      target: "other",
      expected: false,
      actual: crossTeam.result?.ok === true,
      status: crossTeam.status,
    });
    expect(crossTeam.result, `${caller}: B's invitation vs a missing id`).toEqual(missing.result);
  }

  console.log(printMatrix(cells));

  // The database afterwards, read through the owner's Settings pages: an invitation exists for a
  // cell exactly when the cell was allowed.
  for (const target of ["own", "other"] as const) {
    await callAction(owner, base, {
      page: "/",
      action: "switchTeamAction",
      args: [{ teamId: teamOf(target) }],
    });
    const html = await (await owner.get("/settings")).text();
    for (const caller of callers.keys()) {
      const stored = html.includes(`${caller}-${target}@cells.test`);
      const cell = cells.find(
        (c) => c.surface === "action createInvitation" && c.caller === caller && c.target === target,
      );
      expect(stored, `${caller}/${target}: invitation stored`).toBe(cell?.actual);
    }
  }
  await callAction(owner, base, { page: "/", action: "switchTeamAction", args: [{ teamId: teamA }] });

  const unexpectedAllows = cells.filter((cell) => cell.actual && !cell.expected);
  expect(unexpectedAllows).toEqual([]);
  expect(cells.filter((cell) => !cell.actual && cell.expected)).toEqual([]);
  expect(cells.every((cell) => cell.status < 500)).toBe(true);
  for (const request of callers.values()) await request.dispose();
});
