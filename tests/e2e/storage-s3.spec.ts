import type { Page } from "@playwright/test";
import { expect, test } from "./csp";
import { playPast } from "./support";

// Runs against the second web server (tests/e2e/s3-studio.ts): media in an S3 bucket, served by
// presigned redirects that the browser follows to the bucket.
const OWNER = {
  name: "Sam Bucket",
  email: "sam@bucket.test",
  password: "bucket owner pass 1",
  team: "Bucket Team",
};
const PROMPT = "A paper boat drifting down a rain-soaked street, golden hour";

/** Every media answer the page received: the studio's redirects and the bucket's bytes. */
function mediaTraffic(page: Page) {
  const seen: Array<{ url: string; status: number }> = [];
  page.on("response", (response) => {
    const url = response.url();
    if (/\/api\/media\/|\/s\/[\w-]+\/video|X-Amz-Signature=/.test(url))
      seen.push({ url, status: response.status() });
  });
  return seen;
}

test("videos and share links play in Chromium from presigned bucket URLs; a revoked link stops at once", async ({
  browser,
}) => {
  test.setTimeout(150_000);
  const owner = await (await browser.newContext()).newPage();
  await owner.goto("/setup");
  await owner.getByLabel("Your name").fill(OWNER.name);
  await owner.getByLabel("Email").fill(OWNER.email);
  await owner.getByLabel("Password").fill(OWNER.password);
  await owner.getByLabel("Team name").fill(OWNER.team);
  await owner.getByRole("button", { name: "Create studio" }).click();
  await expect(owner.getByRole("navigation", { name: "Main" })).toBeVisible();

  await owner.goto("/");
  await expect(owner.locator("form[data-ready]")).toBeVisible();
  await owner.getByLabel("Prompt", { exact: true }).fill(PROMPT);
  await owner.getByRole("button", { name: "Generate" }).click();
  const item = owner.getByTestId("queue-item").filter({ hasText: "paper boat" });
  await expect(item.getByTestId("queue-status")).toHaveText("Finished", { timeout: 90_000 });

  // The video page: the studio answers 302, the bucket answers the bytes (Range), the video plays.
  const ownerTraffic = mediaTraffic(owner);
  await owner.goto("/gallery");
  await owner.locator("a[data-card]").first().click();
  await expect(owner).toHaveURL(/\/videos\//);
  expect(await playPast(owner.locator("video").first(), 0.8)).toBeGreaterThan(4.8);
  expect(ownerTraffic.some((hit) => /\/api\/media\//.test(hit.url) && hit.status === 302)).toBe(true);
  expect(
    ownerTraffic.some((hit) => hit.url.includes("X-Amz-Signature=") && [200, 206].includes(hit.status)),
  ).toBe(true);

  // A share page, in a browser with no session.
  await owner.getByRole("button", { name: "Share" }).click();
  await owner.getByRole("button", { name: "Create link" }).click();
  const shareUrl = await owner.getByRole("textbox", { name: "Share link" }).first().inputValue();
  const outsider = await (await browser.newContext()).newPage();
  const outsiderTraffic = mediaTraffic(outsider);
  await outsider.goto(shareUrl);
  expect(await playPast(outsider.locator("video").first(), 0.8)).toBeGreaterThan(4.8);
  expect(outsiderTraffic.some((hit) => /\/s\/[\w-]+\/video$/.test(hit.url) && hit.status === 302)).toBe(true);
  expect(
    outsiderTraffic.some((hit) => hit.url.includes("X-Amz-Signature=") && [200, 206].includes(hit.status)),
  ).toBe(true);

  await owner.getByRole("button", { name: "Revoke" }).click();
  await expect(owner.getByText("Share link revoked")).toBeVisible();
  const after = await (await browser.newContext()).newPage();
  expect((await after.goto(shareUrl))?.status()).toBe(404);
  const video = await after.request.get(`${shareUrl}/video`, { maxRedirects: 0 });
  expect(video.status()).toBe(404);
  expect(video.headers().location).toBeUndefined();
});
