import { can, type Permission, type Role } from "../../../lib/auth/permissions";

// The matrix's expectations come from the permission table itself: a cell is expected to be
// allowed exactly when the caller's role *in the target team* has the permission the endpoint
// needs. Nobody writes an expected outcome per row.
//
// Targets: "own" is team A (the first-run team: the owner and four invited roles), "other" is
// team B (created by A's owner, who owns it too, plus "B-creator", a member of B only).

export type Caller = Role | "anonymous" | "B-creator";
export type Target = "own" | "other";

export interface Cell {
  surface: string;
  caller: Caller;
  target: Target;
  expected: boolean;
  actual: boolean;
  status: number;
  /** For cells with an effect: whether it was seen from outside (must equal `actual`). */
  effect?: boolean;
}

/** Team A has all five roles; team B has A's owner (its creator) and B-creator. */
export function roleIn(caller: Caller, target: Target): Role | undefined {
  if (caller === "anonymous") return undefined;
  if (caller === "B-creator") return target === "other" ? "creator" : undefined;
  if (target === "own") return caller;
  return caller === "owner" ? "owner" : undefined;
}

/** The team a caller's session is on: pages and route handlers answer for it alone. */
export function sessionTarget(caller: Caller): Target | undefined {
  if (caller === "anonymous") return undefined;
  return caller === "B-creator" ? "other" : "own";
}

/** A page or route handler: the thing must be in the session's team, and the role permitted. */
export function expectedOnSession(caller: Caller, target: Target, permission: Permission) {
  return sessionTarget(caller) === target && expectedAllowed(caller, target, permission);
}

/** The team a caller would act from when reaching for another team's id. */
export function homeTarget(caller: Caller): Target {
  return caller === "B-creator" ? "other" : "own";
}

export function otherThan(target: Target): Target {
  return target === "own" ? "other" : "own";
}

/** null: any member of the target team. */
export function expectedAllowed(caller: Caller, target: Target, permission: Permission | null) {
  const role = roleIn(caller, target);
  if (!role) return false;
  return permission === null || can(role, permission);
}

/** The matrix as text: one row per surface, one column per caller × target, A = allowed. */
export function printMatrix(cells: Cell[]) {
  const callers = [...new Set(cells.map((cell) => cell.caller))];
  const columns = callers.flatMap((caller) =>
    (["own", "other"] as const).map((target) => ({ caller, target })),
  );
  const surfaces = [...new Set(cells.map((cell) => cell.surface))];
  const width = Math.max(...surfaces.map((surface) => surface.length));
  const header = `${"".padEnd(width)} | ${columns.map(({ caller, target }) => `${caller.slice(0, 5)}/${target[0]}`.padEnd(8)).join(" ")}`;
  const rows = surfaces.map((surface) => {
    const marks = columns.map(({ caller, target }) => {
      const cell = cells.find((c) => c.surface === surface && c.caller === caller && c.target === target);
      if (!cell) return "-".padEnd(8);
      const effect = cell.effect === undefined || cell.effect === cell.actual ? "" : "≠";
      const mark = `${cell.actual ? "A" : "r"}${cell.status}${cell.actual === cell.expected ? "" : "!"}${effect}`;
      return mark.padEnd(8);
    });
    return `${surface.padEnd(width)} | ${marks.join(" ")}`;
  });
  const unexpectedAllows = cells.filter((cell) => cell.actual && !cell.expected);
  const unexpectedRefusals = cells.filter((cell) => !cell.actual && cell.expected);
  const effects = cells.filter((cell) => cell.effect !== undefined);
  const effectMismatches = effects.filter((cell) => cell.effect !== cell.actual);
  return [
    header,
    ...rows,
    `${cells.length} cells, ${callers.length} callers, ${unexpectedAllows.length} unexpected allows, ${unexpectedRefusals.length} unexpected refusals; effect checked from outside in ${effects.length} cells, ${effectMismatches.length} mismatches (A allowed, r refused, ! differs from the permission table, ≠ effect differs)`,
  ].join("\n");
}
