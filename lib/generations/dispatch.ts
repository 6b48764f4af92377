import "server-only";
import { db } from "@/lib/db";
import { callbackUrl } from "@/lib/generations/callbacks";
import { type ClaimedRow, claim, holding, transition } from "@/lib/generations/lease";
import { parseStoredRequest, toKlingCreateBody } from "@/lib/generations/request";
import { backoffMs, pipelineSettings } from "@/lib/generations/settings";
import { applyKlingTask } from "@/lib/generations/sync";
import type { Holder } from "@/lib/jobs/worker-process";
import { getCatalog } from "@/lib/kling/catalog";
import type { KlingClient, KlingTask } from "@/lib/kling/client";
import { KlingError } from "@/lib/kling/errors";

type Outcome = "submitted" | "requeued" | "failed" | "skipped";

/** Test seam: runs between reading the row and claiming it, to force two jobs to interleave. */
export interface DispatchHooks {
  afterRead?: () => Promise<void>;
}

/**
 * Sends one queued generation to Kling, exactly once. Once a create has been attempted, the row
 * is "uncertain": the task may exist (a lost response, a dead worker). The decision is made on
 * the row as claimed (a compare-and-set on status and submitAttempts), so two jobs that read the
 * same row cannot both believe it was never sent. An uncertain row is never created again, and
 * never given up, before Kling has said, by external_task_id, that no such task exists.
 */
export async function dispatchGeneration(
  client: KlingClient,
  holder: Holder,
  id: string,
  hooks: DispatchHooks = {},
): Promise<Outcome> {
  const row = await db.generation.findUnique({ where: { id } });
  if (!row || !["queued", "submitting"].includes(row.status)) return "skipped";
  if (row.status === "queued" && row.nextAttemptAt > new Date()) return "skipped";
  await hooks.afterRead?.();
  return holding(holder, id, async () => {
    const claimed = await claim(
      id,
      ["queued", "submitting"],
      { status: "submitting" },
      { holder, seen: row, counter: "submitAttempts" },
    );
    if (!claimed) return "skipped";
    return send(client, holder, claimed, {
      request: row.request,
      lastCreateAt: row.lastCreateAt,
    });
  });
}

async function send(
  client: KlingClient,
  holder: Holder,
  claimed: ClaimedRow,
  { request, lastCreateAt }: { request: unknown; lastCreateAt: Date | null },
) {
  const { id } = claimed;
  const attempt = claimed.submitAttempts;
  // As claimed: this very claim counted one attempt; any earlier one may have reached Kling.
  const uncertain = attempt > 1;

  let body: Record<string, unknown> | null;
  try {
    body = toKlingCreateBody(getCatalog(), parseStoredRequest(request), {
      externalTaskId: id,
      callbackUrl: callbackUrl(),
    });
  } catch (error) {
    // The model left the catalog since the row was queued; nothing was sent yet if this is certain.
    if (!uncertain)
      return fail(
        holder,
        id,
        `This generation can no longer be sent: ${(error as Error).message}. Remix it with another model.`,
      );
    body = null;
  }

  if (uncertain) {
    const existing = await lookUp(client, id);
    if (existing && existing !== "unknown") return adopt(holder, id, existing);
    // Nothing found yet may only mean the lost create is still being worked on at Kling.
    const settling =
      lastCreateAt !== null && Date.now() - lastCreateAt.getTime() < pipelineSettings().createSettleMs;
    if (existing === "unknown" || settling)
      return requeue(holder, id, attempt, "Checking with Kling whether the task was created");
    if (!body)
      return fail(
        holder,
        id,
        "This generation's model is no longer offered; Kling has no task for it. Remix it with another model.",
      );
  }
  // A worker whose heartbeat is failing may already have been taken over: never POST then. The
  // stamp doubles as a last check that this worker still holds the row.
  if (!holder.isAlive() || !body || !(await stampCreate(holder, id)))
    return requeue(holder, id, attempt, "Waiting for the worker to reconnect");
  try {
    return await adopt(holder, id, await client.createTextToVideo(body));
  } catch (error) {
    const klingError = error instanceof KlingError ? error : unexpected(id, error);
    return handleCreateError(client, holder, id, attempt, klingError);
  }
}

