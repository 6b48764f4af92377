// The generation lifecycle: every status, where it may go next, its group and how the UI shows it.
// The one source of truth: lib/generations/lease.ts refuses any other move (in the types and at
// run time), the database refuses any other status (CHECK constraint, migration
// 20261126000000_generation_status_check), and lifecycle.test.ts checks both against this table.
// Client-safe: no database, no secrets.
//
// Adding a status: one entry below (and the moves into it), plus a migration that replaces the
// CHECK constraint with the new list.

/**
 * - `local`: the studio's worker has something to do (submit, archive).
 * - `upstream`: waiting on Kling; the poll tick follows it.
 * - `done`: finished with a video in our storage.
 * - `failed`: ended without a video (a `timed_out` task can still receive a late result).
 *
 * `archive_waiting`: Kling made the video but our copy is not saved yet (its file host or our disk
 * failed); tried again with backoff while Kling keeps the file. Never a failed generation: only
 * "Kling no longer has the file" after retention moves it to `failed`.
 */
export type StatusGroup = "local" | "upstream" | "done" | "failed";
/** How the UI colours a status: waiting in line, moving, finished well, ended badly. */
export type StatusTone = "waiting" | "running" | "ok" | "danger";

interface StatusDefinition {
  label: string;
  tone: StatusTone;
  group: StatusGroup;
  /** The statuses it may move to (staying where it is is always allowed). */
  next: readonly string[];
}

// biome-ignore format: one line per status keeps the table readable
export const LIFECYCLE = {
  queued: { label: "Queued", tone: "waiting", group: "local", next: ["submitting"] },
  submitting: { label: "Sending to Kling", tone: "running", group: "local", next: ["submitted", "queued", "failed"] },
  submitted: { label: "Waiting at Kling", tone: "running", group: "upstream", next: ["processing", "succeeded", "failed", "timed_out"] },
  processing: { label: "Generating", tone: "running", group: "upstream", next: ["succeeded", "failed", "timed_out"] },
  succeeded: { label: "Saving video", tone: "running", group: "local", next: ["archived", "archive_waiting", "failed"] },
  archive_waiting: { label: "Saving video, will retry", tone: "waiting", group: "local", next: ["archived", "failed"] },
  archived: { label: "Finished", tone: "ok", group: "done", next: [] },
  failed: { label: "Failed", tone: "danger", group: "failed", next: [] },
  timed_out: { label: "Timed out", tone: "danger", group: "failed", next: ["succeeded", "failed"] },
} as const satisfies Record<string, StatusDefinition>;

export type GenerationStatus = keyof typeof LIFECYCLE;

/** The statuses a move from `from` may reach: its `next` list, or staying put. */
export type NextStatus<From extends GenerationStatus> = (typeof LIFECYCLE)[From]["next"][number] | From;

/** The statuses every one of `From` may move to (the intersection), so a multi-source move is checked per source. */
export type CommonNextStatus<From extends GenerationStatus> = (
  From extends GenerationStatus
    ? (next: NextStatus<From>) => void
    : never
) extends (next: infer Common) => void
  ? Common & GenerationStatus
  : never;

export const GENERATION_STATUSES = Object.keys(LIFECYCLE) as GenerationStatus[];

/** The statuses whose group is one of `Group`. */
export type StatusIn<Group extends StatusGroup> = {
  [Status in GenerationStatus]: (typeof LIFECYCLE)[Status]["group"] extends Group ? Status : never;
}[GenerationStatus];

const inGroup = <Group extends StatusGroup>(...groups: Group[]): StatusIn<Group>[] =>
  GENERATION_STATUSES.filter((status): status is StatusIn<Group> =>
    (groups as StatusGroup[]).includes(LIFECYCLE[status].group),
  );

/** Not finished: the worker still has something to do for these. */
export const ACTIVE_STATUSES = inGroup("local", "upstream");
/** Waiting on Kling: the poll tick follows these (and times them out). */
export const UPSTREAM_STATUSES = inGroup("upstream");
/** Ended without a video. */
export const FAILED_STATUSES = inGroup("failed");
/** Nothing left for the studio to do (only a late Kling result can still move a `timed_out` row). */
export const TERMINAL_STATUSES = inGroup("done", "failed");

/** The statuses (other than itself) that may move to `To`. */
export type FromStatus<To extends GenerationStatus> = {
  [From in GenerationStatus]: From extends To
    ? never
    : To extends (typeof LIFECYCLE)[From]["next"][number]
      ? From
      : never;
}[GenerationStatus];

/** The statuses that may move to `to`: e.g. where Kling's result may land (`fromStatusesOf("succeeded")`). */
export function fromStatusesOf<To extends GenerationStatus>(to: To): FromStatus<To>[] {
  return GENERATION_STATUSES.filter((from): from is FromStatus<To> => from !== to && canTransition(from, to));
}

export function isGenerationStatus(value: string): value is GenerationStatus {
  return Object.hasOwn(LIFECYCLE, value);
}

export function canTransition(from: GenerationStatus, to: GenerationStatus) {
  return from === to || (LIFECYCLE[from].next as readonly string[]).includes(to);
}

export class IllegalTransitionError extends Error {
  constructor(from: readonly string[], to: string) {
    super(
      `The generation lifecycle does not allow ${from.join("|")} -> ${to} (lib/generations/lifecycle.ts)`,
    );
  }
}

/** Throws unless every status in `from` may move to `to`. */
export function assertTransition(from: readonly GenerationStatus[], to: GenerationStatus) {
  if (from.length === 0 || !from.every((status) => canTransition(status, to)))
    throw new IllegalTransitionError(from, to);
}

// Lenient readers for values that arrive as plain strings (API responses, older rows).
const definition = (status: string): StatusDefinition | undefined =>
  isGenerationStatus(status) ? LIFECYCLE[status] : undefined;

export const isActive = (status: string) =>
  isGenerationStatus(status) && (ACTIVE_STATUSES as readonly string[]).includes(status);
export const isFailed = (status: string) => definition(status)?.group === "failed";
export const statusLabel = (status: string) => definition(status)?.label ?? status;
export const statusTone = (status: string): StatusTone => definition(status)?.tone ?? "running";
