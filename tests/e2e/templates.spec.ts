import type { Page } from "@playwright/test";
import { expect, test } from "./csp";
import { OWNER_STATE } from "./support";

test.use({ storageState: OWNER_STATE });

async function openStudio(page: Page) {
  await page.goto("/");
  await expect(page.locator("form[data-ready]")).toBeVisible();
}

test("a template with two variables fills the prompt with the values entered", async ({ page }) => {
  await openStudio(page);
  const prompt = page.getByLabel("Prompt", { exact: true });
  await prompt.fill("{animal} runs across {place} at sunset, tracking shot");
  await page.getByRole("button", { name: "Save as template" }).click();
  const save = page.getByRole("dialog", { name: "Save as template" });
  await expect(save.getByLabel("Template prompt")).toHaveValue(
    "{animal} runs across {place} at sunset, tracking shot",
  );
  // Bad input: the field says why, on the client and (same schema) on the server.
  await save.getByRole("button", { name: "Save template" }).click();
  await expect(save.getByText("Name is required")).toBeVisible();
  await save.getByLabel("Template name").fill("Running animal");
  await save.getByLabel("Default for {animal}").fill("A red fox");
  await save.getByRole("button", { name: "Save template" }).click();
  await expect(page.getByText("Saved “Running animal” to the team's templates")).toBeVisible();
  await expect(save).toBeHidden();
  await expect(page.getByTestId("queue-item").filter({ hasText: "{animal}" })).toHaveCount(0); // nothing generated

  await prompt.fill("");
  await page.getByRole("button", { name: "Templates" }).click();
  const library = page.getByRole("dialog", { name: "Team templates" });
  await library.getByLabel("Search templates").fill("running");
  const template = library.getByTestId("template").filter({ hasText: "Running animal" });
  await expect(template).toHaveCount(1);
  await expect(template.getByTestId("template-meta")).toHaveText("by Olivia Owner · used 0 times");
  await template.getByRole("button", { name: "Use Running animal" }).click();

  const fill = page.getByRole("dialog", { name: "Use “Running animal”" });
  await expect(fill.getByLabel("animal")).toHaveValue("A red fox"); // the default
  await expect(fill.getByLabel("animal")).toBeFocused();
  await fill.getByRole("button", { name: "Fill the editor" }).click();
  await expect(fill.getByText("place is required")).toBeVisible();
  await fill.getByLabel("animal").fill("A grey wolf");
  await fill.getByLabel("place").fill("a frozen lake");
  await fill.getByLabel("place").press("Enter"); // keyboard all the way
  await expect(fill).toBeHidden();
  await expect(prompt).toHaveValue("A grey wolf runs across a frozen lake at sunset, tracking shot");

  // Its use is counted; the author may edit and archive it, after which it is no longer offered.
  await page.getByRole("button", { name: "Templates" }).click();
  await expect(template.getByTestId("template-meta")).toHaveText("by Olivia Owner · used 1 time");
  await template.getByRole("button", { name: "Edit Running animal" }).click();
  const edit = page.getByRole("dialog", { name: "Edit template" });
  await edit.getByLabel("Template name").fill("Running animal at dusk");
  await edit.getByRole("button", { name: "Save template" }).click();
  await expect(edit).toBeHidden();
  const renamed = library.getByTestId("template").filter({ hasText: "Running animal at dusk" });
  await expect(renamed).toHaveCount(1);
  await renamed.getByRole("button", { name: "Archive Running animal at dusk" }).click();
  await expect(library.getByText("No template matches “running”.")).toBeVisible();

  await page.setViewportSize({ width: 390, height: 844 });
  await library.getByLabel("Search templates").fill("");
  expect(
    await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth),
  ).toBeLessThanOrEqual(0);
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.keyboard.press("Escape");
  await expect(library).toBeHidden();

  // "Save as template" from a video: the dialog starts from that video's prompt.
  await page.getByLabel("Model").selectOption("kling-v2-5-turbo");
  await page.getByRole("button", { name: /^Generate/ }).click();
  const item = page
    .getByTestId("queue-item")
    .filter({ hasText: "A grey wolf runs across a frozen lake" })
    .first();
  await expect(item.getByTestId("queue-status")).toHaveText("Finished", { timeout: 60_000 });
  await page.goto(`/videos/${await item.getAttribute("data-generation-id")}`);
  await page.getByRole("button", { name: "Save as template" }).click();
  const fromVideo = page.getByRole("dialog", { name: "Save as template" });
  await expect(fromVideo.getByLabel("Template prompt")).toHaveValue(
    "A grey wolf runs across a frozen lake at sunset, tracking shot",
  );
  await fromVideo
    .getByLabel("Template prompt")
    .fill("A grey wolf runs across {place} at sunset, tracking shot");
  await fromVideo.getByLabel("Template name").fill("Wolf run");
  await fromVideo.getByRole("button", { name: "Save template" }).click();
  await expect(page.getByText("Saved “Wolf run” to the team's templates")).toBeVisible();
});
