// Client-safe rules for batches: the studio's takes control and the server use the same schema.
import { z } from "zod";

export const TAKES_MAX = 4;
export const TAKE_COUNTS = Array.from({ length: TAKES_MAX }, (_, index) => index + 1);

export const takesSchema = z
  .number({ error: "Takes must be a number" })
  .int({ error: "Takes must be a whole number" })
  .min(1, { error: (issue) => `Takes must be between 1 and ${TAKES_MAX}; got ${issue.input}` })
  .max(TAKES_MAX, { error: (issue) => `Takes must be between 1 and ${TAKES_MAX}; got ${issue.input}` });

export const BATCH_KINDS = ["takes", "compare"] as const;
export type BatchKind = (typeof BATCH_KINDS)[number];

export const pickTakeSchema = z.object({
  batchId: z.string().min(1, { error: "batchId is required" }),
  generationId: z.string().min(1, { error: "generationId is required" }),
});

/** "3 takes", "1 take". */
export function takesLabel(count: number) {
  return `${count} take${count === 1 ? "" : "s"}`;
}
