import { expect, request as playwrightRequest } from "@playwright/test";
import { act } from "./cells";
import type { Target } from "./matrix";
import { galleryItem, shareLinksOf } from "./readers";
import type { World } from "./world";

// What the generate, review and share cells share: readers of a video's state from outside, fresh
// share links for the destructive cells, and the prompts Generate cells sent (checked at the
// emulator once all have had time to arrive).

export async function contentKit(world: World) {
  const anonymous = await playwrightRequest.newContext({
    baseURL: world.base,
    storageState: { cookies: [], origins: [] },
  });
  const state = (target: Target) =>
    galleryItem(world.reader[target], world.video[target].word, world.video[target].id);
  const linkAlive = async (token: string) => (await anonymous.get(`/s/${token}`)).status() === 200;
  const freshLink = async (target: Target) => {
    const video = world.video[target];
    const made = await act(world, world.owner, `/videos/${video.id}`, "createShareLinkAction", {
      teamId: world.team[target],
      generationId: video.id,
      expiry: "1d",
      hidePrompt: true,
    });
    expect(made.result?.ok, made.body).toBe(true);
    const token = (made.result as { data?: { token?: string } }).data?.token as string;
    const link = (await shareLinksOf(world.reader[target], video.id)).find((each) => each.token === token);
    return { token, linkId: link?.id as string };
  };
  const submitted: Array<{ prompt: string; cell: number; id?: string }> = [];
  return { world, anonymous, state, linkAlive, freshLink, submitted };
}

export type ContentKit = Awaited<ReturnType<typeof contentKit>>;
