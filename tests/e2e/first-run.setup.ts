import { expect, test } from "./csp";
import { OWNER, OWNER_STATE } from "./support";

// Runs once before every other e2e test, against the fresh studio the config starts.
test("first run leads to /setup, creates the owner and the team, then /setup is gone", async ({ page }) => {
  await page.goto("/gallery");
  await expect(page).toHaveURL(/\/setup$/);
  await expect(page.getByRole("heading", { name: "Create your studio" })).toBeVisible();

  await page.getByLabel("Your name").fill(OWNER.name);
  await page.getByLabel("Email").fill(OWNER.email);
  await page.getByLabel("Password").fill("short");
  await page.getByLabel("Team name").fill(OWNER.team);
  await page.getByRole("button", { name: "Create studio" }).click();
  await expect(page.getByText("Password must be at least 10 characters")).toBeVisible();

  await page.getByLabel("Password").fill(OWNER.password);
  await page.getByRole("button", { name: "Create studio" }).click();
  await expect(page.getByRole("navigation", { name: "Main" })).toBeVisible();
  await expect(page.getByLabel("Current team")).toHaveText(OWNER.team);
  await page.context().storageState({ path: OWNER_STATE });

  const setupAgain = await page.goto("/setup");
  expect(setupAgain?.status()).toBe(404);
});
