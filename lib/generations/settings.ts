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
    /** How often a worker process heartbeats (lib/jobs/worker-process.ts). */
    heartbeatMs: env.WORKER_HEARTBEAT_SECONDS * 1000,
    /**
     * A worker that has not heartbeaten for this long is dead: its rows are taken over. A live one,
     * however slow its step, keeps beating and keeps its rows.
     */
    staleMs: env.WORKER_STALE_SECONDS * 1000,
    /** Backoff after a 1303 (waiting for a slot) or a transient error; doubles per attempt, capped. */
    retryBaseMs: env.KLING_RETRY_BASE_SECONDS * 1000,
    retryMaxMs: env.KLING_RETRY_MAX_SECONDS * 1000,
    /** Kling's own timeout for one request, in the client (lib/kling/instance.ts). */
    klingTimeoutMs: env.KLING_TIMEOUT_SECONDS * 1000,
    /**
     * After a create whose answer was lost, Kling may still be working on it: a lookup that finds
     * nothing within this window proves nothing, so no second create is sent before it has passed.
     */
    createSettleMs: env.KLING_CREATE_SETTLE_SECONDS * 1000,
    maxSubmitAttempts: env.KLING_MAX_SUBMIT_ATTEMPTS,
    /** Archive retries back off up to this (default an hour), for as long as Kling keeps the file. */
    archiveRetryMaxMs: env.ARCHIVE_RETRY_MAX_SECONDS * 1000,
    /** How long Kling keeps a result (KLING_API.md §12): only after this is a missing file a loss. */
    retentionMs: env.KLING_RETENTION_SECONDS * 1000,
    /** Timed-out tasks looked up on their own per tick (least recently checked first). */
    lateChecksPerTick: env.KLING_LATE_CHECKS_PER_TICK,
    /** A download that receives no byte for this long is abandoned (and retried). */
    downloadIdleMs: env.ARCHIVE_DOWNLOAD_IDLE_SECONDS * 1000,
    maxVideoBytes: env.ARCHIVE_MAX_VIDEO_BYTES,
    /** A hung ffprobe/ffmpeg (a pathological file, a stuck disk) is killed after this. */
    ffprobeTimeoutMs: env.FFPROBE_TIMEOUT_SECONDS * 1000,
    ffmpegTimeoutMs: env.FFMPEG_TIMEOUT_SECONDS * 1000,
  };
};

export function backoffMs(attempt: number, maxMs = pipelineSettings().retryMaxMs) {
  const { retryBaseMs } = pipelineSettings();
  return Math.min(maxMs, retryBaseMs * 2 ** Math.min(40, Math.max(0, attempt - 1)));
}
