// Pipeline timings, from the environment so tests can shorten them.
const seconds = (name: string, fallback: number) => {
  const value = Number(process.env[name]);
  return Number.isFinite(value) && value > 0 ? value * 1000 : fallback * 1000;
};

export const pipelineSettings = () => ({
  /** How often the poll tick runs. */
  pollIntervalMs: seconds("KLING_POLL_INTERVAL_SECONDS", 5),
  /** A task not finished this long after submission is marked timed_out (its task id kept). */
  deadlineMs: seconds("KLING_TASK_DEADLINE_SECONDS", 60 * 60),
  /** How often a worker process heartbeats (lib/jobs/worker-process.ts). */
  heartbeatMs: seconds("WORKER_HEARTBEAT_SECONDS", 1),
  /**
   * A worker that has not heartbeaten for this long is dead: its rows are taken over. A live one,
   * however slow its step, keeps beating and keeps its rows.
   */
  staleMs: seconds("WORKER_STALE_SECONDS", 5),
  /** Backoff after a 1303 (waiting for a slot) or a transient error; doubles per attempt, capped. */
  retryBaseMs: seconds("KLING_RETRY_BASE_SECONDS", 2),
  retryMaxMs: seconds("KLING_RETRY_MAX_SECONDS", 60),
  /** Kling's own timeout for one request, in the client (lib/kling/instance.ts). */
  klingTimeoutMs: seconds("KLING_TIMEOUT_SECONDS", 30),
  /**
   * After a create whose answer was lost, Kling may still be working on it: a lookup that finds
   * nothing within this window proves nothing, so no second create is sent before it has passed.
   */
  createSettleMs: seconds("KLING_CREATE_SETTLE_SECONDS", 90),
  maxSubmitAttempts: Number(process.env.KLING_MAX_SUBMIT_ATTEMPTS) || 10,
  /** Archive retries back off up to this (default an hour), for as long as Kling keeps the file. */
  archiveRetryMaxMs: seconds("ARCHIVE_RETRY_MAX_SECONDS", 60 * 60),
  /** How long Kling keeps a result (KLING_API.md §12): only after this is a missing file a loss. */
  retentionMs: seconds("KLING_RETENTION_SECONDS", 30 * 86_400),
  /** Timed-out tasks looked up on their own per tick (least recently checked first). */
  lateChecksPerTick: Number(process.env.KLING_LATE_CHECKS_PER_TICK) || 20,
  /** A download that receives no byte for this long is abandoned (and retried). */
  downloadIdleMs: seconds("ARCHIVE_DOWNLOAD_IDLE_SECONDS", 60),
  maxVideoBytes: Number(process.env.ARCHIVE_MAX_VIDEO_BYTES) || 2 * 1024 ** 3,
});

export function backoffMs(attempt: number, maxMs = pipelineSettings().retryMaxMs) {
  const { retryBaseMs } = pipelineSettings();
  return Math.min(maxMs, retryBaseMs * 2 ** Math.min(40, Math.max(0, attempt - 1)));
}
