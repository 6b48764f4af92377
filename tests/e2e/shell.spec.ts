import { expect, test } from "./csp";
import { OWNER_STATE, SCREENSHOTS } from "./support";

test.use({ storageState: OWNER_STATE });

test("the studio shell loads with its navigation", async ({ page }) => {
  await page.goto("/");
  await expect(page).toHaveTitle(/Kling Studio/);
  const nav = page.getByRole("navigation", { name: "Main" });
  for (const label of ["Studio", "Gallery", "Settings"]) {
    await expect(nav.getByRole("link", { name: label })).toBeVisible();
  }
  await nav.getByRole("link", { name: "Gallery" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Gallery" })).toBeVisible();
  await expect(nav.getByRole("link", { name: "Gallery" })).toHaveAttribute("aria-current", "page");
  await page.screenshot({ path: `${SCREENSHOTS}/shell.png`, fullPage: true });
});

test("health tells anonymous callers only up or down", async ({ playwright, baseURL }) => {
  const anonymous = await playwright.request.newContext({ baseURL, storageState: undefined });
  const response = await anonymous.get("/api/health");
  expect(response.status()).toBe(200);
  expect(await response.json()).toEqual({ status: "ok" });
  await anonymous.dispose();
});

test("health reports the database, the Kling emulator and the storage to an owner", async ({ request }) => {
  const response = await request.get("/api/health");
  expect(response.status()).toBe(200);
  expect(await response.json()).toEqual({
    status: "ok",
    db: "ok",
    kling: { status: "ok", backend: "emulator" },
    storage: { kind: "local", description: expect.stringMatching(/^local disk at \//), serving: "stream" },
  });
});

test("unknown pages get a helpful 404", async ({ page }) => {
  const response = await page.goto("/no/such/page");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "This page does not exist" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Go to the Studio" })).toHaveAttribute("href", "/");
});
