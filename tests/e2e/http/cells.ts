import type { APIRequestContext } from "@playwright/test";
import { type ActionAnswer, callAction } from "./actions";
import {
  type Caller,
  type Cell,
  expectedAllowed,
  homeTarget,
  otherThan,
  roleIn,
  type Target,
} from "./matrix";
import { type Comparison, compare, describeAnswer, NONEXISTENT } from "./same-refusal";
import type { World } from "./world";

// Shared by the action cell files: one call, its cell, and the cross-team comparison.

export interface Recorder {
  world: World;
  cells: Cell[];
  comparisons: Comparison[];
}

export function newRecorder(world: World): Recorder {
  return { world, cells: [], comparisons: [] };
}

export function act(world: World, request: APIRequestContext, page: string, action: string, args: object) {
  return callAction(request, world.base, { page, action, args: [args] });
}

export function record(
  recorder: Recorder,
  cell: Omit<Cell, "actual" | "status">,
  answer: ActionAnswer,
  effect?: boolean,
) {
  recorder.cells.push({ ...cell, actual: answer.result?.ok === true, status: answer.status, effect });
}

/** Permission-table expectation for an action rendered for the target's team. */
export function expects(caller: Caller, target: Target, permission: Parameters<typeof expectedAllowed>[2]) {
  return expectedAllowed(caller, target, permission);
}

/**
 * Another team's real id sent from the caller's own team, and a nonexistent id in its place: both
 * refused, with the same answer. `call` gets the id to send; `effect` says whether the real one
 * changed anything of the other team.
 */
export async function crossTeam(
  recorder: Recorder,
  caller: Caller,
  surface: string,
  realId: string,
  call: (id: string, home: Target) => Promise<ActionAnswer>,
  effect?: () => Promise<boolean>,
) {
  const home = homeTarget(caller);
  const real = await call(realId, home);
  const seen = effect ? await effect() : undefined;
  const missing = await call(NONEXISTENT, home);
  recorder.cells.push({
    surface: `${surface} (other team's id)`,
    caller,
    target: otherThan(home),
    expected: false,
    actual: real.result?.ok === true,
    status: real.status,
    effect: seen,
  });
  recorder.comparisons.push(
    compare(`action ${surface}`, caller, describeAnswer(real, [realId]), describeAnswer(missing, [realId])),
  );
}

export const TARGETS = ["own", "other"] as const;

/**
 * A team action rendered for the target's team. When the caller is no member there, the same call
 * rendered for a team that never existed must get the same answer: a team id reveals nothing.
 */
export async function teamAct(
  recorder: Recorder,
  caller: Caller,
  target: Target,
  request: APIRequestContext,
  call: {
    page: string;
    action: string;
    args?: { teamId: string } & Record<string, unknown>;
    form?: Record<string, string> & { teamId: string };
  },
) {
  const { world } = recorder;
  const send = (teamId: string) =>
    callAction(request, world.base, {
      page: call.page,
      action: call.action,
      args: call.args && [{ ...call.args, teamId }],
      form: call.form && { ...call.form, teamId },
    });
  const teamId = (call.args ?? call.form)?.teamId as string;
  const answer = await send(teamId);
  if (roleIn(caller, target) === undefined) {
    const missing = await send(NONEXISTENT);
    recorder.comparisons.push(
      compare(
        `action ${call.action} (team id)`,
        caller,
        describeAnswer(answer, [teamId]),
        describeAnswer(missing, [teamId]),
      ),
    );
  }
  return answer;
}
