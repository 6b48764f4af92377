import path from "node:path";
import { expect, type Page } from "@playwright/test";

export const OWNER = {
  name: "Olivia Owner",
  email: "olivia@studio.test",
  password: "first owner pass 1",
  team: "Launch Team",
};
export const OWNER_STATE = path.join(import.meta.dirname, "../../test-results/.auth/owner.json");
export const SCREENSHOTS = path.join(import.meta.dirname, "screenshots");

export async function signIn(page: Page, email: string, password: string) {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("navigation", { name: "Main" })).toBeVisible();
}