async function stampCreate(holder: Holder, id: string) {
  const stamped = await db.generation.updateMany({
    where: { id, status: "submitting", leaseOwner: holder.id },
    data: { lastCreateAt: new Date() },
  });
  return stamped.count === 1;
}

/** The task by external id; "unknown" when Kling could not say (the row must not be created again). */
async function lookUp(client: KlingClient, id: string): Promise<KlingTask | null | "unknown"> {
  try {
    return await client.findByExternalId(id);
  } catch (error) {
    console.error(`[dispatch] generation ${id}: lookup by external id failed: ${String(error)}`);
    return "unknown";
  }
}

async function adopt(holder: Holder, id: string, task: KlingTask): Promise<Outcome> {
  const moved = await transition(
    id,
    ["submitting"],
    {
      status: "submitted",
      klingTaskId: task.task_id,
      submittedAt: new Date(),
      errorMessage: null,
      klingStatusMsg: null,
    },
    holder,
  );
  if (!moved) return "skipped";
  await applyKlingTask(id, task);
  return "submitted";
}

async function handleCreateError(
  client: KlingClient,
  holder: Holder,
  id: string,
  attempt: number,
  error: KlingError,
): Promise<Outcome> {
  // Kling's answer to a second create with the same external_task_id is undocumented; any 1201
  // could be it (docs/KLING_API.md "Duplicate external_task_id"). So a parameter refusal, like an
  // answer that may hide a created task, is first resolved by looking the task up.
  const mayExist = error.mayHaveCreated || error.kind === "invalid_parameter";
  if (mayExist) {
    const lookup = await lookUp(client, id);
    if (lookup && lookup !== "unknown") return adopt(holder, id, lookup);
    if (lookup === "unknown" || error.mayHaveCreated)
      return requeue(
        holder,
        id,
        attempt,
        `Checking with Kling whether the task was created (${error.message})`,
      );
    // Definitely no task: the refusal was about the request itself.
  }
  if (error.retry === "never") return fail(holder, id, describeRefusal(error));
  if (error.retry === "backoff" && attempt >= pipelineSettings().maxSubmitAttempts) {
    return fail(
      holder,
      id,
      `Kling could not be reached after ${attempt} attempts (${error.message}). Kling has no task for it; nothing was charged.`,
    );
  }
  const waitingForSlot = error.retry === "slot";
  return requeue(
    holder,
    id,
    attempt,
    waitingForSlot ? "Waiting for a free Kling slot" : `Retrying: ${error.message}`,
    waitingForSlot,
    // A definite refusal (1302, 1303, ...): no create of ours is still in flight at Kling.
    true,
  );
}

/** Back to the queue; `submitAttempts` > 0 makes the next attempt look the task up first. */
async function requeue(
  holder: Holder,
  id: string,
  attempt: number,
  message: string,
  waitingForSlot = false,
  refusedForSure = false,
): Promise<Outcome> {
  await transition(
    id,
    ["submitting"],
    {
      status: "queued",
      klingStatusMsg: message,
      ...(refusedForSure ? { lastCreateAt: null } : {}),
      nextAttemptAt: new Date(
        Date.now() + (waitingForSlot ? pipelineSettings().retryBaseMs : backoffMs(attempt)),
      ),
    },
    holder,
  );
  return "requeued";
}

async function fail(holder: Holder, id: string, message: string): Promise<Outcome> {
  await transition(
    id,
    ["submitting"],
    { status: "failed", errorMessage: message, chargedUnits: 0, completedAt: new Date() },
    holder,
  );
  return "failed";
}

/** Not a Kling answer (a bug, a parse failure): logged with the id, shown to members in plain words. */
function unexpected(id: string, error: unknown) {
  console.error(`[dispatch] generation ${id}: unexpected error on create: ${String(error)}`);
  return new KlingError("protocol", "Kling's answer could not be read");
}

function describeRefusal(error: KlingError) {
  switch (error.kind) {
    case "content_policy":
      return `Kling refused the prompt under its content policy: ${error.message}`;
    case "balance":
      return `The Kling account has no units left (${error.message}). Buy a resource pack, then remix this generation.`;
    case "auth":
      return `Kling rejected the studio's credentials (${error.message}). An administrator must check the Kling keys.`;
    default:
      return error.message;
  }
}
