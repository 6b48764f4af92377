import "server-only";
import { randomUUID } from "node:crypto";
import type { BatchKind } from "@/lib/batches/batches.validation";
import { db } from "@/lib/db";
import { fieldName, UserError } from "@/lib/errors";
import { budgetStatus, round } from "@/lib/generations/budget";
import {
  buildGenerationRequestSchema,
  type GenerationRequest,
  type GenerationRequestInput,
} from "@/lib/generations/request";
import { storyboardPrompt } from "@/lib/generations/storyboard.validation";
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
  const result = await submitGenerations({ ...options, inputs: [options.input] });
  const [generation] = result.generations;
  return result.repeated ? { ...generation, repeated: true } : generation;
}

/**
 * Several generations accepted as one: all validated, the budget checked for their total, all
 * written in one transaction (or none). With a `batch`, they are grouped as takes or a comparison;
 * each one still has its own row, lifecycle, cost and exactly-once create.
 * `fieldPrefix` names which input a validation error is about (e.g. `columns[1].`).
 *
 * Every generation started counts against the member's Generate limit (4 takes count 4; a batch
 * that does not fit is refused whole), and the action's `idempotencyKey` is stored on the first
 * generation, so a repeated key returns the same generations (and batch), not new ones.
 */
export async function submitGenerations(options: {
  teamId: string;
  userId: string;
  inputs: GenerationRequestInput[];
  parentId?: string | null;
  batch?: { kind: BatchKind };
  fieldPrefix?: (index: number) => string;
  idempotencyKey?: string;
}): Promise<{
  batchId: string | null;
  estimatedUnits: number;
  generations: { id: string; estimatedUnits: number }[];
  repeated?: true;
}> {
  const catalog = getCatalog();
  const schema = buildGenerationRequestSchema(catalog);
  const requests: GenerationRequest[] = options.inputs.map((input, index) => {
    const parsed = schema.safeParse(input);
    if (parsed.success) return parsed.data;
    const issue = parsed.error.issues[0];
    const field = fieldName(issue.path);
    throw new UserError(issue.message, {
      status: 400,
      field: field ? `${options.fieldPrefix?.(index) ?? ""}${field}` : undefined,
    });
  });
  const planned = requests.map((request) => ({
    id: randomUUID(),
    request,
    estimate: estimateUnits(catalog.pricing, request) ?? 0,
  }));
  const total = round(planned.reduce((sum, generation) => sum + generation.estimate, 0));
  const batchId = options.batch ? randomUUID() : null;

  const repeated = await db.$transaction(async (tx) => {
    // Serialize submissions per team so two at once cannot both squeeze under the budget, and a
    // repeated key finds the first one's committed rows (the unique index backs this up).
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`budget:${options.teamId}`}))`;
    if (options.idempotencyKey) {
      const earlier = await tx.generation.findUnique({
        where: { teamId_idempotencyKey: { teamId: options.teamId, idempotencyKey: options.idempotencyKey } },
        select: { id: true, estimatedUnits: true, batchId: true },
      });
      if (earlier) {
        const rows = earlier.batchId
          ? await tx.generation.findMany({
              where: { teamId: options.teamId, batchId: earlier.batchId },
              orderBy: { batchIndex: "asc" },
              select: { id: true, estimatedUnits: true },
            })
          : [earlier];
        const generations = rows.map((row) => ({ id: row.id, estimatedUnits: Number(row.estimatedUnits) }));
        return {
          batchId: earlier.batchId,
          estimatedUnits: round(generations.reduce((sum, generation) => sum + generation.estimatedUnits, 0)),
          generations,
          repeated: true as const,
        };
      }
    }
    // Each generation started counts against the member's Generate limit (README "Limits"), in
    // this transaction: a repeated key above starts nothing and counts nothing, and a batch
    // refused here or by the budget below leaves the member's allowance as it was.
    await consumeMemberQuota("generate", {
      teamId: options.teamId,
      userId: options.userId,
      uses: planned.length,
      client: tx,
    });
    if (options.parentId) {
      const parent = await tx.generation.findFirst({
        where: { id: requireId(options.parentId, "parentId"), teamId: options.teamId },
        select: { id: true },
      });
      if (!parent)
        throw new UserError("The generation to remix does not exist in this team.", { status: 404 });
    }
    const { budget, used, remaining } = await budgetStatus(tx, options.teamId);
    if (budget !== null && remaining !== null && total > remaining) {
      throw new UserError(
        `${describeCost(
          planned.map((generation) => generation.estimate),
          options.batch?.kind,
        )}, but only ${remaining} of the team's ${budget}-unit monthly budget remain (${round(used)} used this month).`,
        { status: 409, field: "budget" },
      );
    }
    if (batchId && options.batch) {
      await tx.batch.create({
        data: {
          id: batchId,
          teamId: options.teamId,
          kind: options.batch.kind,
          prompt: storyboardPrompt(requests[0]), // a storyboard's shots written out, as on its generations
          createdById: options.userId,
        },
      });
    }
    await tx.generation.createMany({
      data: planned.map(({ id, request, estimate }, index) => ({
        id,
        teamId: options.teamId,
        authorId: options.userId,
        parentId: options.parentId ?? null,
        batchId,
        batchIndex: batchId ? index + 1 : null,
        status: "queued",
        request,
        prompt: storyboardPrompt(request),
        negativePrompt: request.negativePrompt,
        model: request.model,
        mode: request.mode,
        duration: request.duration,
        aspectRatio: request.aspectRatio,
        sound: request.sound,
        estimatedUnits: estimate,
        // The first generation carries the action's key; a repeat finds the rest by its batch.
        idempotencyKey: index === 0 ? (options.idempotencyKey ?? null) : null,
        // Distinct times keep the takes in order wherever rows are sorted by creation.
        createdAt: new Date(Date.now() + index),
      })),
    });
    return null;
  });
  if (repeated) return repeated;
  for (const generation of planned) await enqueueSubmit(generation.id);
  return {
    batchId,
    estimatedUnits: total,
    generations: planned.map((generation) => ({ id: generation.id, estimatedUnits: generation.estimate })),
  };
}

/** "This generation needs 2 units", "These 3 takes need 4.5 units together (1.5 each)". */
function describeCost(estimates: number[], kind: BatchKind | undefined) {
  const total = round(estimates.reduce((sum, units) => sum + units, 0));
  if (estimates.length === 1) return `This generation needs ${total} units`;
  const noun = kind === "compare" ? "clips" : "takes";
  const split = estimates.every((units) => units === estimates[0])
    ? `${estimates[0]} each`
    : estimates.join(" + ");
  return `These ${estimates.length} ${noun} need ${total} units together (${split})`;
}
