// The generation lifecycle (docs/DESIGN.md): every status and which ones are still moving.
export const GENERATION_STATUSES = [
  "queued",
  "submitting",
  "submitted",
  "processing",
  "succeeded",
  "archived",
  "failed",
  "timed_out",
] as const;
export type GenerationStatus = (typeof GENERATION_STATUSES)[number];

/** Not finished: the worker still has something to do for these. */
export const ACTIVE_STATUSES: GenerationStatus[] = [
  "queued",
  "submitting",
  "submitted",
  "processing",
  "succeeded",
];
/** Waiting on Kling: the poll tick follows these. */
export const UPSTREAM_STATUSES: GenerationStatus[] = ["submitted", "processing"];

export function isActive(status: string) {
  return (ACTIVE_STATUSES as string[]).includes(status);
}
