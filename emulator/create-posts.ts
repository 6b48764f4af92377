/** Create POSTs per external_task_id (key "" for a body without one or that did not parse). */
export interface CreatePostCounts {
  total: number;
  byExternalId: Record<string, number>;
}

/**
 * Counts every create POST the emulator receives, before faults, auth or validation: the fault
 * matrix proves "exactly one create per generation" from outside the studio with it. In memory
 * only: a restarted emulator starts again from zero (tests add the counts up across restarts).
 */
export class CreatePostCounter {
  private readonly byExternalId = new Map<string, number>();
  private total = 0;

  record(body: unknown): void {
    const external = (body as { external_task_id?: unknown } | null)?.external_task_id;
    const key = typeof external === "string" ? external : "";
    this.total += 1;
    this.byExternalId.set(key, (this.byExternalId.get(key) ?? 0) + 1);
  }

  counts(): CreatePostCounts {
    return { total: this.total, byExternalId: Object.fromEntries(this.byExternalId) };
  }
}
