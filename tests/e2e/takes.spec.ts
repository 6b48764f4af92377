import type { Page } from "@playwright/test";
import { expect, test } from "./csp";
import { OWNER_STATE, playPast } from "./support";

test.use({ storageState: OWNER_STATE });

const PROMPT = "Three takes of a hummingbird hovering at a red zinnia flower, macro, slow motion";

async function openStudio(page: Page) {
  await page.goto("/");
  await expect(page.locator("form[data-ready]")).toBeVisible();
}

test("3 takes give three playable videos in one stack; Pick this take changes the cover, in the queue and the gallery", async ({
  page,
}) => {
  await openStudio(page);
  await page.getByLabel("Prompt", { exact: true }).fill(PROMPT);
  await page.getByLabel("Model").selectOption("kling-v2-5-turbo");
  await page.getByLabel("Duration").selectOption("5");
  const generate = page.getByRole("button", { name: /^Generate/ });
  await expect(generate).toContainText("1.5 units");
  await page.getByLabel("Takes", { exact: true }).selectOption("3");
  // Cost, label and budget line cover all three takes together.
  await expect(generate).toContainText("Generate 3 takes");
  await expect(generate).toContainText("4.5 units");
  await expect(page.getByTestId("cost-preview")).toContainText("3 takes × 1.5 units");
  await generate.click();
  await expect(page.getByText("Queued 3 takes · 4.5 units")).toBeVisible();

  const stack = page.getByTestId("take-stack").filter({ hasText: PROMPT });
  await expect(stack).toHaveCount(1);
  await expect(stack.getByTestId("takes-badge")).toHaveText("3 takes");
  const expand = stack.getByRole("button", { name: "Show all 3 takes" });
  await expand.focus();
  await page.keyboard.press("Enter"); // keyboard reachable
  await expect(stack.getByRole("button", { name: "Hide the takes" })).toHaveAttribute(
    "aria-expanded",
    "true",
  );
  const takes = stack.getByRole("list", { name: "Takes" }).getByTestId("take");
  await expect(takes).toHaveCount(3);
  const ids: string[] = [];
  for (let index = 0; index < 3; index++) {
    const take = takes.nth(index);
    await expect(take.getByTestId("queue-status")).toHaveText("Finished", { timeout: 60_000 });
    const duration = await playPast(take.locator("video"), 0.5);
    expect(duration).toBeGreaterThan(4.8);
    ids.push((await take.getByTestId("queue-item").getAttribute("data-generation-id")) as string);
  }
  expect(new Set(ids).size).toBe(3);
  await expect(stack).toHaveAttribute("data-cover-id", ids[0]);
  await expect(takes.nth(0)).toContainText("Cover");

  await takes.nth(1).getByRole("button", { name: "Pick this take" }).click();
  await expect(page.getByText("Take 2 is now the cover")).toBeVisible();
  await expect(stack).toHaveAttribute("data-cover-id", ids[1]);
  await expect(takes.nth(1)).toContainText("Cover");
  await expect(takes.nth(0).getByRole("button", { name: "Pick this take" })).toBeEnabled();

  // At phone width the stack still fits.
  await page.setViewportSize({ width: 390, height: 844 });
  await expect(stack.getByTestId("takes-badge")).toBeVisible();
  expect(
    await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth),
  ).toBeLessThanOrEqual(0);
  await page.setViewportSize({ width: 1280, height: 720 });

  // The gallery shows the batch as one card, the picked take; the others are one click away.
  await page.goto(`/gallery?q=${encodeURIComponent("zinnia")}`);
  await expect(page.locator("a[data-card]")).toHaveCount(3); // a search finds every take
  await page.goto("/gallery");
  const cards = page
    .locator("li")
    .filter({ has: page.locator("a[data-card]") })
    .filter({ hasText: PROMPT });
  await expect(cards).toHaveCount(1);
  await expect(cards.locator("a[data-card]")).toHaveAttribute("href", new RegExp(`/videos/${ids[1]}`));
  await expect(cards.getByTestId("takes-badge")).toHaveText("3 takes");
  await cards.getByRole("link", { name: "See all 3 takes" }).click();
  await expect(page.getByTestId("batch-filter")).toBeVisible();
  await expect(page.locator("a[data-card]")).toHaveCount(3);

  // The batch's own view says which take is the cover and can pick another.
  const inBatch = page.locator("li").filter({ has: page.locator("a[data-card]") });
  const card = (id: string) => inBatch.filter({ has: page.locator(`a[href^="/videos/${id}"]`) });
  await expect(card(ids[1])).toContainText("Cover");
  await card(ids[2]).getByRole("button", { name: "Pick this take (take 3)" }).click();
  await expect(page.getByText("Take 3 is now the cover")).toBeVisible();
  await expect(card(ids[2])).toContainText("Cover");
  await expect(card(ids[1]).getByRole("button", { name: "Pick this take (take 2)" })).toBeVisible();
  await page.goto("/gallery");
  await expect(cards.locator("a[data-card]")).toHaveAttribute("href", new RegExp(`/videos/${ids[2]}`));
});
