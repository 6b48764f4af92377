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

test("bad braces are refused at their field; negative-prompt variables are asked once and filled; storyboard shots", async ({
  page,
}) => {
  const name = `Leaping deer ${Date.now()}`;
  await openStudio(page);
  await page.getByLabel("Model").selectOption("kling-v3");
  const prompt = page.getByLabel("Prompt", { exact: true });
  const negative = page.getByLabel("Negative prompt", { exact: true });
  await prompt.fill("{1x} leaps over a creek");
  await negative.fill("");
  await page.getByRole("button", { name: "Save as template" }).click();
  const save = page.getByRole("dialog", { name: "Save as template" });
  await save.getByLabel("Template name").fill(name);
  const rule = "names start with a letter and use letters, digits and _ (at most 40)";

  // Not a variable: refused at the prompt, linked to it, naming the token and the rule.
  await save.getByRole("button", { name: "Save template" }).click();
  const templatePrompt = save.getByLabel("Template prompt");
  await expect(templatePrompt).toHaveAttribute("aria-invalid", "true");
  await expect(templatePrompt).toHaveAccessibleDescription(`Prompt: "{1x}" is not a variable: ${rule}`);
  await templatePrompt.fill("{animal} leaps over a creek, {light} light");

  // An unclosed "{" in the negative prompt: refused at the negative prompt.
  const templateNegative = save.getByLabel("Template negative prompt");
  await templateNegative.fill("{animal} blurred, {flaw");
  await save.getByRole("button", { name: "Save template" }).click();
  await expect(templateNegative).toHaveAttribute("aria-invalid", "true");
  await expect(templateNegative).toHaveAccessibleDescription(
    'Negative prompt: "{" at character 19 is never closed ("{flaw"): write each variable as {name}',
  );
  await templateNegative.fill("{animal} blurred, {flaw}");

  // One default per variable of either text ({animal} once), each linked to its own error.
  await expect(save.getByLabel(/^Default for /)).toHaveCount(3);
  const flawDefault = save.getByLabel("Default for {flaw}");
  await flawDefault.fill("x".repeat(501));
  await save.getByRole("button", { name: "Save template" }).click();
  await expect(flawDefault).toHaveAttribute("aria-invalid", "true");
  await expect(flawDefault).toHaveAccessibleDescription("A default must be at most 500 characters");
  await flawDefault.fill("extra limbs");
  await save.getByRole("button", { name: "Save template" }).click();
  await expect(page.getByText(`Saved “${name}” to the team's templates`)).toBeVisible();
  await expect(save).toBeHidden();

  // Using it asks for animal, light and flaw (once each, flaw's default kept) and fills both texts.
  await page.getByRole("button", { name: "Templates" }).click();
  const library = page.getByRole("dialog", { name: "Team templates" });
  await library.getByLabel("Search templates").fill(name);
  await library.getByRole("button", { name: `Use ${name}` }).click();
  const fill = page.getByRole("dialog", { name: `Use “${name}”` });
  await expect(fill.getByRole("textbox")).toHaveCount(3);
  await expect(fill.getByLabel("flaw", { exact: true })).toHaveValue("extra limbs");
  await fill.getByLabel("animal", { exact: true }).fill("A deer");
  await fill.getByLabel("light", { exact: true }).fill("morning");
  await fill.getByLabel("flaw", { exact: true }).fill("");
  await fill.getByRole("button", { name: "Fill the editor" }).click();
  await expect(fill.getByText("flaw is required")).toBeVisible();
  await fill.getByLabel("flaw", { exact: true }).fill("extra legs");
  await fill.getByRole("button", { name: "Fill the editor" }).click();
  await expect(fill).toBeHidden();
  await expect(prompt).toHaveValue("A deer leaps over a creek, morning light");
  await expect(negative).toHaveValue("A deer blurred, extra legs");

  // Writing each shot: the main prompt is hidden, so Save as template says why it is off, and
  // Use template fills the prompt and switches the storyboard off (its shots are kept).
  const storyboard = page.getByTestId("storyboard");
  const toggle = storyboard.getByLabel("Direct it shot by shot (multi-shot)");
  await toggle.check();
  await storyboard.getByLabel("Shot 1 prompt").fill("A deer drinks from the creek");
  await expect(page.getByTestId("prompt-by-shots")).toBeVisible();
  const saveButton = page.getByRole("button", { name: "Save as template" });
  await expect(saveButton).toBeDisabled();
  await expect(saveButton).toHaveAccessibleDescription(
    "Templates hold one prompt; switch the storyboard off to save one",
  );
  await expect(
    page.getByText("Templates hold one prompt; switch the storyboard off to save one"),
  ).toBeVisible();
  await page.getByRole("button", { name: "Templates" }).click();
  await library.getByLabel("Search templates").fill(name);
  await library.getByRole("button", { name: `Use ${name}` }).click();
  await fill.getByLabel("animal", { exact: true }).fill("A heron");
  await fill.getByLabel("light", { exact: true }).fill("evening");
  await fill.getByRole("button", { name: "Fill the editor" }).click();
  await expect(fill).toBeHidden();
  await expect(toggle).not.toBeChecked();
  await expect(prompt).toHaveValue("A heron leaps over a creek, evening light");
  await expect(negative).toHaveValue("A heron blurred, extra limbs");
  await expect(saveButton).toBeEnabled();
  await toggle.check();
  await expect(storyboard.getByLabel("Shot 1 prompt")).toHaveValue("A deer drinks from the creek");

  await toggle.uncheck();
  await page.getByRole("button", { name: "Templates" }).click();
  await library.getByLabel("Search templates").fill(name);
  await library.getByRole("button", { name: `Archive ${name}` }).click();
  await expect(library.getByText(`No template matches “${name}”.`)).toBeVisible();
});
