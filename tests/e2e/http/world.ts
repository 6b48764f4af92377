import { type APIRequestContext, type Browser, expect, request as playwrightRequest } from "@playwright/test";
import { ROLES } from "../../../lib/auth/permissions";
import { OWNER_STATE } from "../support";
import { type ActionAnswer, callAction } from "./actions";
import { generationInput } from "./inputs";
import { inviteOverHttp, joinOverHttp } from "./join";
import type { Caller, Target } from "./matrix";
import { inviteAndJoin } from "./members";
import { type Comparison, makeComparison, makeTemplate, type Template } from "./world-batches";

// The matrix's two teams, built the way users build them: team B through the switcher's action,
// members through invitations, one video per team generated through the Generate action against
// the emulator and archived by the pipeline, then a share link and a comment on each.

export interface Video {
  id: string;
  /** A word only this video's prompt has (for gallery searches). */
  word: string;
  prompt: string;
  videoAsset: string;
  posterAsset: string;
  token: string;
  comment: string;
}

export interface World {
  base: string;
  team: Record<Target, string>;
  teamName: Record<Target, string>;
  /** A's owner: the shared owner session of the e2e run, left on team A. */
  owner: APIRequestContext;
  callers: Map<Caller, APIRequestContext>;
  /** A member whose session is on the team, with share.manage: reads state without changing it. */
  reader: Record<Target, APIRequestContext>;
  video: Record<Target, Video>;
  invitation: Record<Target, string>;
  /** Issue 15: a two-column comparison with a public link, and a template, per team. */
  comparison: Record<Target, Comparison>;
  template: Record<Target, Template>;
}

export const TEAM_B_NAME = "Matrix Other Team";

export async function buildWorld(browser: Browser, base: string, teamAName: string): Promise<World> {
  const owner = await playwrightRequest.newContext({ baseURL: base, storageState: OWNER_STATE });
  const teamA = (await (await owner.get("/api/me")).json()).team.id as string;
  const created = await callAction(owner, base, {
    page: "/",
    action: "createTeamAction",
    form: { teamName: TEAM_B_NAME },
  });
  expect(created.result?.ok, created.body).toBe(true);
  const teamB = (await (await owner.get("/api/me")).json()).team.id as string;
  expect(teamB).not.toBe(teamA);
  const back = await callAction(owner, base, {
    page: "/",
    action: "switchTeamAction",
    args: [{ teamId: teamA }],
  });
  expect(back.result?.ok, back.body).toBe(true);
  const bCreator = await joinOverHttp(owner, base, { teamId: teamB, role: "creator", tag: "b-creator" });
  const invitation = {
    own: await inviteOverHttp(owner, base, { teamId: teamA, email: "a-only@matrix.test", role: "viewer" }),
    other: await inviteOverHttp(owner, base, { teamId: teamB, email: "b-only@matrix.test", role: "viewer" }),
  };

  // Team A's other four roles join through invitations made on Settings, in a browser.
  const page = await (await browser.newContext({ storageState: OWNER_STATE })).newPage();
  const callers = new Map<Caller, APIRequestContext>([
    // Explicitly empty: inside the runner a new request context inherits test.use's storageState.
    [
      "anonymous",
      await playwrightRequest.newContext({ baseURL: base, storageState: { cookies: [], origins: [] } }),
    ],
    ["owner", owner],
  ]);
  for (const role of ROLES.filter((role) => role !== "owner")) {
    const member = await inviteAndJoin(browser, page, role, "a");
    callers.set(role, await playwrightRequest.newContext({ baseURL: base, storageState: member.cookies }));
  }
  await page.context().close();
  callers.set("B-creator", bCreator.request);

  const team = { own: teamA, other: teamB };
  const reader = { own: owner, other: bCreator.request };
  const words = { own: "matrixalpha", other: "matrixbravo" } as const;
  // All four renders at once: the emulator and the pipeline take them in parallel.
  const [own, other, comparisonA, comparisonB] = await Promise.all([
    makeVideo(owner, reader.own, base, teamA, words.own),
    makeVideo(owner, reader.other, base, teamB, words.other),
    makeComparison(owner, reader.own, base, teamA, `${words.own}kite`),
    makeComparison(owner, reader.other, base, teamB, `${words.other}kite`),
  ]);
  const template = {
    own: await makeTemplate(owner, base, teamA, `Library ${words.own}`),
    other: await makeTemplate(owner, base, teamB, `Library ${words.other}`),
  };
  return {
    base,
    team,
    comparison: { own: comparisonA, other: comparisonB },
    template,
    teamName: { own: teamAName, other: TEAM_B_NAME },
    owner,
    callers,
    reader,
    video: { own, other },
    invitation,
  };
}

/** The generation(s) a Generate answer created: `{id}` for one, `{ids}` for a batch of takes. */
export function generationIds(answer: ActionAnswer): string[] {
  const data = (answer.result as { data?: { id?: string; ids?: string[] } } | undefined)?.data;
  return data?.ids ?? (data?.id ? [data.id] : []);
}

async function makeVideo(
  owner: APIRequestContext,
  reader: APIRequestContext,
  base: string,
  teamId: string,
  word: string,
): Promise<Video> {
  const prompt = `A paper lantern drifting over a night river, ${word}`;
  const submitted = await callAction(owner, base, {
    page: "/",
    action: "submitGenerationAction",
    args: [generationInput(teamId, prompt)],
  });
  expect(submitted.result?.ok, submitted.body).toBe(true);
  const [id] = generationIds(submitted);
  let summary: { status: string; videoUrl: string | null; posterUrl: string | null } | undefined;
  await expect
    .poll(
      async () => {
        const { generations } = await (await reader.get(`/api/generations?ids=${id}`)).json();
        summary = generations[0];
        return summary?.status;
      },
      { timeout: 120_000, intervals: [1000] },
    )
    .toBe("archived");
  const shared = await callAction(owner, base, {
    page: `/videos/${id}`,
    action: "createShareLinkAction",
    args: [{ teamId, generationId: id, expiry: "7d", hidePrompt: false }],
  });
  expect(shared.result?.ok, shared.body).toBe(true);
  const comment = `First look ${word}`;
  const commented = await callAction(owner, base, {
    page: `/videos/${id}`,
    action: "addCommentAction",
    args: [{ teamId, generationId: id, body: comment, timecodeSeconds: null }],
  });
  expect(commented.result?.ok, commented.body).toBe(true);
  return {
    id,
    word,
    prompt,
    videoAsset: String(summary?.videoUrl).split("/").pop() as string,
    posterAsset: String(summary?.posterUrl).split("/").pop() as string,
    token: (shared.result as { data?: { token?: string } }).data?.token as string,
    comment,
  };
}
