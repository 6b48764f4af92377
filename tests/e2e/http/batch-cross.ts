import type { APIRequestContext } from "@playwright/test";
import type { TemplateRow } from "./batch-actions";
import { act, crossTeam, type Recorder } from "./cells";
import { type Caller, homeTarget, otherThan, type Target } from "./matrix";
import { freshCompareLink } from "./world-batches";

// Issue 15's actions with the other team's batch, link and template ids, sent from the caller's own
// team: refused like a missing id, and nothing of the other team changes.

export async function crossBatchCells(
  recorder: Recorder,
  caller: Caller,
  request: APIRequestContext,
  read: {
    chosen: (target: Target) => Promise<string | null>;
    compareLinks: (target: Target) => Promise<number>;
    compareAlive: (token: string) => Promise<boolean>;
    templateRow: (target: Target, id: string) => Promise<TemplateRow | undefined>;
  },
) {
  const { world } = recorder;
  const foreign = otherThan(homeTarget(caller));
  const theirs = world.comparison[foreign];
  const from = (home: Target) => ({ teamId: world.team[home] });
  const before = await read.chosen(foreign);
  await crossTeam(
    recorder,
    caller,
    "pickTake",
    theirs.batchId,
    (id, home) =>
      act(world, request, "/", "pickTakeAction", {
        ...from(home),
        batchId: id,
        generationId: theirs.generationIds.find((g) => g !== before),
      }),
    async () => (await read.chosen(foreign)) !== before,
  );
  const links = await read.compareLinks(foreign);
  await crossTeam(
    recorder,
    caller,
    "createCompareShare",
    theirs.batchId,
    (id, home) =>
      act(world, request, "/", "createCompareShareAction", { ...from(home), batchId: id, expiry: "1d" }),
    async () => (await read.compareLinks(foreign)) !== links,
  );
  const fresh = await freshCompareLink(world.owner, world.base, world.team[foreign], theirs.batchId);
  await crossTeam(
    recorder,
    caller,
    "revokeCompareShare",
    fresh.linkId,
    (id, home) =>
      act(world, request, "/", "revokeCompareShareAction", {
        ...from(home),
        batchId: theirs.batchId,
        linkId: id,
      }),
    async () => !(await read.compareAlive(fresh.token)),
  );
  const template = world.template[foreign];
  const row = await read.templateRow(foreign, template.id);
  await crossTeam(
    recorder,
    caller,
    "updateTemplate",
    template.id,
    (id, home) =>
      act(world, request, "/", "updateTemplateAction", {
        ...from(home),
        templateId: id,
        name: "Taken over",
        prompt: "A {x}",
        negativePrompt: "",
        defaults: {},
      }),
    async () => (await read.templateRow(foreign, template.id))?.name !== row?.name,
  );
  await crossTeam(
    recorder,
    caller,
    "recordTemplateUse",
    template.id,
    (id, home) => act(world, request, "/", "recordTemplateUseAction", { ...from(home), templateId: id }),
    async () => (await read.templateRow(foreign, template.id))?.useCount !== row?.useCount,
  );
  await crossTeam(
    recorder,
    caller,
    "archiveTemplate",
    template.id,
    (id, home) => act(world, request, "/", "archiveTemplateAction", { ...from(home), templateId: id }),
    async () => (await read.templateRow(foreign, template.id)) === undefined,
  );
}
