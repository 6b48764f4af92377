import "server-only";
import { db } from "@/lib/db";
import { callbackUrl } from "@/lib/generations/callbacks";
import { claim, transition } from "@/lib/generations/lease";
import { parseStoredRequest, toKlingCreateBody } from "@/lib/generations/request";
import { backoffMs, pipelineSettings } from "@/lib/generations/settings";
import { applyKlingTask } from "@/lib/generations/sync";
import { getCatalog } from "@/lib/kling/catalog";
import type { KlingClient, KlingTask } from "@/lib/kling/client";
import { KlingError } from "@/lib/kling/errors";

type Outcome = "submitted" | "requeued" | "failed" | "skipped";

/**
 * Sends one queued generation to Kling, exactly once. Once a create has been attempted, the row
 * is "uncertain": the task may exist (a lost response, a dead worker). An uncertain row is never
 * created again, and never given up, before Kling has said, by external_task_id, that no such task
 * exists.
 */
export async function dispatchGeneration(client: KlingClient, id: string): Promise<Outcome> {
  const row = await db.generation.findUnique({ where: { id } });
  if (!row || !["queued", "submitting"].includes(row.status)) return "skipped";
  if (row.status === "queued" && row.nextAttemptAt > new Date()) return "skipped";
  if (
    !(await claim(id, ["queued", "submitting"], { status: "submitting", submitAttempts: { increment: 1 } }))
  )
    return "skipped";
  const attempt = row.submitAttempts + 1;
  const uncertain = row.status === "submitting" || row.submitAttempts > 0;

  let body: Record<string, unknown>;
  try {
    body = toKlingCreateBody(getCatalog(), parseStoredRequest(row.request), {
      externalTaskId: id,
      callbackUrl: callbackUrl(),
    });
  } catch (error) {
    // The model left the catalog since the row was queued; nothing was sent yet if this is certain.
    if (!uncertain)
      return fail(
        id,
        `This generation can no longer be sent: ${(error as Error).message}. Remix it with another model.`,
      );
    body = {};
  }

  if (uncertain) {
    let existing: KlingTask | null;
    try {
      existing = await client.findByExternalId(id);
    } catch (error) {
      return requeue(
        id,
        attempt,
        `Checking with Kling whether the task was created (${(error as Error).message})`,
      );
    }
    if (existing) return adopt(id, existing);
    if (!body.model_name)
      return fail(
        id,
        "This generation's model is no longer offered; Kling has no task for it. Remix it with another model.",
      );
  }
  try {
    return await adopt(id, await client.createTextToVideo(body));
  } catch (error) {
    const klingError = error instanceof KlingError ? error : new KlingError("protocol", String(error));
    return handleCreateError(client, id, attempt, klingError);
  }
}

async function adopt(id: string, task: KlingTask): Promise<Outcome> {
  await transition(id, ["submitting"], {
    status: "submitted",
    klingTaskId: task.task_id,
    submittedAt: new Date(),
    errorMessage: null,
    klingStatusMsg: null,
  });
  await applyKlingTask(id, task);
  return "submitted";
}

async function handleCreateError(
  client: KlingClient,
  id: string,
  attempt: number,
  error: KlingError,
): Promise<Outcome> {
  const duplicate = error.kind === "invalid_parameter" && /external_task_id/i.test(error.message);
  if (error.mayHaveCreated || duplicate) {
    // Did it go through after all? Only a definite "no such task" lets the row be treated as unsent.
    let lookup: KlingTask | null | "unknown" = "unknown";
    try {
      lookup = await client.findByExternalId(id);
    } catch {}
    if (lookup && lookup !== "unknown") return adopt(id, lookup);
    if (lookup === "unknown" || duplicate)
      return requeue(id, attempt, `Checking with Kling whether the task was created (${error.message})`);
  }
  if (error.retry === "never") return fail(id, describeRefusal(error));
  if (error.retry === "backoff" && attempt >= pipelineSettings().maxSubmitAttempts) {
    return fail(
      id,
      `Kling could not be reached after ${attempt} attempts (${error.message}). Kling has no task for it; nothing was charged.`,
    );
  }
  const waitingForSlot = error.retry === "slot";
  return requeue(
    id,
    attempt,
    waitingForSlot ? "Waiting for a free Kling slot" : `Retrying: ${error.message}`,
    waitingForSlot,
  );
}

/** Back to the queue; `submitAttempts` > 0 makes the next attempt look the task up first. */
async function requeue(
  id: string,
  attempt: number,
  message: string,
  waitingForSlot = false,
): Promise<Outcome> {
  await transition(id, ["submitting"], {
    status: "queued",
    klingStatusMsg: message,
    nextAttemptAt: new Date(
      Date.now() + (waitingForSlot ? pipelineSettings().retryBaseMs : backoffMs(attempt)),
    ),
  });
  return "requeued";
}

async function fail(id: string, message: string): Promise<Outcome> {
  await transition(id, ["submitting"], {
    status: "failed",
    errorMessage: message,
    chargedUnits: 0,
    completedAt: new Date(),
  });
  return "failed";
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
