import type { Browser, BrowserContext, Page } from "@playwright/test";
import { expect } from "@playwright/test";
import type { Role } from "../../../lib/auth/permissions";

// Members come in through the studio's own flows (an invitation made on Settings, the invite page
// to sign up), never by writing the database, so the matrix meets the rows the studio writes.

export interface Member {
  role: Role;
  email: string;
  cookies: Awaited<ReturnType<BrowserContext["storageState"]>>;
}

export async function inviteAndJoin(
  browser: Browser,
  owner: Page,
  role: Exclude<Role, "owner">,
  tag: string,
) {
  const email = `${role}-${tag}@matrix.test`;
  await owner.goto("/settings");
  await owner.getByLabel("Email to invite").fill(email);
  await owner.getByLabel("Role", { exact: true }).selectOption(role);
  await owner.getByRole("button", { name: "Create invite link" }).click();
  const link = await owner.getByLabel("Invitation link").inputValue();

  // Explicitly empty: a spec's test.use storageState would otherwise sign the guest in as the owner.
  const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const guest = await context.newPage();
  await guest.goto(link);
  await guest.getByLabel("Your name").fill(`Matrix ${role}`);
  await guest.getByLabel("Password").fill(`matrix ${role} pass 9`);
  await guest.getByRole("button", { name: "Create account and join" }).click();
  await expect(guest.getByTestId("current-role")).toHaveText(role);
  const member: Member = { role, email, cookies: await context.storageState() };
  await context.close();
  return member;
}
