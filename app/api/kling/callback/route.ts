// POST /api/kling/callback – Kling's status notifications; never trusted alone, they trigger a re-fetch
import { db } from "@/lib/db";
import { serverEnv } from "@/lib/env";
import { enqueueRefresh } from "@/lib/jobs/queues";
import { verifyKlingWebhook } from "@/lib/kling/webhooks";

export const dynamic = "force-dynamic";

export async function POST(request: Request) {
  const rawBody = await request.text();
  const secret = serverEnv().KLING_WEBHOOK_SECRET;
  if (secret) {
    const verdict = verifyKlingWebhook(
      secret,
      {
        id: request.headers.get("webhook-id"),
        timestamp: request.headers.get("webhook-timestamp"),
        signature: request.headers.get("webhook-signature"),
      },
      rawBody,
    );
    if (!verdict.ok) return Response.json({ error: `invalid signature: ${verdict.reason}` }, { status: 401 });
  }
  let body: { task_id?: unknown; task_info?: { external_task_id?: unknown } };
  try {
    body = JSON.parse(rawBody);
  } catch {
    return Response.json({ error: "body is not JSON" }, { status: 400 });
  }
  const taskId = typeof body.task_id === "string" ? body.task_id : undefined;
  const externalId =
    typeof body.task_info?.external_task_id === "string" ? body.task_info.external_task_id : undefined;
  // Note: only the ids are read from the body; the status is re-fetched from Kling by the job.
  const generation = await db.generation.findFirst({
    where: {
      OR: [...(taskId ? [{ klingTaskId: taskId }] : []), ...(externalId ? [{ id: externalId }] : [])],
    },
    select: { id: true },
  });
  if (generation) await enqueueRefresh(generation.id);
  return Response.json({ ok: true });
}
