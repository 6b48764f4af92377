import type { Page } from "@playwright/test";
import { expect, test } from "./csp";
import { EMULATOR_URL, OWNER_STATE, SCREENSHOTS, videoDuration } from "./support";

test.use({ storageState: OWNER_STATE });

const SHOTS = [
  { prompt: "A fox wakes up in its den at dawn", seconds: 2 },
  { prompt: "The fox trots across a snowy meadow", seconds: 3 },
  { prompt: "The fox leaps into a snowbank, slow motion", seconds: 5 },
];

async function openStudio(page: Page, url = "/") {
  await page.goto(url);
  await expect(page.locator("form[data-ready]")).toBeVisible();
}

test("a storyboard of 2 + 3 + 5 s gives a 10 s video whose shot list seeks; Kling got the shots; remix reopens it", async ({
  page,
}) => {
  await openStudio(page);
  const storyboard = page.getByTestId("storyboard");
  const toggle = storyboard.getByLabel("Direct it shot by shot (multi-shot)");
  await page.getByLabel("Model").selectOption("kling-v2-6");
  await expect(toggle).toBeDisabled();
  await expect(
    storyboard.getByText("Kling 2.6 cannot take a storyboard (multi-shot is Kling 3.0 only)"),
  ).toBeVisible();

  await page.getByLabel("Model").selectOption("kling-v3");
  await page.getByLabel("Prompt", { exact: true }).fill(SHOTS[0].prompt);
  await toggle.check();
  const shots = storyboard.getByTestId("shot");
  await expect(shots).toHaveCount(1);
  await expect(storyboard.getByLabel("Shot 1 prompt")).toHaveValue(SHOTS[0].prompt); // the prompt becomes shot 1
  await expect(page.getByTestId("prompt-by-shots")).toBeVisible();
  await storyboard.getByRole("button", { name: "Add shot" }).click();
  await expect(storyboard.getByLabel("Shot 2 prompt")).toBeFocused(); // the new shot, ready to write
  await storyboard.getByRole("button", { name: "Add shot" }).click();
  for (const [index, shot] of SHOTS.entries()) {
    await storyboard.getByLabel(`Shot ${index + 1} prompt`).fill(shot.prompt);
    await storyboard.getByLabel(`Shot ${index + 1} seconds`).fill(String(shot.seconds));
  }
  await expect(page.getByTestId("storyboard-total")).toHaveText(
    "3 shots · total 10 s (Kling 3.0 takes 3–15 s)",
  );
  await expect(page.getByLabel("Duration")).toBeDisabled();
  await expect(page.getByText("Set by the storyboard: its shots add up to 10 s")).toBeVisible();
  await expect(page.getByTestId("shot-timeline")).toHaveAttribute(
    "aria-label",
    "Timeline: shot 1 0–2 s, shot 2 2–5 s, shot 3 5–10 s",
  );
  // The sticky header would sit over the top of the element once it is scrolled into view.
  await storyboard.screenshot({
    path: `${SCREENSHOTS}/storyboard.png`,
    style: "header { visibility: hidden; }",
  });

  // Reorder with the keyboard (Alt+↑ on a shot), then back with its button.
  await shots.nth(2).focus();
  await page.keyboard.press("Alt+ArrowUp");
  await expect(storyboard.getByLabel("Shot 2 prompt")).toHaveValue(SHOTS[2].prompt);
  await storyboard.getByRole("button", { name: "Move shot 2 down" }).click();
  await expect(storyboard.getByLabel("Shot 3 prompt")).toHaveValue(SHOTS[2].prompt);
  // And by dragging: shot 1 onto shot 3's place, then back.
  const grip = { x: 14, y: 16 }; // the handle, not the prompt's text
  await shots.nth(0).dragTo(shots.nth(2), { sourcePosition: grip, targetPosition: grip });
  await expect(storyboard.getByLabel("Shot 3 prompt")).toHaveValue(SHOTS[0].prompt);
  await expect(storyboard.getByLabel("Shot 1 prompt")).toHaveValue(SHOTS[1].prompt);
  await shots.nth(2).dragTo(shots.nth(0), { sourcePosition: grip, targetPosition: grip });
  await expect(storyboard.getByLabel("Shot 1 prompt")).toHaveValue(SHOTS[0].prompt);
  await expect(storyboard.getByLabel("Shot 3 prompt")).toHaveValue(SHOTS[2].prompt);

  // Duplicate shot 3 (the copy is focused), then remove the copy: focus stays in the shot list.
  await storyboard.getByRole("button", { name: "Duplicate shot 3" }).click();
  await expect(shots).toHaveCount(4);
  await expect(storyboard.getByLabel("Shot 4 prompt")).toHaveValue(SHOTS[2].prompt);
  await expect(shots.nth(3)).toBeFocused();
  await expect(page.getByTestId("storyboard-total")).toContainText("4 shots · total 15 s");
  await storyboard.getByRole("button", { name: "Remove shot 4" }).click();
  await expect(shots).toHaveCount(3);
  await expect(shots.nth(2)).toBeFocused();
  await expect(page.getByTestId("storyboard-total")).toContainText("3 shots · total 10 s");

  // A bad shot is flagged at the shot with the server's own rule (the form validates with the
  // server's schema; tests/integration/storyboard.test.ts shows the server refusing it by name).
  await storyboard.getByLabel("Shot 3 seconds").fill("0");
  const rule = storyboard.getByText("Shot 3 must last whole seconds, at least 1 s; got 0");
  await expect(rule).toBeVisible();
  // The field says so to a screen reader too: its description is the rule.
  await expect(storyboard.getByLabel("Shot 3 seconds")).toHaveAccessibleDescription(
    "Shot 3 must last whole seconds, at least 1 s; got 0",
  );
  await expect(page.getByRole("button", { name: /^Generate/ })).toBeDisabled();
  await storyboard.getByLabel("Shot 3 seconds").fill("5");

  await page.getByRole("button", { name: /^Generate/ }).click();
  const item = page.getByTestId("queue-item").filter({ hasText: "Shot 1: A fox wakes up" }).first();
  await expect(item.getByTestId("queue-status")).toHaveText("Finished", { timeout: 60_000 });
  const id = (await item.getAttribute("data-generation-id")) as string;

  // What Kling received: multi_shot with shot_type "customize" and the three shots.
  const { tasks } = await (await page.request.get(`${EMULATOR_URL}/__emulator/tasks`)).json();
  const task = tasks.find((candidate: { externalTaskId: string }) => candidate.externalTaskId === id);
  expect(task.request.durationSec).toBe(10);
  expect(task.request.multiShot).toEqual({
    shotType: "customize",
    shots: SHOTS.map((shot, index) => ({ index: index + 1, prompt: shot.prompt, durationSec: shot.seconds })),
  });

  // The video page lists the shots with timecodes; a click seeks there.
  await page.goto(`/videos/${id}`);
  const player = page.getByLabel("Video player");
  const duration = await videoDuration(player);
  expect(duration).toBeGreaterThan(9.8);
  expect(duration).toBeLessThan(10.4);
  await page.getByRole("button", { name: /^Shot 2, 0:02 to 0:05/ }).click();
  await expect.poll(() => player.evaluate((video: HTMLVideoElement) => video.currentTime)).toBeCloseTo(2, 1);
  await page.getByRole("button", { name: /^Shot 3, 0:05 to 0:10/ }).click();
  await expect.poll(() => player.evaluate((video: HTMLVideoElement) => video.currentTime)).toBeCloseTo(5, 1);

  // Remix reopens it as a storyboard.
  await openStudio(page, `/?from=${id}`);
  await expect(
    page.getByTestId("storyboard").getByLabel("Direct it shot by shot (multi-shot)"),
  ).toBeChecked();
  for (const [index, shot] of SHOTS.entries()) {
    await expect(page.getByLabel(`Shot ${index + 1} prompt`)).toHaveValue(shot.prompt);
    await expect(page.getByLabel(`Shot ${index + 1} seconds`)).toHaveValue(String(shot.seconds));
  }
  await page.setViewportSize({ width: 390, height: 844 });
  expect(
    await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth),
  ).toBeLessThanOrEqual(0);
});
