import { db } from "@/lib/db";
import { callbackUrl } from "@/lib/generations/callbacks";
import { claim, transition } from "@/lib/generations/lease";
import { type GenerationRequest, toKlingCreateBody } from "@/lib/generations/request";
import { backoffMs, pipelineSettings } from "@/lib/generations/settings";
import { applyKlingTask } from "@/lib/generations/sync";
import { getCatalog } from "@/lib/kling/catalog";
import type { KlingClient, KlingTask } from "@/lib/kling/client";
import { KlingError } from "@/lib/kling/errors";

/**
 * Sends one queued generation to Kling, exactly once. A row found in `submitting` means an earlier
 * attempt may have created the task (its response was lost, or its worker died), so Kling is asked
 * for the task by external_task_id before any new create.
 */
export async function dispatchGeneration(
  client: KlingClient,
  id: string,
): Promise<"submitted" | "requeued" | "failed" | "skipped"> {
  const row = await db.generation.findUnique({ where: { id } });
  if (!row || !["queued", "submitting"].includes(row.status)) return "skipped";
  if (row.status === "queued" && row.nextAttemptAt > new Date()) return "skipped";
  if (
    !(await claim(id, ["queued", "submitting"], { status: "submitting", submitAttempts: { increment: 1 } }))
  )
    return "skipped";

  try {
    if (row.status === "submitting" || row.submitAttempts > 0) {
      const existing = await client.findByExternalId(id);
      if (existing) return adopt(id, existing);
    }
    const body = toKlingCreateBody(getCatalog(), row.request as GenerationRequest, {
      externalTaskId: id,
      callbackUrl: callbackUrl(),
    });
    const task = await client.createTextToVideo(body);
    return adopt(id, task);
  } catch (error) {
    if (!(error instanceof KlingError)) throw error;
    return handleCreateError(client, id, row.submitAttempts + 1, error);
  }
}

async function adopt(id: string, task: KlingTask) {
  await transition(id, ["submitting"], {
    status: "submitted",
    klingTaskId: task.task_id,
    submittedAt: new Date(),
    errorMessage: null,
  });
  await applyKlingTask(id, task);
  return "submitted" as const;
}

async function handleCreateError(client: KlingClient, id: string, attempt: number, error: KlingError) {
  // A duplicate external_task_id means an earlier create did go through: adopt that task.
  if (
    error.mayHaveCreated ||
    (error.kind === "invalid_parameter" && /external_task_id/i.test(error.message))
  ) {
    const existing = await client.findByExternalId(id).catch(() => null);
    if (existing) return adopt(id, existing);
  }
  if (error.retry === "never") {
    await transition(id, ["submitting"], {
      status: "failed",
      errorMessage: describeRefusal(error),
      chargedUnits: 0,
      completedAt: new Date(),
    });
    return "failed" as const;
  }
  if (error.retry === "backoff" && attempt >= pipelineSettings().maxSubmitAttempts) {
    await transition(id, ["submitting"], {
      status: "failed",
      errorMessage: `Kling could not be reached after ${attempt} attempts (${error.message}). Nothing was charged.`,
      chargedUnits: 0,
      completedAt: new Date(),
    });
    return "failed" as const;
  }
  // Over Kling's concurrency limit, or a transient failure: back to the queue, out again later.
  // Note: status goes back to "queued" only when we know no task exists (looked up above, or a
  // definite refusal like 1303/1302), so a later create cannot be a second paid task.
  const waitingForSlot = error.retry === "slot";
  await transition(id, ["submitting"], {
    status: "queued",
    klingStatusMsg: waitingForSlot ? "Waiting for a free Kling slot" : `Retrying: ${error.message}`,
    nextAttemptAt: new Date(
      Date.now() + (waitingForSlot ? pipelineSettings().retryBaseMs : backoffMs(attempt)),
    ),
  });
  return "requeued" as const;
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
