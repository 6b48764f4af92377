// Client-safe rules for batches: the studio's takes control and the server use the same schema.
import { z } from "zod";
import { idSchema } from "@/lib/validation";

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
  batchId: idSchema,
  generationId: idSchema,
});

/** The stack badge: "3 takes", or "Comparison · 2" for a compare batch. */
export function batchLabel(kind: string, size: number) {
  return kind === "compare" ? `Comparison · ${size}` : takesLabel(size);
}

/** "3 takes", "1 take". */
export function takesLabel(count: number) {
  return `${count} take${count === 1 ? "" : "s"}`;
}

/**
 * The cover of a batch: the picked take, else its first finished take, else its first take.
 * The gallery's SQL (lib/gallery/queries.ts) applies the same rule.
 */
export function coverOf<T extends { id: string; status: string; batchIndex: number | null }>(
  takes: T[],
  chosenGenerationId: string | null,
): T | undefined {
  const ordered = [...takes].sort((a, b) => (a.batchIndex ?? 0) - (b.batchIndex ?? 0));
  return (
    ordered.find((take) => take.id === chosenGenerationId) ??
    ordered.find((take) => take.status === "archived") ??
    ordered[0]
  );
}
