import { expect, test } from "./csp";
import { batchActionCells } from "./http/batch-actions";
import { contentActionCells } from "./http/content-actions";
import { getCells, sessionCells } from "./http/get-cells";
import { type Cell, printMatrix } from "./http/matrix";
import { leaveTeamCells, memberActionCells } from "./http/member-actions";
import type { Comparison } from "./http/same-refusal";
import { teamActionCells } from "./http/team-actions";
import { buildWorld, type World } from "./http/world";
import { OWNER, OWNER_STATE } from "./support";

// The adversarial matrix over real HTTP against the `next start` server: team A (the first-run
// team) with all five roles, team B created by A's owner through the studio's own action with a
// member of its own, one generated video per team with a share link and a comment, and an
// anonymous caller. Every page, route handler and media URL that takes such ids, and every
// team-scoped server action (invoked as a browser does), for each caller × own/other team.
// Expectations come from lib/auth/permissions.ts (http/matrix.ts); allowed cells' effects are
// read back from outside, refused cells' absence too; another team's id answers like a missing one.

test.use({ storageState: OWNER_STATE });
test.describe.configure({ mode: "serial" });

let world: World;
const everything: Cell[] = [];
let compared = 0;

test.beforeAll(async ({ browser, baseURL }) => {
  test.setTimeout(240_000);
  const started = Date.now();
  world = await buildWorld(browser, baseURL ?? "", OWNER.team);
  console.log(
    `Two teams, ${world.callers.size} callers, a video and a comparison each: ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
});
test.afterAll(async () => {
  for (const request of world?.callers.values() ?? []) await request.dispose();
});

function verdict(title: string, cells: Cell[], comparisons: Comparison[] = []) {
  everything.push(...cells);
  compared += comparisons.length;
  console.log(
    `${title}\n${printMatrix(cells)}\n${comparisons.length} other-team ids compared with missing ones`,
  );
  expect(
    cells.filter((cell) => cell.actual && !cell.expected),
    "unexpected allows",
  ).toEqual([]);
  expect(
    cells.filter((cell) => !cell.actual && cell.expected),
    "unexpected refusals",
  ).toEqual([]);
  expect(
    cells.filter((cell) => cell.effect !== undefined && cell.effect !== cell.actual),
    "effects seen from outside differ from the answer",
  ).toEqual([]);
  expect(
    cells.filter((cell) => cell.status >= 500),
    "server errors",
  ).toEqual([]);
  expect(
    comparisons.filter((comparison) => !comparison.same),
    "another team's id answered differently from a missing id",
  ).toEqual([]);
}

test("pages, route handlers and media URLs × caller × own/other team's things", async () => {
  test.setTimeout(180_000);
  const { cells, comparisons } = await getCells(world);
  verdict("Pages, route handlers, media", [...(await sessionCells(world)), ...cells], comparisons);
});

test("team actions: switch, invite, settings, revoke an invitation", async () => {
  test.setTimeout(120_000);
  const recorder = await teamActionCells(world);
  verdict("Team actions", recorder.cells, recorder.comparisons);
});

test("generate, review and share actions, counted at the emulator and read back", async () => {
  test.setTimeout(300_000);
  const recorder = await contentActionCells(world);
  verdict("Generate, review, share", recorder.cells, recorder.comparisons);
});

test("issue 15: takes, comparisons, comparison links and the prompt library", async () => {
  test.setTimeout(300_000);
  const anonymous = world.callers.get("anonymous");
  if (!anonymous) throw new Error("no anonymous caller");
  const recorder = await batchActionCells(world, anonymous);
  verdict("Takes, comparisons, templates", recorder.cells, recorder.comparisons);
});

test("role changes and removals on throwaway members", async () => {
  test.setTimeout(180_000);
  const recorder = await memberActionCells(world);
  verdict("Members", recorder.cells, recorder.comparisons);
});

test("leaving a team, last: a team keeps its owner", async () => {
  const recorder = await leaveTeamCells(world);
  verdict("Leaving", recorder.cells, recorder.comparisons);
  const surfaces = new Set(everything.map((cell) => cell.surface)).size;
  console.log(
    `Threat matrix over HTTP: ${everything.length} cells over ${surfaces} surfaces × ${world.callers.size} callers × own/other; ${everything.filter((cell) => cell.actual).length} allowed, ${everything.filter((cell) => !cell.actual).length} refused, ${everything.filter((cell) => cell.effect !== undefined).length} effects checked from outside, ${compared} other-team ids compared with missing ones; 0 unexpected allows`,
  );
});
