import type { Page } from "@playwright/test";
import { expect, test } from "./csp";
import { OWNER_STATE, playPast, SCREENSHOTS } from "./support";

test.use({ storageState: OWNER_STATE });

async function openStudio(page: Page) {
  await page.goto("/");
  await expect(page.locator("form[data-ready]")).toBeVisible();
}

test("write a prompt, zoom 5, read the cost, generate, watch it finish and play it inline", async ({
  page,
}) => {
  await openStudio(page);
  await page
    .getByLabel("Prompt", { exact: true })
    .fill("A lighthouse on a cliff in a storm, waves crashing, cinematic");
  await page.getByLabel("Model").selectOption("kling-v1");
  await page.getByLabel("Pan").fill("3");
  await expect(page.getByLabel("Pan")).toHaveValue("3");
  await page.getByLabel("Zoom").fill("5");
  await expect(page.getByLabel("Zoom")).toHaveValue("5");
  await expect(page.getByLabel("Pan")).toHaveValue("0"); // simple: one axis at a time
  await expect(page.getByLabel("Camera movement")).toHaveValue("simple");
  await expect(page.getByTestId("cost-preview")).toContainText("1 unit ≈ $0.14");
  await expect(page.getByRole("button", { name: "Generate" })).toContainText("1 unit");

  await page.getByRole("button", { name: "Generate" }).click();
  const item = page.getByTestId("queue-item").first();
  await expect(item).toContainText("A lighthouse on a cliff");
  await expect(item.getByTestId("queue-status")).toHaveText("Finished", { timeout: 60_000 });
  await expect(page.getByTestId("queue-polling")).toHaveText("Up to date");

  const video = item.locator("video");
  await expect(video).toBeVisible();
  const duration = await playPast(video, 0.5);
  expect(duration).toBeGreaterThan(4.8);
  expect(duration).toBeLessThan(5.4);

  // Remix loads the settings and links the new generation to its parent.
  const parentId = await item.getAttribute("data-generation-id");
  await item.getByRole("link", { name: "Remix" }).click();
  await expect(page).toHaveURL(/\?from=/);
  await expect(page.getByLabel("Prompt", { exact: true })).toHaveValue(
    "A lighthouse on a cliff in a storm, waves crashing, cinematic",
  );
  await expect(page.getByLabel("Zoom")).toHaveValue("5");
  await expect(page.getByText(/Remixing/)).toBeVisible();
  await page.getByLabel("Prompt", { exact: true }).press("Control+Enter");
  // Note: the first Generate's "Queued" toast may still be showing, so the new row is awaited itself.
  await expect
    .poll(async () => (await (await page.request.get("/api/generations")).json()).generations[0]?.parentId)
    .toBe(parentId);
});

test("controls a model cannot use are disabled with the reason; audio only where allowed; the cost follows the table", async ({
  page,
}) => {
  await openStudio(page);
  await page.getByLabel("Prompt", { exact: true }).fill("Gating check");
  await page.getByLabel("Model").selectOption("kling-v2-6");
  await expect(page.getByLabel("Zoom")).toBeDisabled();
  await expect(page.getByText("Kling 2.6 has no camera control")).toBeVisible();
  await expect(page.getByLabel("CFG scale")).toBeDisabled();
  await expect(page.getByLabel("Native audio")).toBeDisabled();
  await expect(page.getByText("Kling 2.6: Professional mode only")).toBeVisible();
  await page.getByText("Professional", { exact: true }).click();
  await expect(page.getByLabel("Native audio")).toBeEnabled();
  await page.getByLabel("Native audio").check();
  await page.getByLabel("Duration").selectOption("10");
  await expect(page.getByTestId("cost-preview")).toContainText("10 units ≈ $1.40");

  await page.getByLabel("Model").selectOption("kling-v2-5-turbo");
  await expect(page.getByLabel("Native audio")).toBeDisabled();
  await expect(page.getByText("Kling 2.5 Turbo has no native audio")).toBeVisible();
  await expect(page.getByText("Not sent with this model: native audio")).toBeVisible();
  await expect(page.getByLabel("Duration")).toHaveValue("10"); // kept across the switch
  await expect(page.getByTestId("cost-preview")).toContainText("5 units ≈ $0.70");

  await page.getByLabel("Model").selectOption("kling-v2-master");
  await expect(page.getByText("Kling 2.0 Master has no mode choice")).toBeVisible();
  await expect(page.getByTestId("cost-preview")).toContainText("20 units ≈ $2.80");

  // The draft survives a reload.
  await page.reload();
  await expect(page.locator("form[data-ready]")).toBeVisible();
  await expect(page.getByLabel("Prompt", { exact: true })).toHaveValue("Gating check");
  await expect(page.getByLabel("Model")).toHaveValue("kling-v2-master");
});

test("a request the server refuses shows the message where it belongs", async ({ page, browser }) => {
  await openStudio(page);
  await page.getByLabel("Prompt", { exact: true }).fill("Over budget");
  await page.getByLabel("Model").selectOption("kling-v1-6");
  await page.getByLabel("Duration").selectOption("5");

  // Meanwhile an owner lowers the budget in another tab: this page still shows the old numbers.
  const settings = await (await browser.newContext({ storageState: OWNER_STATE })).newPage();
  await settings.goto("/settings");
  await settings.getByLabel("Monthly Kling unit budget").fill("0.5");
  await settings.getByRole("button", { name: "Save team settings" }).click();
  await expect(settings.getByText("Team settings saved")).toBeVisible();

  await page.getByRole("button", { name: "Generate" }).click();
  await expect(page.getByTestId("generate-error")).toContainText(
    "This generation needs 2 units, but only 0 of the team's 0.5-unit monthly budget remain",
  );

  await settings.getByLabel("Monthly Kling unit budget").fill("");
  await settings.getByRole("button", { name: "Save team settings" }).click();
  await expect(settings.getByText("Team settings saved").first()).toBeVisible();
});

test("over-limit prompts are flagged and screenshots at desktop and phone width", async ({ page }) => {
  await openStudio(page);
  await page.getByLabel("Prompt", { exact: true }).fill("x".repeat(2501));
  await expect(page.getByText("2,501 / 2,500")).toBeVisible();
  // The server's message, from the server's schema, shown before anything is sent.
  await expect(page.getByText("Prompt must be at most 2500 characters; got 2501")).toBeVisible();
  await expect(page.getByRole("button", { name: "Generate" })).toBeDisabled();

  await page
    .getByLabel("Prompt", { exact: true })
    .fill("A paper boat sails down a rainy street, macro, reflections, soft light");
  await page.getByLabel("Model").selectOption("kling-v1");
  await page.getByLabel("Tilt").fill("-2");
  // Viewport shots: the sticky Generate bar sits where a person sees it.
  await page.setViewportSize({ width: 1440, height: 1250 });
  await page.screenshot({ path: `${SCREENSHOTS}/studio-desktop.png` });
  await page.setViewportSize({ width: 390, height: 844 });
  await expect(page.getByLabel("Prompt", { exact: true })).toBeVisible();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await page.screenshot({ path: `${SCREENSHOTS}/studio-phone.png` });
});
