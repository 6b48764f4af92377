import { expect, test } from "./csp";
import { OWNER, OWNER_STATE, SCREENSHOTS, signIn } from "./support";

test("signing out and in again", async ({ page }) => {
  await signIn(page, OWNER.email, OWNER.password);
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/sign-in$/);
  await page.goto("/settings");
  await expect(page).toHaveURL(/\/sign-in$/);

  await page.getByLabel("Email").fill(OWNER.email);
  await page.getByLabel("Password").fill("not the password 1");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("main").getByRole("alert")).toHaveText("Wrong email or password.");

  await page.getByLabel("Password").fill(OWNER.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByLabel("Current team")).toHaveText(OWNER.team);
});

test("an invited reviewer joins, cannot generate, and a role change takes effect", async ({ browser }) => {
  const ownerContext = await browser.newContext({ storageState: OWNER_STATE });
  const owner = await ownerContext.newPage();
  await owner.goto("/settings");
  await owner.getByLabel("Email to invite").fill("riley@studio.test");
  await owner.getByLabel("Role", { exact: true }).selectOption("reviewer");
  await owner.getByRole("button", { name: "Create invite link" }).click();
  const link = await owner.getByLabel("Invitation link").inputValue();
  expect(link).toMatch(/\/invite\/[\w-]{32,}$/);
  await expect(owner.getByText("riley@studio.test · reviewer")).toBeVisible();
  await owner.screenshot({ path: `${SCREENSHOTS}/settings.png`, fullPage: true });

  const guestContext = await browser.newContext();
  const guest = await guestContext.newPage();
  await guest.goto(link);
  await expect(guest.getByRole("heading", { name: `Join ${OWNER.team}` })).toBeVisible();
  await guest.getByLabel("Your name").fill("Riley Reviewer");
  await guest.getByLabel("Password").fill("weakpassword");
  await guest.getByRole("button", { name: "Create account and join" }).click();
  await expect(guest.getByText("Password must mix letters with digits or symbols")).toBeVisible();
  await guest.getByLabel("Password").fill("riley reviews 22");
  await guest.getByRole("button", { name: "Create account and join" }).click();
  await expect(guest.getByTestId("current-role")).toHaveText("reviewer");
  await expect(guest.getByRole("note")).toContainText("not generate");
  const me = await guest.request.get("/api/me");
  expect((await me.json()).permissions).not.toContain("generation.create");

  // The link was single use.
  const reuse = await (await browser.newContext()).newPage();
  await reuse.goto(link);
  await expect(reuse.getByRole("main").getByRole("alert")).toHaveText(
    "This invitation has already been used. Sign in instead.",
  );

  await owner.reload();
  await owner.getByLabel("Role of Riley Reviewer").selectOption("creator");
  await expect(owner.getByText("Riley Reviewer is now creator")).toBeVisible();

  await guest.reload();
  await expect(guest.getByTestId("current-role")).toHaveText("creator");
  await expect(guest.getByRole("note")).toHaveCount(0);
  expect((await (await guest.request.get("/api/me")).json()).permissions).toContain("generation.create");
});

test("a revoked invitation is refused", async ({ browser }) => {
  const ownerContext = await browser.newContext({ storageState: OWNER_STATE });
  const owner = await ownerContext.newPage();
  await owner.goto("/settings");
  await owner.getByLabel("Email to invite").fill("revoked@studio.test");
  await owner.getByRole("button", { name: "Create invite link" }).click();
  const link = await owner.getByLabel("Invitation link").inputValue();
  await owner.getByRole("button", { name: "Revoke invitation for revoked@studio.test" }).click();
  await expect(owner.getByText("Invitation revoked")).toBeVisible();

  const guest = await (await browser.newContext()).newPage();
  await guest.goto(link);
  await expect(guest.getByRole("main").getByRole("alert")).toHaveText(
    "This invitation was revoked. Ask the team's admin for a new one.",
  );
});
