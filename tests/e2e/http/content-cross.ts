import type { APIRequestContext } from "@playwright/test";
import { act, crossTeam, type Recorder } from "./cells";
import type { ContentKit } from "./content-kit";
import { generationInput } from "./inputs";
import { type Caller, homeTarget, otherThan, type Target } from "./matrix";
import { commentBodies, shareLinksOf } from "./readers";

// Generate, review and share with the other team's ids, sent from the caller's own team: refused
// like a missing id, and nothing of the other team changes.

export async function crossContentCells(
  kit: ContentKit,
  recorder: Recorder,
  caller: Caller,
  request: APIRequestContext,
) {
  const { world, state, linkAlive, freshLink, submitted } = kit;
  const foreignTarget = otherThan(homeTarget(caller));
  const foreignVideo = world.video[foreignTarget];
  const fromHome = (home: Target) => ({
    teamId: world.team[home],
    page: `/videos/${world.video[home].id}`,
  });
  const crossPrompt = `Matrix remix across teams by ${caller}`;
  await crossTeam(recorder, caller, "submitGeneration(parentId)", foreignVideo.id, (id, home) =>
    act(
      world,
      request,
      "/",
      "submitGenerationAction",
      generationInput(world.team[home], crossPrompt, { parentId: id }),
    ),
  );
  submitted.push({ prompt: crossPrompt, cell: recorder.cells.length - 1 });
  const foreignBefore = await state(foreignTarget);
  const foreignState = foreignBefore.reviewState === "approved" ? "changes_requested" : "approved";
  await crossTeam(
    recorder,
    caller,
    "setReviewState",
    foreignVideo.id,
    (id, home) =>
      act(world, request, fromHome(home).page, "setReviewStateAction", {
        teamId: world.team[home],
        generationId: id,
        state: foreignState,
      }),
    async () => (await state(foreignTarget)).reviewState !== foreignBefore.reviewState,
  );
  await crossTeam(
    recorder,
    caller,
    "rateVideo",
    foreignVideo.id,
    (id, home) =>
      act(world, request, fromHome(home).page, "rateVideoAction", {
        teamId: world.team[home],
        generationId: id,
        stars: 1,
      }),
    async () => {
      const now = await state(foreignTarget);
      return (
        now.ratingCount !== foreignBefore.ratingCount || now.ratingAverage !== foreignBefore.ratingAverage
      );
    },
  );
  const crossBody = `Matrix cross-team comment by ${caller}`;
  await crossTeam(
    recorder,
    caller,
    "addComment",
    foreignVideo.id,
    (id, home) =>
      act(world, request, fromHome(home).page, "addCommentAction", {
        teamId: world.team[home],
        generationId: id,
        body: crossBody,
        timecodeSeconds: null,
      }),
    async () => (await commentBodies(world.reader[foreignTarget], foreignVideo.id)).includes(crossBody),
  );
  const foreignLinks = (await shareLinksOf(world.reader[foreignTarget], foreignVideo.id)).length;
  await crossTeam(
    recorder,
    caller,
    "createShareLink",
    foreignVideo.id,
    (id, home) =>
      act(world, request, fromHome(home).page, "createShareLinkAction", {
        teamId: world.team[home],
        generationId: id,
        expiry: "1d",
        hidePrompt: false,
      }),
    async () => (await shareLinksOf(world.reader[foreignTarget], foreignVideo.id)).length !== foreignLinks,
  );
  const foreignLink = await freshLink(foreignTarget);
  await crossTeam(
    recorder,
    caller,
    "revokeShareLink",
    foreignLink.linkId,
    (id, home) =>
      act(world, request, fromHome(home).page, "revokeShareLinkAction", {
        teamId: world.team[home],
        generationId: world.video[home].id,
        linkId: id,
      }),
    async () => !(await linkAlive(foreignLink.token)),
  );
}
