import type { TextToVideoRequest } from "./validation";

export type TaskStatus = "submitted" | "processing" | "succeed" | "failed";

/** The emulator's own record of a task; tasks() hands out copies of these. */
export interface TaskRecord {
  taskId: string;
  externalTaskId: string | null;
  status: TaskStatus;
  /** "" unless failed. */
  statusMessage: string;
  createdAt: number;
  updatedAt: number;
  processingAt: number | null;
  completedAt: number | null;
  /** Result URLs stop working at this time (completion + retention). */
  expiresAt: number | null;
  request: TextToVideoRequest;
  /** Units reserved at create; refunded if the task fails. */
  units: number;
  videoId: string;
  /** Set at create when the task is bound to fail (content policy "fail" mode, injected fault). */
  plannedFailure: string | null;
  /** Creation order, used to break created_at ties in the newest-first list. */
  sequence: number;
}

export interface LedgerEntry {
  at: number;
  /** Negative for a reservation, positive for a refund. */
  delta: number;
  taskId: string;
}

export function isActive(task: TaskRecord): boolean {
  return task.status === "submitted" || task.status === "processing";
}
