import { expect, test } from "./csp";
import { OWNER, OWNER_STATE } from "./support";

test.use({ storageState: OWNER_STATE });

test("a member of a team creates another from the team switcher, by keyboard, with the server's field errors", async ({
  page,
}) => {
  await page.goto("/");
  const open = page.getByRole("button", { name: "New team…" });
  await open.focus();
  await page.keyboard.press("Enter");
  const dialog = page.getByRole("dialog", { name: "Create a new team" });
  await expect(dialog).toBeVisible();
  // Focus moved into the modal: typing lands in the name field.
  await expect(dialog.getByLabel("New team name")).toBeFocused();

  await page.keyboard.type("X");
  await page.keyboard.press("Enter");
  await expect(dialog.getByText("Team name must be at least 2 characters")).toBeVisible();
  await expect(dialog.getByLabel("New team name")).toHaveAttribute("aria-invalid", "true");

  await dialog.getByLabel("New team name").fill("Agency Second Team");
  await page.keyboard.press("Enter");
  await expect(dialog).toBeHidden();
  await expect(page.getByLabel("Current team")).toHaveValue(/.+/);
  await expect(page.getByLabel("Current team").locator("option:checked")).toHaveText("Agency Second Team");
  await expect(page.getByTestId("current-role")).toHaveText("owner");

  // Escape closes the dialog without creating anything.
  await open.focus();
  await page.keyboard.press("Enter");
  await expect(dialog).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();

  // Back to the first team: the owner's session is shared with the other specs.
  await page.getByLabel("Current team").selectOption({ label: OWNER.team });
  await expect(page.getByLabel("Current team").locator("option:checked")).toHaveText(OWNER.team);
  await expect(page.getByRole("option", { name: "Agency Second Team" })).toHaveCount(1);
});
