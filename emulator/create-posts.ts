/** Per external_task_id (key "" for a body without one, or that did not parse). */
export interface CreatePostCounts {
  /** Every create POST received, whatever became of it. */
  total: number;
  byExternalId: Record<string, number>;
  /** POSTs that created a task. */
  createdByExternalId: Record<string, number>;
  /**
   * POSTs that arrived while a task with that external id already existed, or while an earlier
   * POST for it was still being handled: a client that would pay twice on a real Kling (which may
   * not refuse them), even if this emulator's uniqueness check did.
   */
  duplicatesByExternalId: Record<string, number>;
}

/**
 * Counts every create POST the emulator receives, before faults, auth or validation: the fault
 * matrix proves "exactly one create per generation" from outside the studio with it. In memory
 * only: a restarted emulator starts again from zero (tests add the counts up across restarts).
 */
export class CreatePostCounter {
  private readonly received = new Map<string, number>();
  private readonly created = new Map<string, number>();
  private readonly duplicates = new Map<string, number>();
  /** POSTs being handled right now, per external id. */
  private readonly inFlight = new Map<string, number>();
  private total = 0;

  /** Returns the key the POST was counted under; call `finished(key)` once it was answered. */
  record(body: unknown, alreadyExists: (externalTaskId: string) => boolean): string {
    const external = (body as { external_task_id?: unknown } | null)?.external_task_id;
    const key = typeof external === "string" ? external : "";
    this.total += 1;
    bump(this.received, key);
    if (key !== "" && ((this.inFlight.get(key) ?? 0) > 0 || alreadyExists(key))) bump(this.duplicates, key);
    bump(this.inFlight, key);
    return key;
  }

  finished(key: string): void {
    const left = (this.inFlight.get(key) ?? 1) - 1;
    if (left > 0) this.inFlight.set(key, left);
    else this.inFlight.delete(key);
  }

  recordCreated(key: string): void {
    bump(this.created, key);
  }

  counts(): CreatePostCounts {
    return {
      total: this.total,
      byExternalId: Object.fromEntries(this.received),
      createdByExternalId: Object.fromEntries(this.created),
      duplicatesByExternalId: Object.fromEntries(this.duplicates),
    };
  }
}

function bump(map: Map<string, number>, key: string) {
  map.set(key, (map.get(key) ?? 0) + 1);
}
