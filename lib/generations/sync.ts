import "server-only";
import { db } from "@/lib/db";
import { transition } from "@/lib/generations/lease";
import { fromStatusesOf, UPSTREAM_STATUSES } from "@/lib/generations/lifecycle";
import { pipelineSettings } from "@/lib/generations/settings";
import { enqueueArchive, enqueueSubmit } from "@/lib/jobs/queues";
import type { KlingClient, KlingTask } from "@/lib/kling/client";
import { KlingError } from "@/lib/kling/errors";

const LIST_PAGE_SIZE = 500;
/**
 * Where Kling's final answer may land: submitted, processing and timed_out (timed_out ends the
 * studio's own waiting, not Kling's work: a late result still lands).
 */
const KLING_RESULT_FROM = fromStatusesOf("succeeded");

/**
 * Brings one row up to date with what Kling says about its task. Compare-and-set on status, so
 * replays (duplicate jobs, callbacks, polls) change nothing the second time.
 */
export async function applyKlingTask(id: string, task: KlingTask) {
  switch (task.task_status) {
    case "submitted":
      return false;
    case "processing":
      return transition(id, ["submitted"], { status: "processing", klingStatus: "processing" });
    case "succeed": {
      const video = task.task_result.videos?.[0];
      if (!video) {
        return transition(id, KLING_RESULT_FROM, {
          status: "failed",
          klingStatus: "succeed",
          errorMessage: "Kling reported success but returned no video.",
          completedAt: new Date(),
        });
      }
      const moved = await transition(id, KLING_RESULT_FROM, {
        status: "succeeded",
        klingStatus: "succeed",
        errorMessage: null,
        klingStatusMsg: task.task_status_msg || null,
        chargedUnits: Number(task.final_unit_deduction ?? 0) || null,
        resultUrl: video.url,
        resultDuration: video.duration ?? null,
        completedAt: new Date(task.updated_at),
      });
      if (moved) await enqueueArchive(id);
      return moved;
    }
    case "failed":
      return transition(id, KLING_RESULT_FROM, {
        status: "failed",
        klingStatus: "failed",
        klingStatusMsg: task.task_status_msg || null,
        errorMessage: task.task_status_msg
          ? `Kling: ${task.task_status_msg}`
          : "Kling reported the task as failed.",
        chargedUnits: 0,
        completedAt: new Date(task.updated_at),
      });
  }
}

export interface TickReport {
  active: number;
  upstreamRequests: number;
  updated: number;
  dispatched: number;
  timedOut: number;
}

/**
 * One poll tick: every active row updated from one list call, so upstream requests per tick stay
 * O(1) however many tasks run; single GETs only for rows the list does not show (older tasks).
 * Also re-dispatches queued rows whose backoff has passed and resumes stalled work.
 */
export async function pollTick(client: KlingClient): Promise<TickReport> {
  const requestsBefore = client.requestCount;
  const settings = pipelineSettings();
  const report: TickReport = { active: 0, upstreamRequests: 0, updated: 0, dispatched: 0, timedOut: 0 };

  const active = await db.generation.findMany({
    where: { status: { in: UPSTREAM_STATUSES }, klingTaskId: { not: null } },
    select: { id: true, klingTaskId: true, submittedAt: true, createdAt: true },
  });
  // Timed-out tasks of the last 30 days (Kling's retention) are still matched against the list, at
  // no extra request, so a late finish is not lost.
  const lateWatch = await db.generation.findMany({
    where: {
      status: "timed_out",
      klingTaskId: { not: null },
      submittedAt: { gt: new Date(Date.now() - 30 * 86_400_000) },
    },
    select: { id: true, klingTaskId: true },
    take: LIST_PAGE_SIZE,
  });
  report.active = active.length;
  if (active.length > 0 || lateWatch.length > 0) {
    const byTaskId = new Map<string, KlingTask>();
    try {
      for (const task of await client.listTasks({ pageNum: 1, pageSize: LIST_PAGE_SIZE }))
        byTaskId.set(task.task_id, task);
    } catch (error) {
      if (!(error instanceof KlingError)) throw error;
      // A failed list only delays this tick's updates; stragglers below still get their own GET.
    }
    for (const row of lateWatch) {
      const task = byTaskId.get(row.klingTaskId as string);
      if (task && (await applyKlingTask(row.id, task))) report.updated++;
    }
    for (const row of active) {
      let task = byTaskId.get(row.klingTaskId as string);
      if (!task) task = await client.getTask(row.klingTaskId as string).catch(() => undefined);
      if (task && (await applyKlingTask(row.id, task))) report.updated++;
      const startedAt = row.submittedAt ?? row.createdAt;
      if (Date.now() - startedAt.getTime() > settings.deadlineMs) {
        const minutes = Math.round(settings.deadlineMs / 60_000);
        const timedOut = await transition(row.id, UPSTREAM_STATUSES, {
          status: "timed_out",
          errorMessage: `Kling had not finished after ${minutes} minutes. The task (${row.klingTaskId}) is kept and can still be recovered.`,
        });
        if (timedOut) report.timedOut++;
      }
    }
  }
  report.dispatched = await resumeStalledWork();
  report.upstreamRequests = client.requestCount - requestsBefore;
  return report;
}

/** Queued rows whose wait is over, and rows whose worker vanished mid-step, get a job again. */
export async function resumeStalledWork() {
  const now = new Date();
  const leaseFree = { OR: [{ leaseUntil: null }, { leaseUntil: { lt: now } }] };
  const [toSubmit, toArchive] = await Promise.all([
    db.generation.findMany({
      where: {
        AND: [
          { OR: [{ status: "queued", nextAttemptAt: { lte: now } }, { status: "submitting" }] },
          leaseFree,
        ],
      },
      select: { id: true },
      orderBy: { createdAt: "asc" },
      take: 200,
    }),
    db.generation.findMany({
      where: { status: "succeeded", nextAttemptAt: { lte: now }, ...leaseFree },
      select: { id: true },
      take: 200,
    }),
  ]);
  for (const row of toSubmit) await enqueueSubmit(row.id);
  for (const row of toArchive) await enqueueArchive(row.id);
  return toSubmit.length + toArchive.length;
}

/** A callback or a straggler: one GET for one task, then the same update as a tick. */
export async function refreshGeneration(client: KlingClient, id: string) {
  const row = await db.generation.findUnique({ where: { id }, select: { klingTaskId: true, status: true } });
  if (!row) return false;
  const task = row.klingTaskId ? await client.getTask(row.klingTaskId) : await client.findByExternalId(id);
  if (!task) return false;
  if (!row.klingTaskId && row.status === "submitting") return false; // the dispatcher adopts it
  return applyKlingTask(id, task);
}
