import type { MediaUrls } from "./media-urls";
import { formatUnits } from "./pricing";
import type { TaskRecord } from "./tasks";

// The wire shapes of a legacy task (KLING_API.md §4.3, §5.1, §8.2).

export interface LegacyVideo {
  id: string;
  url: string;
  watermark_url?: string;
  duration: string;
}

export interface LegacyTask {
  task_id: string;
  task_status: TaskRecord["status"];
  task_status_msg: string;
  task_info: { external_task_id?: string };
  task_result: { videos?: LegacyVideo[] };
  watermark_info?: { enabled: boolean };
  final_unit_deduction?: string;
  created_at: number;
  updated_at: number;
}

/** The create response carries only the identity and the initial status. */
export function createdTaskJson(task: TaskRecord) {
  return {
    task_id: task.taskId,
    task_status: task.status,
    task_info: taskInfo(task),
    created_at: task.createdAt,
    updated_at: task.updatedAt,
  };
}

export function taskJson(task: TaskRecord, mediaUrls: MediaUrls): LegacyTask {
  const json: LegacyTask = {
    task_id: task.taskId,
    task_status: task.status,
    task_status_msg: task.statusMessage,
    task_info: taskInfo(task),
    task_result: task.status === "succeed" ? { videos: [videoJson(task, mediaUrls)] } : {},
    created_at: task.createdAt,
    updated_at: task.updatedAt,
  };
  if (task.request.watermark) json.watermark_info = { enabled: true };
  // Only a finished task has a final deduction: the price on success, nothing for a failure.
  if (task.status === "succeed") json.final_unit_deduction = formatUnits(task.units);
  if (task.status === "failed") json.final_unit_deduction = "0";
  return json;
}

/** Kling reports a 5 s clip as "5.1" (observed live); the emulator mirrors that format. */
export function reportedDuration(durationSec: number): string {
  return `${durationSec}.1`;
}

function videoJson(task: TaskRecord, mediaUrls: MediaUrls): LegacyVideo {
  const expiresAt = task.expiresAt ?? 0;
  const video: LegacyVideo = {
    id: task.videoId,
    url: mediaUrls.url(task.videoId, "video", expiresAt),
    duration: reportedDuration(task.request.durationSec),
  };
  if (task.request.watermark) video.watermark_url = mediaUrls.url(task.videoId, "watermark", expiresAt);
  return video;
}

function taskInfo(task: TaskRecord): { external_task_id?: string } {
  return task.externalTaskId === null ? {} : { external_task_id: task.externalTaskId };
}
