import "server-only";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { heldByDeadWorker, transition } from "@/lib/generations/lease";
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
  /** Timed-out rows the list did not show, looked up on their own this tick. */
  lateChecked: number;
}

/**
 * One poll tick: every active row updated from one list call, so upstream requests per tick stay
 * O(1) however many tasks run; single GETs only for rows the list does not show (older tasks).
 * Also re-dispatches queued rows whose backoff has passed and resumes stalled work.
 */
export async function pollTick(client: KlingClient): Promise<TickReport> {
  const requestsBefore = client.requestCount;
  const settings = pipelineSettings();
  const report: TickReport = {
    active: 0,
    upstreamRequests: 0,
    updated: 0,
    dispatched: 0,
    timedOut: 0,
    lateChecked: 0,
  };

  const active = await db.generation.findMany({
    where: { status: { in: UPSTREAM_STATUSES }, klingTaskId: { not: null } },
    select: { id: true, klingTaskId: true, submittedAt: true, createdAt: true },
  });
  // Timed-out tasks within Kling's retention can still finish: matched against the list at no
  // extra request, and those the list does not show (500 newer tasks pushed them off page 1) get
  // their own GET, a bounded number per tick, least recently checked first.
  const lateWatch = await db.generation.findMany({
    where: {
      status: "timed_out",
      klingTaskId: { not: null },
      submittedAt: { gt: new Date(Date.now() - settings.retentionMs) },
    },
    select: { id: true, klingTaskId: true, lastCheckedAt: true },
  });
  report.active = active.length;
  if (active.length > 0 || lateWatch.length > 0) {
    const byTaskId = new Map<string, KlingTask>();
    try {
      const { tasks, skipped } = await client.listTasks({ pageNum: 1, pageSize: LIST_PAGE_SIZE });
      for (const task of tasks) byTaskId.set(task.task_id, task);
      for (const problem of skipped) console.error(`[poll] skipped a task Kling listed: ${problem}`);
    } catch (error) {
      if (!(error instanceof KlingError)) throw error;
      // A failed list only delays this tick's updates; stragglers below still get their own GET.
    }
    const unseen = [];
    for (const row of lateWatch) {
      const task = byTaskId.get(row.klingTaskId as string);
      if (!task) unseen.push(row);
      else if (await applyKlingTask(row.id, task)) report.updated++;
    }
    unseen.sort((a, b) => (a.lastCheckedAt?.getTime() ?? 0) - (b.lastCheckedAt?.getTime() ?? 0));
    for (const row of unseen.slice(0, settings.lateChecksPerTick)) {
      report.lateChecked++;
      await db.generation.update({ where: { id: row.id }, data: { lastCheckedAt: new Date() } });
      const task = await client.getTask(row.klingTaskId as string).catch(() => undefined);
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

/**
 * Queued rows whose wait is over, and rows whose worker died mid-step (its heartbeat stopped),
 * get a job again. Rows a live worker holds are left alone, however long it takes.
 */
export async function resumeStalledWork() {
  const free = Prisma.sql`(g."leaseOwner" IS NULL OR ${heldByDeadWorker()})`;
  const rows = await db.$queryRaw<Array<{ id: string; status: string }>>`
    SELECT g."id", g."status" FROM "generation" g
    WHERE ((g."status" IN ('queued', 'succeeded', 'archive_waiting') AND g."nextAttemptAt" <= ${new Date()})
           OR g."status" = 'submitting')
      AND ${free}
    ORDER BY g."createdAt" ASC
    LIMIT 400`;
  for (const row of rows) {
    if (row.status === "queued" || row.status === "submitting") await enqueueSubmit(row.id);
    else await enqueueArchive(row.id);
  }
  return rows.length;
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
