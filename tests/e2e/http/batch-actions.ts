import { type APIRequestContext, expect } from "@playwright/test";
import { crossBatchCells } from "./batch-cross";
import { expects, newRecorder, record, TARGETS, teamAct } from "./cells";
import { emulatorPrompts } from "./emulator";
import { compareInput, generationInput } from "./inputs";
import { type Caller, roleIn, type Target } from "./matrix";
import type { World } from "./world";
import { freshCompareLink, makeTemplate } from "./world-batches";

// Issue 15's actions: takes and comparisons (Generate's batches, counted at the emulator), picking
// a take, comparison links, and the prompt library, for every caller × both teams, with the other
// team's ids from the caller's own team. Effects are read back from outside as for the others.

export interface TemplateRow {
  id: string;
  name: string;
  useCount: number;
}

export async function batchActionCells(world: World, anonymous: APIRequestContext) {
  const recorder = newRecorder(world);
  const templates = async (target: Target) =>
    ((await (await world.reader[target].get("/api/templates")).json()) as { templates: TemplateRow[] })
      .templates;
  const templateRow = async (target: Target, id: string) =>
    (await templates(target)).find((row) => row.id === id);
  const chosen = async (target: Target) => {
    const [first] = world.comparison[target].generationIds;
    const { generations } = await (await world.reader[target].get(`/api/generations?ids=${first}`)).json();
    return generations[0]?.batch?.chosenGenerationId as string | null;
  };
  const compareLinks = async (target: Target) => {
    const page = await world.reader[target].get(`/compare/${world.comparison[target].batchId}`);
    return [...(await page.text()).replaceAll('\\"', '"').matchAll(/\{"id":"[\w-]+","token":"[\w-]+"/g)]
      .length;
  };
  const compareAlive = async (token: string) => (await anonymous.get(`/c/${token}`)).status() === 200;
  const spends: Array<{ prompt: string; cell: number }> = [];
  const canEditOwners = (caller: Caller, target: Target) => {
    const role = roleIn(caller, target);
    return expects(caller, target, "generation.create") && (role === "owner" || role === "admin");
  };

  for (const [caller, request] of world.callers) {
    for (const target of TARGETS) {
      const teamId = world.team[target];
      const comparison = world.comparison[target];
      const base = { caller, target } as { caller: Caller; target: Target };
      const spend = async (
        surface: string,
        action: string,
        args: { teamId: string } & Record<string, unknown>,
      ) => {
        const answer = await teamAct(recorder, caller, target, request, { page: "/", action, args });
        record(
          recorder,
          { ...base, surface, expected: expects(caller, target, "generation.create") },
          answer,
        );
        spends.push({
          prompt: String((args.columns as Array<{ prompt: string }>)?.[0]?.prompt ?? args.prompt),
          cell: recorder.cells.length - 1,
        });
      };
      await spend("action submitCompare (2 columns)", "submitCompareAction", {
        ...compareInput(teamId, `Matrix compare by ${caller} for ${target}`),
      });
      await spend(
        "action submitGeneration (2 takes)",
        "submitGenerationAction",
        generationInput(teamId, `Matrix takes by ${caller} for ${target}`, { takes: 2 }),
      );

      const before = await chosen(target);
      const next = comparison.generationIds.find((id) => id !== before) as string;
      const picked = await teamAct(recorder, caller, target, request, {
        page: "/",
        action: "pickTakeAction",
        args: { teamId, batchId: comparison.batchId, generationId: next },
      });
      record(
        recorder,
        { ...base, surface: "action pickTake", expected: expects(caller, target, "review.set") },
        picked,
        (await chosen(target)) !== before,
      );

      const linksBefore = await compareLinks(target);
      const shared = await teamAct(recorder, caller, target, request, {
        page: "/",
        action: "createCompareShareAction",
        args: { teamId, batchId: comparison.batchId, expiry: "1d" },
      });
      record(
        recorder,
        { ...base, surface: "action createCompareShare", expected: expects(caller, target, "share.manage") },
        shared,
        (await compareLinks(target)) > linksBefore,
      );

      const fresh = await freshCompareLink(world.owner, world.base, teamId, comparison.batchId);
      const revoked = await teamAct(recorder, caller, target, request, {
        page: "/",
        action: "revokeCompareShareAction",
        args: { teamId, batchId: comparison.batchId, linkId: fresh.linkId },
      });
      record(
        recorder,
        { ...base, surface: "action revokeCompareShare", expected: expects(caller, target, "share.manage") },
        revoked,
        !(await compareAlive(fresh.token)),
      );

      const name = `Matrix template by ${caller} for ${target}`;
      const created = await teamAct(recorder, caller, target, request, {
        page: "/",
        action: "createTemplateAction",
        args: { teamId, name, prompt: "A {thing} at noon", negativePrompt: "", defaults: {} },
      });
      const mine = (await templates(target)).find((row) => row.name === name);
      record(
        recorder,
        { ...base, surface: "action createTemplate", expected: expects(caller, target, "generation.create") },
        created,
        mine !== undefined,
      );
      if (mine) {
        const renamed = await teamAct(recorder, caller, target, request, {
          page: "/",
          action: "updateTemplateAction",
          args: {
            teamId,
            templateId: mine.id,
            name: `${name}, renamed`,
            prompt: "A {thing} at noon",
            negativePrompt: "",
            defaults: {},
          },
        });
        record(
          recorder,
          { ...base, surface: "action updateTemplate (its author)", expected: true },
          renamed,
          (await templateRow(target, mine.id))?.name !== name,
        );
      }

      const owners = world.template[target];
      const ownersBefore = await templateRow(target, owners.id);
      const edited = await teamAct(recorder, caller, target, request, {
        page: "/",
        action: "updateTemplateAction",
        args: {
          teamId,
          templateId: owners.id,
          name: `${owners.name} ${caller}`,
          prompt: "A matrix cell with {subject}",
          negativePrompt: "",
          defaults: {},
        },
      });
      const ownersAfter = await templateRow(target, owners.id);
      record(
        recorder,
        { ...base, surface: "action updateTemplate (the owner's)", expected: canEditOwners(caller, target) },
        edited,
        ownersAfter?.name !== ownersBefore?.name,
      );

      const used = await teamAct(recorder, caller, target, request, {
        page: "/",
        action: "recordTemplateUseAction",
        args: { teamId, templateId: owners.id },
      });
      record(
        recorder,
        { ...base, surface: "action recordTemplateUse", expected: expects(caller, target, null) },
        used,
        (await templateRow(target, owners.id))?.useCount !== ownersAfter?.useCount,
      );

      const doomed = await makeTemplate(world.owner, world.base, teamId, `Matrix doomed ${caller} ${target}`);
      const archived = await teamAct(recorder, caller, target, request, {
        page: "/",
        action: "archiveTemplateAction",
        args: { teamId, templateId: doomed.id },
      });
      record(
        recorder,
        { ...base, surface: "action archiveTemplate (the owner's)", expected: canEditOwners(caller, target) },
        archived,
        (await templateRow(target, doomed.id)) === undefined,
      );
    }
    await crossBatchCells(recorder, caller, request, { chosen, compareLinks, compareAlive, templateRow });
  }

  // Batches spend Kling units: each allowed cell's two tasks reached the emulator, no refused one's.
  const counts = async () => {
    const prompts = await emulatorPrompts();
    return spends.map((each) => prompts.filter((prompt) => prompt === each.prompt).length);
  };
  await expect
    .poll(
      async () =>
        (await counts()).filter((count, index) => recorder.cells[spends[index].cell].actual && count !== 2),
      {
        timeout: 120_000,
        intervals: [1000],
      },
    )
    .toEqual([]);
  const final = await counts();
  spends.forEach((each, index) => {
    recorder.cells[each.cell].effect = final[index] === 2;
  });
  return recorder;
}
