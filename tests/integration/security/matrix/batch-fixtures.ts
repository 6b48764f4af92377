import { randomBytes, randomUUID } from "node:crypto";
import { db } from "../../../../lib/db";
import { seedVideo } from "./fixtures";

// Issue 15's objects in team A for the matrix: a batch of takes, a comparison with a live public
// link, and a template, each holding a finished video or a name only team A's callers may see.

export async function seedBatches(teamId: string, ownerId: string, dataDir: string) {
  const take = await seedVideo(teamId, ownerId, dataDir);
  const cell = await seedVideo(teamId, ownerId, dataDir);
  const takesBatchId = randomUUID();
  const compareBatchId = randomUUID();
  for (const [id, kind] of [
    [takesBatchId, "takes"],
    [compareBatchId, "compare"],
  ] as const) {
    await db.batch.create({ data: { id, teamId, kind, prompt: "matrix", createdById: ownerId } });
  }
  await db.generation.update({
    where: { id: take.generationId },
    data: { batchId: takesBatchId, batchIndex: 1 },
  });
  await db.generation.update({
    where: { id: cell.generationId },
    data: { batchId: compareBatchId, batchIndex: 1 },
  });
  const compareToken = randomBytes(24).toString("base64url");
  await db.batchShareLink.create({
    data: { id: randomUUID(), token: compareToken, batchId: compareBatchId, teamId, createdById: ownerId },
  });
  const templateName = `Alpha template ${randomUUID()}`;
  await freshTemplate(teamId, ownerId, templateName);
  return {
    takesBatchId,
    takeId: take.generationId,
    compareBatchId,
    compareGenerationId: cell.generationId,
    compareToken,
    templateName,
  };
}

/** A live template by `authorId`, fresh per cell: editing or archiving one leaves the next intact. */
export async function freshTemplate(teamId: string, authorId: string, name = "Alpha matrix template") {
  const id = randomUUID();
  await db.promptTemplate.create({
    data: { id, teamId, authorId, name, prompt: "A {subject} in the matrix", defaults: { subject: "fox" } },
  });
  return id;
}

export async function freshCompareLink(teamId: string, batchId: string, createdById: string) {
  const id = randomUUID();
  await db.batchShareLink.create({
    data: { id, token: randomBytes(24).toString("base64url"), batchId, teamId, createdById },
  });
  return id;
}
