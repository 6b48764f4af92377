import "server-only";
import { randomUUID } from "node:crypto";
import { db } from "@/lib/db";
import { UserError } from "@/lib/errors";
import { budgetStatus, round } from "@/lib/generations/budget";
import { buildGenerationRequestSchema, type GenerationRequestInput } from "@/lib/generations/request";
import { requireId } from "@/lib/http/text";
import { enqueueSubmit } from "@/lib/jobs/queues";
import { getCatalog } from "@/lib/kling/catalog";
import { estimateUnits } from "@/lib/kling/pricing";
import { consumeMemberQuota } from "@/lib/security/rate-limit";

/**
 * Accepts a generation: validates it against the catalog, checks the team's monthly budget, and
 * writes it as `queued` before anything talks to Kling. Its id doubles as Kling's external_task_id,
 * which is what makes a lost create response recoverable without paying twice.
 */
export async function submitGeneration(options: {
  teamId: string;
  userId: string;
  input: GenerationRequestInput;
  parentId?: string | null;
  /** The Generate action's key: the same key for the same team yields the same generation. */
  idempotencyKey?: string;
}): Promise<{ id: string; estimatedUnits: number; repeated?: true }> {
  const catalog = getCatalog();
  const parsed = buildGenerationRequestSchema(catalog).safeParse(options.input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new UserError(issue.message, { status: 400, field: String(issue.path[0] ?? "") || undefined });
  }
  const request = parsed.data;
  await consumeMemberQuota("generate", { teamId: options.teamId, userId: options.userId });
  const estimate = estimateUnits(catalog.pricing, request) ?? 0;
  const id = randomUUID();

  const repeated = await db.$transaction(async (tx) => {
    // Serialize submissions per team so two at once cannot both squeeze under the budget, and a
    // repeated key finds the first one's committed row (the unique index backs this up).
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`budget:${options.teamId}`}))`;
    if (options.idempotencyKey) {
      const earlier = await tx.generation.findUnique({
        where: { teamId_idempotencyKey: { teamId: options.teamId, idempotencyKey: options.idempotencyKey } },
        select: { id: true, estimatedUnits: true },
      });
      if (earlier)
        return { id: earlier.id, estimatedUnits: Number(earlier.estimatedUnits), repeated: true as const };
    }
    if (options.parentId) {
      const parent = await tx.generation.findFirst({
        where: { id: requireId(options.parentId, "parentId"), teamId: options.teamId },
        select: { id: true },
      });
      if (!parent)
        throw new UserError("The generation to remix does not exist in this team.", { status: 404 });
    }
    const { budget, used, remaining } = await budgetStatus(tx, options.teamId);
    if (budget !== null && remaining !== null && estimate > remaining) {
      throw new UserError(
        `This generation needs ${estimate} units, but only ${remaining} of the team's ${budget}-unit monthly budget remain (${round(used)} used this month).`,
        { status: 409, field: "budget" },
      );
    }
    await tx.generation.create({
      data: {
        id,
        teamId: options.teamId,
        authorId: options.userId,
        parentId: options.parentId ?? null,
        status: "queued",
        request,
        prompt: request.prompt,
        negativePrompt: request.negativePrompt,
        model: request.model,
        mode: request.mode,
        duration: request.duration,
        aspectRatio: request.aspectRatio,
        sound: request.sound,
        estimatedUnits: estimate,
        idempotencyKey: options.idempotencyKey ?? null,
      },
    });
    return null;
  });
  if (repeated) return repeated;
  await enqueueSubmit(id);
  return { id, estimatedUnits: estimate };
}
