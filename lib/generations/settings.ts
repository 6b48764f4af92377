// Pipeline timings, from the environment so tests can shorten them.
import "server-only";

const seconds = (name: string, fallback: number) => {
  const value = Number(process.env[name]);
  return Number.isFinite(value) && value > 0 ? value * 1000 : fallback * 1000;
};

export const pipelineSettings = () => ({
  /** How often the poll tick runs. */
  pollIntervalMs: seconds("KLING_POLL_INTERVAL_SECONDS", 5),
  /** A task not finished this long after submission is marked timed_out (its task id kept). */
  deadlineMs: seconds("KLING_TASK_DEADLINE_SECONDS", 60 * 60),
  /**
   * How long a worker holds a row while submitting or archiving: longer than the slowest step
   * (three 30 s Kling calls; a 120 s download plus ffmpeg), so a live worker is never overtaken. A
   * dead worker's rows are picked up when it runs out.
   */
  leaseMs: seconds("JOB_LEASE_SECONDS", 300),
  /** Backoff after a 1303 (waiting for a slot) or a transient error; doubles per attempt, capped. */
  retryBaseMs: seconds("KLING_RETRY_BASE_SECONDS", 2),
  retryMaxMs: seconds("KLING_RETRY_MAX_SECONDS", 60),
  maxSubmitAttempts: Number(process.env.KLING_MAX_SUBMIT_ATTEMPTS) || 10,
  maxArchiveAttempts: Number(process.env.ARCHIVE_MAX_ATTEMPTS) || 5,
});

export function backoffMs(attempt: number) {
  const { retryBaseMs, retryMaxMs } = pipelineSettings();
  return Math.min(retryMaxMs, retryBaseMs * 2 ** Math.max(0, attempt - 1));
}
