import { can, type Permission, type Role } from "../../../lib/auth/permissions";

// The matrix's expectations come from the permission table itself: a cell is expected to be
// allowed exactly when the caller's role *in the target team* has the permission the endpoint
// needs. Nobody writes an expected outcome per row.

export type Caller = Role | "anonymous";
export type Target = "own" | "other";

export interface Cell {
  surface: string;
  caller: Caller;
  target: Target;
  expected: boolean;
  actual: boolean;
  status: number;
  note?: string;
}

/** Team A has all five roles; team B (the "other" team) has only the owner, who created it. */
export function roleIn(caller: Caller, target: Target): Role | undefined {
  if (caller === "anonymous") return undefined;
  if (target === "own") return caller;
  return caller === "owner" ? "owner" : undefined;
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
      const mark = `${cell.actual ? "A" : "r"}${cell.status}${cell.actual === cell.expected ? "" : "!"}`;
      return mark.padEnd(8);
    });
    return `${surface.padEnd(width)} | ${marks.join(" ")}`;
  });
  const unexpectedAllows = cells.filter((cell) => cell.actual && !cell.expected);
  const unexpectedRefusals = cells.filter((cell) => !cell.actual && cell.expected);
  return [
    header,
    ...rows,
    `${cells.length} cells, ${callers.length} callers, ${unexpectedAllows.length} unexpected allows, ${unexpectedRefusals.length} unexpected refusals (A allowed, r refused, ! differs from the permission table)`,
  ].join("\n");
}
