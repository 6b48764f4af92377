import type { Locator, Page } from "@playwright/test";
import { expect, test } from "./csp";
import { expectCompareShareHeaders } from "./security-headers";
import { OWNER_STATE, SCREENSHOTS } from "./support";

test.use({ storageState: OWNER_STATE });

const times = (page: Page) =>
  page
    .getByTestId("compare-cell")
    .locator("video")
    .evaluateAll((videos) => (videos as HTMLVideoElement[]).map((video) => video.currentTime));
const spread = (values: number[]) => Math.max(...values) - Math.min(...values);

async function expectInSync(page: Page, near?: number) {
  await expect
    .poll(async () => {
      const current = await times(page);
      return (
        current.length === 2 &&
        spread(current) <= 0.1 &&
        (near === undefined || Math.abs(current[0] - near) <= 0.1)
      );
    })
    .toBe(true);
}

/** Drags the seek bar to `seconds` (Playwright cannot fill a range input; this is what a drag fires). */
async function seekTo(player: Locator, seconds: number) {
  await player.getByLabel("Seek all").evaluate((element: HTMLInputElement, value) => {
    const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, "value")?.set;
    setValue?.call(element, String(value));
    element.dispatchEvent(new Event("input", { bubbles: true }));
  }, seconds);
}

async function playTogether(page: Page, player: Locator) {
  await player.getByRole("button", { name: "Play all" }).click();
  await expect.poll(async () => Math.min(...(await times(page)))).toBeGreaterThan(3);
  const during = await times(page);
  expect(spread(during)).toBeLessThanOrEqual(0.1);
  await player.getByRole("button", { name: "Pause all" }).click();
}

test("a comparison of two models plays both in sync, and its share link plays for an anonymous visitor", async ({
  page,
  browser,
}) => {
  await page.goto("/");
  await expect(page.locator("form[data-ready]")).toBeVisible();
  await page
    .getByLabel("Prompt", { exact: true })
    .fill("A paper plane glides over a city at dusk, wide shot");
  await page.getByLabel("Model").selectOption("kling-v2-6");
  await page.getByText("Professional", { exact: true }).click();
  await page.getByLabel("Duration").selectOption("5");
  await page.getByLabel("Native audio").check();

  await page.getByRole("button", { name: "Compare models" }).click();
  const dialog = page.getByRole("dialog", { name: "Compare models" });
  await dialog.getByLabel("Kling 2.6 · Professional").check();
  await dialog.getByLabel("Kling 2.5 Turbo · Professional").check();
  const columns = dialog.getByTestId("compare-column");
  await expect(columns).toHaveCount(2);
  await expect(columns.nth(0)).toContainText("All settings sent as set");
  await expect(columns.nth(1)).toContainText("native audio not sent"); // what this column drops, before Generate
  await expect(dialog.getByTestId("compare-total")).toContainText("2 columns · total");
  await dialog.getByRole("button", { name: "Generate comparison" }).click();
  await expect(page).toHaveURL(/\/compare\//);

  const player = page.getByTestId("synced-player");
  await expect(player).toBeVisible({ timeout: 90_000 });
  await expect(page.getByTestId("compare-cell")).toHaveCount(2);
  await expect(page.getByTestId("compare-cell").nth(0)).toContainText("Kling 2.6 · Professional");
  await expect(page.getByTestId("compare-cell").nth(1)).toContainText("Kling 2.5 Turbo · Professional");
  await expect
    .poll(() =>
      page
        .getByTestId("compare-cell")
        .locator("video")
        .evaluateAll((videos) => (videos as HTMLVideoElement[]).every((video) => video.readyState >= 1)),
    )
    .toBe(true);

  // One seek bar: after a seek to 2.0 s both are within 0.1 s of it and of each other.
  await seekTo(player, 2);
  await expectInSync(page, 2);
  // One play button: both advance together.
  await playTogether(page, player);
  // Frame step with the keyboard keeps them together.
  await player.getByLabel("Seek all").focus();
  await page.keyboard.press(".");
  await expectInSync(page);
  // Sound from one cell or none; loop is on; two cells sit side by side on a desktop.
  const cellVideos = page.getByTestId("compare-cell").locator("video");
  const muted = () =>
    cellVideos.evaluateAll((videos) => (videos as HTMLVideoElement[]).map((video) => video.muted));
  await player.getByLabel("Sound from Kling 2.6 · Professional").check();
  expect(await muted()).toEqual([false, true]);
  await player.getByLabel("All muted").check();
  expect(await muted()).toEqual([true, true]);
  await expect(player.getByLabel("Loop")).toBeChecked();
  const [left, right] = await Promise.all([0, 1].map((index) => cellVideos.nth(index).boundingBox()));
  expect(left && right && Math.abs(left.y - right.y) < 1 && right.x > left.x + left.width / 2).toBe(true);
  // Approve one cell.
  await page.getByRole("button", { name: "Approve Kling 2.6 · Professional" }).click();
  await expect(page.getByTestId("compare-cell").nth(0)).toContainText("Approved");

  // At phone width the cells stack and the page still fits.
  await page.setViewportSize({ width: 390, height: 844 });
  await expect(player.getByRole("button", { name: "Play all" })).toBeVisible();
  expect(
    await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth),
  ).toBeLessThanOrEqual(0);
  await page.setViewportSize({ width: 1280, height: 720 });

  // The share link plays for someone without an account.
  await page.getByRole("button", { name: "Create share link" }).click();
  await expect(page.getByTestId("compare-share-link").first()).toContainText("expires 20");
  const href = (await page
    .getByTestId("compare-share-link")
    .first()
    .getByRole("link")
    .getAttribute("href")) as string;
  const anonymous = await (await browser.newContext()).newPage();
  const shared = await anonymous.goto(href);
  await expect(anonymous.getByTestId("compare-cell")).toHaveCount(2);
  const videoUrl = (await anonymous
    .getByTestId("compare-cell")
    .first()
    .locator("video")
    .getAttribute("src")) as string;
  const media = await anonymous.request.get(videoUrl, { headers: { range: "bytes=0-99" } });
  expect(media.status()).toBe(206);
  expectCompareShareHeaders(shared?.headers() ?? {}, media.headers());
  await expect(anonymous.getByRole("navigation", { name: "Main" })).toHaveCount(0);
  await playTogether(anonymous, anonymous.getByTestId("synced-player"));

  // The owner sees the visit counted on the link.
  await page.reload();
  await expect(page.getByTestId("compare-share-link").first()).toContainText("· 1 view");

  // Revoked and unknown links get the same 404.
  await page.getByTestId("compare-share-link").first().getByRole("button", { name: "Revoke" }).click();
  await expect(page.getByTestId("compare-share-link")).toHaveCount(0);
  const revoked = await anonymous.goto(href);
  const unknown = await anonymous.goto("/c/nonexistent-token-0123456789abcdef");
  expect(revoked?.status()).toBe(404);
  expect(unknown?.status()).toBe(404);
  expect(await anonymous.request.get(`${href}/video/x`).then((response) => response.status())).toBe(404);
  // Revoking stops the video at once, with the same 404 as a link that never existed.
  expect((await anonymous.request.get(videoUrl)).status()).toBe(404);
});

