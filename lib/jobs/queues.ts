import "server-only";
import { getBoss, QUEUES } from "@/lib/jobs/boss";

export async function enqueueSubmit(generationId: string) {
  await (await getBoss()).send(QUEUES.submit, { generationId }, { singletonKey: generationId });
}

export async function enqueueArchive(generationId: string) {
  await (await getBoss()).send(QUEUES.archive, { generationId }, { singletonKey: generationId });
}

export async function enqueueRefresh(generationId: string) {
  await (await getBoss()).send(QUEUES.refresh, { generationId }, { singletonKey: generationId });
}
