import { expect, test } from "./csp";
import { expectShareHeaders } from "./security-headers";
import { OWNER_STATE, playPast, SCREENSHOTS, videoDuration } from "./support";

const PROMPT = "A hummingbird hovering over a glowing orchid, macro, morning dew";

test("a creator generates, a reviewer approves with a timecoded comment, the creator sees it; share, play, revoke", async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const owner = await (await browser.newContext({ storageState: OWNER_STATE })).newPage();

  // The creator generates.
  await owner.goto("/");
  await expect(owner.locator("form[data-ready]")).toBeVisible();
  await owner.getByLabel("Prompt", { exact: true }).fill(PROMPT);
  await owner.getByLabel("Model").selectOption("kling-v2-5-turbo");
  await owner.getByRole("button", { name: "Generate" }).click();
  const item = owner.getByTestId("queue-item").filter({ hasText: "hummingbird" });
  await expect(item.getByTestId("queue-status")).toHaveText("Finished", { timeout: 60_000 });

  // A reviewer joins through an invitation.
  await owner.goto("/settings");
  await owner.getByLabel("Email to invite").fill("rev@studio.test");
  await owner.getByLabel("Role", { exact: true }).selectOption("reviewer");
  await owner.getByRole("button", { name: "Create invite link" }).click();
  const invite = await owner.getByLabel("Invitation link").inputValue();
  const reviewer = await (await browser.newContext()).newPage();
  await reviewer.goto(invite);
  await reviewer.getByLabel("Your name").fill("Rev Viewer");
  await reviewer.getByLabel("Password").fill("reviews all day 7");
  await reviewer.getByRole("button", { name: "Create account and join" }).click();
  await expect(reviewer.getByTestId("current-role")).toHaveText("reviewer");

  // The reviewer finds it by a word of its prompt, opens it from the keyboard, and reviews it.
  await reviewer.goto("/gallery");
  await reviewer.getByLabel("Search prompts").fill("hummingbird");
  await reviewer.getByLabel("Search prompts").press("Enter");
  await expect(reviewer).toHaveURL(/q=hummingbird/);
  const card = reviewer.locator("a[data-card]").first();
  await expect(card).toContainText("hummingbird");
  await card.focus();
  await reviewer.keyboard.press("Enter");
  await expect(reviewer).toHaveURL(/\/videos\//);
  await expect(reviewer.getByTestId("video-prompt")).toHaveText(PROMPT);
  const duration = await playPast(reviewer.locator("video").first(), 0.8);
  expect(duration).toBeGreaterThan(4.8);
  expect(duration).toBeLessThan(5.4);
  await reviewer.keyboard.press("c");
  await expect(reviewer.getByRole("textbox", { name: "Comment" })).toBeFocused();
  await reviewer.getByRole("textbox", { name: "Comment" }).fill("The wing blur here is perfect");
  await reviewer.getByRole("button", { name: "Stamp current time" }).click();
  const stamped = await reviewer.getByTestId("stamped-timecode").textContent();
  expect(stamped).toMatch(/at 0:0\d\.\d/);
  await reviewer.getByRole("button", { name: "Add comment" }).click();
  await expect(reviewer.getByTestId("comment")).toContainText("The wing blur here is perfect");
  await reviewer.locator("body").click({ position: { x: 5, y: 5 } });
  await reviewer.keyboard.press("a");
  await expect(reviewer.getByTestId("review-state")).toHaveText("Approved");
  await reviewer.getByRole("button", { name: "4 stars" }).click();
  await expect(reviewer.getByTestId("rating-average")).toHaveText("4.0 from 1");

  // The creator sees the review; the timecode seeks the player.
  await owner.goto(reviewer.url().replace(/\?.*$/, ""));
  await expect(owner.getByTestId("review-state")).toHaveText("Approved");
  const timecode = owner.getByRole("button", { name: /^Seek to / });
  await expect(timecode).toBeVisible();
  await videoDuration(owner.locator("video").first());
  await timecode.click();
  const seconds = Number((await timecode.textContent())?.split(":")[1]);
  await expect
    .poll(() => owner.locator("video").evaluate((element: HTMLVideoElement) => element.currentTime))
    .toBeCloseTo(seconds, 0);
  await expect(owner.getByTestId("activity").first()).toContainText("Rev Viewer");
  await owner.screenshot({ path: `${SCREENSHOTS}/video-page.png` });

  // Share: a fresh browser with no session plays it; revoking gives the same URL a 404.
  await owner.getByRole("button", { name: "Share" }).click();
  await owner.getByRole("button", { name: "Create link" }).click();
  const shareUrl = await owner.getByRole("textbox", { name: "Share link" }).first().inputValue();
  expect(shareUrl).toMatch(/\/s\/[\w-]{32}$/);
  const outsider = await (await browser.newContext()).newPage();
  const response = await outsider.goto(shareUrl);
  expect(response?.status()).toBe(200);
  await expect(outsider.getByText(PROMPT)).toBeVisible();
  await expect(outsider.locator('meta[property="og:video"]')).toHaveAttribute(
    "content",
    /\/s\/[\w-]+\/video$/,
  );
  await expect(outsider.locator('meta[property="og:image"]')).toHaveAttribute(
    "content",
    /\/s\/[\w-]+\/poster$/,
  );
  await expect(outsider.locator('meta[name="twitter:card"]')).toHaveAttribute("content", "player");
  await expect(outsider.getByRole("navigation")).toHaveCount(0); // nothing of the team
  const sharedDuration = await playPast(outsider.locator("video").first(), 0.8);
  expect(sharedDuration).toBeGreaterThan(4.8);
  const range = await outsider.request.get(`${shareUrl}/video`, { headers: { range: "bytes=0-99" } });
  expect(range.status()).toBe(206);
  expect((await range.body()).length).toBe(100);
  expectShareHeaders(response?.headers() ?? {}, range.headers());
  await owner.screenshot({ path: `${SCREENSHOTS}/share.png` });

  await owner.getByRole("button", { name: "Revoke" }).click();
  await expect(owner.getByText("Share link revoked")).toBeVisible();
  const after = await (await browser.newContext()).newPage();
  expect((await after.goto(shareUrl))?.status()).toBe(404);
  expect((await after.request.get(`${shareUrl}/video`)).status()).toBe(404);

  await owner.goto("/gallery");
  await expect(owner.locator("a[data-card]").first()).toBeVisible();
  await owner.screenshot({ path: `${SCREENSHOTS}/gallery.png` });
});

test("the gallery has a helpful empty state for filters that match nothing", async ({ browser }) => {
  const page = await (await browser.newContext({ storageState: OWNER_STATE })).newPage();
  await page.goto("/gallery?q=zeppelinxyz");
  await expect(page.getByText("No videos match these filters.")).toBeVisible();
  await page.getByRole("link", { name: "Clear the filters" }).click();
  await expect(page).toHaveURL(/\/gallery$/);
});