test("three models sit in one row and four in a 2 × 2 grid on a desktop; one column at phone width", async ({
  page,
}) => {
  test.setTimeout(180_000);
  const labels = [
    "Kling 2.6 · Standard",
    "Kling 2.5 Turbo · Standard",
    "Kling 1.6 · Standard",
    "Kling 3.0 · Standard",
  ];
  /** Distinct rounded left edges and top edges of the cells' videos: the grid's columns and rows. */
  const grid = async () => {
    const boxes = await page
      .getByTestId("compare-cell")
      .locator("video")
      .evaluateAll((videos) => videos.map((video) => video.getBoundingClientRect().toJSON() as DOMRect));
    return {
      columns: new Set(boxes.map((box) => Math.round(box.x))).size,
      rows: new Set(boxes.map((box) => Math.round(box.y))).size,
    };
  };
  for (const count of [3, 4]) {
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto("/");
    await expect(page.locator("form[data-ready]")).toBeVisible();
    await page.getByLabel("Prompt", { exact: true }).fill(`A kite over dunes, compared ${count} ways`);
    await page.getByLabel("Model").selectOption("kling-v2-5-turbo");
    await page.getByLabel("Duration").selectOption("5");
    await page.getByRole("button", { name: "Compare models" }).click();
    const dialog = page.getByRole("dialog", { name: "Compare models" });
    for (const label of labels.slice(0, count)) await dialog.getByLabel(label).check();
    await expect(dialog.getByTestId("compare-column")).toHaveCount(count);
    await dialog.getByRole("button", { name: "Generate comparison" }).click();
    await expect(page).toHaveURL(/\/compare\//);
    await expect(page.getByTestId("synced-player")).toBeVisible({ timeout: 120_000 });
    await expect(page.getByTestId("compare-cell")).toHaveCount(count);
    expect(await grid()).toEqual(count === 3 ? { columns: 3, rows: 1 } : { columns: 2, rows: 2 });
    if (count === 4) await page.screenshot({ path: `${SCREENSHOTS}/compare.png` });
    await page.setViewportSize({ width: 390, height: 844 });
    await expect.poll(grid).toEqual({ columns: 1, rows: count });
  }
});

test("columns of different lengths: the longest is the clock, a shorter one rests at its end", async ({
  page,
}) => {
  test.setTimeout(120_000);
  await page.goto("/");
  await expect(page.locator("form[data-ready]")).toBeVisible();
  await page.getByLabel("Prompt", { exact: true }).fill("A heron lifts off a misty pond, long take");
  await page.getByLabel("Model").selectOption("kling-v3");
  await page.getByLabel("Duration").selectOption("12");
  await page.getByRole("button", { name: "Compare models" }).click();
  const dialog = page.getByRole("dialog", { name: "Compare models" });
  // The 10 s column first: the clock must still be the 12 s one.
  await dialog.getByLabel("Kling 2.6 · Standard").check();
  await dialog.getByLabel("Kling 3.0 · Standard").check();
  await expect(dialog.getByTestId("compare-column").nth(0)).toContainText("10 s");
  await dialog.getByRole("button", { name: "Generate comparison" }).click();
  await expect(page).toHaveURL(/\/compare\//);
  const player = page.getByTestId("synced-player");
  await expect(player).toBeVisible({ timeout: 90_000 });
  const state = () =>
    page
      .getByTestId("compare-cell")
      .locator("video")
      .evaluateAll((videos) =>
        (videos as HTMLVideoElement[]).map((video) => ({
          duration: Math.round(video.duration),
          time: video.currentTime,
        })),
      );
  await expect.poll(async () => (await state()).map((cell) => cell.duration)).toEqual([10, 12]);
  await player.getByLabel("Loop").uncheck();
  await seekTo(player, 11);
  await player.getByRole("button", { name: "Play all" }).click();
  // The 12 s cell plays on past the 10 s one's end (which rests there) and stops at its own end.
  await expect.poll(async () => (await state())[1].time, { timeout: 10_000 }).toBeGreaterThan(11.9);
  const [shorter, longer] = await state();
  expect(shorter.time).toBeCloseTo(10, 0);
  expect(longer.time).toBeGreaterThan(11.9);
  await expect(player.getByRole("button", { name: "Play all" })).toBeVisible();
});
