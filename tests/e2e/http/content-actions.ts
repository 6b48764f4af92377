import { type APIRequestContext, expect } from "@playwright/test";
import { expects, newRecorder, record, TARGETS, teamAct } from "./cells";
import { crossContentCells } from "./content-cross";
import { contentKit } from "./content-kit";
import { emulatorCreates, emulatorPrompts } from "./emulator";
import { generationInput } from "./inputs";
import type { Caller, Target } from "./matrix";
import { commentBodies, shareLinksOf } from "./readers";
import { compare, describeResponse, NONEXISTENT } from "./same-refusal";
import { generationIds, type World } from "./world";

// Generate, the three review actions and the two share actions, over HTTP for every caller, for
// both teams, and with the other team's ids. Each cell's effect is read back from outside the
// action: the emulator's task list, the gallery, the comments route, the video page, the link.

export async function contentActionCells(world: World) {
  const recorder = newRecorder(world);
  const kit = await contentKit(world);
  const { anonymous, state, linkAlive, freshLink, submitted } = kit;

  for (const [caller, request] of world.callers) {
    for (const target of TARGETS) {
      const teamId = world.team[target];
      const video = world.video[target];
      const page = `/videos/${video.id}`;
      const base = { caller, target } as { caller: Caller; target: Target };

      const prompt = `Matrix submit by ${caller} for ${target}`;
      const generated = await teamAct(recorder, caller, target, request, {
        page: "/",
        action: "submitGenerationAction",
        args: generationInput(teamId, prompt),
      });
      record(
        recorder,
        {
          ...base,
          surface: "action submitGeneration",
          expected: expects(caller, target, "generation.create"),
        },
        generated,
      );
      submitted.push({
        prompt,
        cell: recorder.cells.length - 1,
        id: generationIds(generated)[0],
      });

      const before = await state(target);
      const next = before.reviewState === "approved" ? "changes_requested" : "approved";
      const reviewed = await teamAct(recorder, caller, target, request, {
        page: page,
        action: "setReviewStateAction",
        args: {
          teamId,
          generationId: video.id,
          state: next,
        },
      });
      record(
        recorder,
        { ...base, surface: "action setReviewState", expected: expects(caller, target, "review.set") },
        reviewed,
        (await state(target)).reviewState !== before.reviewState,
      );

      const rated = await teamAct(recorder, caller, target, request, {
        page: page,
        action: "rateVideoAction",
        args: {
          teamId,
          generationId: video.id,
          stars: 4,
        },
      });
      const afterRating = await state(target);
      record(
        recorder,
        { ...base, surface: "action rateVideo", expected: expects(caller, target, "review.set") },
        rated,
        afterRating.ratingCount !== before.ratingCount,
      );

      const body = `Matrix comment by ${caller} on ${target}`;
      const commented = await teamAct(recorder, caller, target, request, {
        page: page,
        action: "addCommentAction",
        args: {
          teamId,
          generationId: video.id,
          body,
          timecodeSeconds: null,
        },
      });
      record(
        recorder,
        { ...base, surface: "action addComment", expected: expects(caller, target, "comment.create") },
        commented,
        (await commentBodies(world.reader[target], video.id)).includes(body),
      );

      const linksBefore = (await shareLinksOf(world.reader[target], video.id)).length;
      const shared = await teamAct(recorder, caller, target, request, {
        page: page,
        action: "createShareLinkAction",
        args: {
          teamId,
          generationId: video.id,
          expiry: "1d",
          hidePrompt: false,
        },
      });
      const token = (shared.result as { data?: { token?: string } } | undefined)?.data?.token;
      const linksAfter = (await shareLinksOf(world.reader[target], video.id)).length;
      record(
        recorder,
        { ...base, surface: "action createShareLink", expected: expects(caller, target, "share.manage") },
        shared,
        linksAfter > linksBefore && (!token || (await linkAlive(token))),
      );

      const fresh = await freshLink(target);
      const revoked = await teamAct(recorder, caller, target, request, {
        page: page,
        action: "revokeShareLinkAction",
        args: {
          teamId,
          generationId: video.id,
          linkId: fresh.linkId,
        },
      });
      const dead = !(await linkAlive(fresh.token));
      record(
        recorder,
        { ...base, surface: "action revokeShareLink", expected: expects(caller, target, "share.manage") },
        revoked,
        dead,
      );
      if (dead) await revokedLooksMissing(recorder, caller, anonymous, fresh.token);
    }

    await crossContentCells(kit, recorder, caller, request);
  }

  // Generate's effect, counted at the emulator: every allowed cell's generation reached Kling
  // once (created under its id), and no refused cell's prompt ever arrived.
  const allowedIds = submitted.filter((each) => each.id).map((each) => each.id as string);
  await expect
    .poll(
      async () => {
        const { createdByExternalId } = await emulatorCreates();
        return allowedIds.filter((id) => createdByExternalId[id] !== 1);
      },
      { timeout: 90_000, intervals: [1000] },
    )
    .toEqual([]);
  const prompts = await emulatorPrompts();
  for (const each of submitted) {
    recorder.cells[each.cell].effect = prompts.filter((prompt) => prompt === each.prompt).length === 1;
  }
  await anonymous.dispose();
  return recorder;
}

/** A revoked link answers exactly like a token that never existed. */
async function revokedLooksMissing(
  recorder: ReturnType<typeof newRecorder>,
  caller: Caller,
  anonymous: APIRequestContext,
  token: string,
) {
  for (const suffix of ["", "/video", "/poster"]) {
    const real = await describeResponse(await anonymous.get(`/s/${token}${suffix}`, { maxRedirects: 0 }), [
      token,
    ]);
    const missing = await describeResponse(
      await anonymous.get(`/s/${NONEXISTENT}${suffix}`, { maxRedirects: 0 }),
      [token],
    );
    recorder.comparisons.push(compare(`GET /s/:revoked${suffix}`, caller, real, missing));
  }
}
