// Pipeline timings, from the environment (lib/env.ts) so tests can shorten them.
import "server-only";
import { appConfig } from "@/lib/env";

export const pipelineSettings = () => {
  const env = appConfig();
  return {
    /** How often the poll tick runs. */
    pollIntervalMs: env.KLING_POLL_INTERVAL_SECONDS * 1000,
    /** A task not finished this long after submission is marked timed_out (its task id kept). */
    deadlineMs: env.KLING_TASK_DEADLINE_SECONDS * 1000,
    /**
     * How long a worker holds a row while submitting or archiving: longer than the slowest step
     * (three 30 s Kling calls; a 120 s download plus ffmpeg), so a live worker is never overtaken. A
     * dead worker's rows are picked up when it runs out.
     */
    leaseMs: env.JOB_LEASE_SECONDS * 1000,
    /** Backoff after a 1303 (waiting for a slot) or a transient error; doubles per attempt, capped. */
    retryBaseMs: env.KLING_RETRY_BASE_SECONDS * 1000,
    retryMaxMs: env.KLING_RETRY_MAX_SECONDS * 1000,
    maxSubmitAttempts: env.KLING_MAX_SUBMIT_ATTEMPTS,
    maxArchiveAttempts: env.ARCHIVE_MAX_ATTEMPTS,
  };
};

export function backoffMs(attempt: number) {
  const { retryBaseMs, retryMaxMs } = pipelineSettings();
  return Math.min(retryMaxMs, retryBaseMs * 2 ** Math.max(0, attempt - 1));
}
