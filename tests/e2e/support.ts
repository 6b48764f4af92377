import path from "node:path";
import { expect, type Locator, type Page } from "@playwright/test";

export const OWNER = {
  name: "Olivia Owner",
  email: "olivia@studio.test",
  password: "first owner pass 1",
  team: "Launch Team",
};
export const OWNER_STATE = path.join(import.meta.dirname, "../../test-results/.auth/owner.json");
/** The launcher's emulator (playwright.config.ts gives it port E2E_PORT + 2000 and its admin API). */
export const EMULATOR_URL = `http://127.0.0.1:${Number(process.env.E2E_PORT || 3100) + 2000}`;
export const SCREENSHOTS = path.join(import.meta.dirname, "screenshots");

export async function signIn(page: Page, email: string, password: string) {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("navigation", { name: "Main" })).toBeVisible();
}

/** The video's duration, once its metadata has loaded. */
export async function videoDuration(video: Locator) {
  await video.evaluate(
    (element: HTMLVideoElement) =>
      new Promise((resolve) =>
        element.readyState >= 1 ? resolve(null) : element.addEventListener("loadedmetadata", resolve),
      ),
  );
  return video.evaluate((element: HTMLVideoElement) => element.duration);
}

/** Plays the video muted until playback has passed `seconds` (proving it really plays), then pauses. */
export async function playPast(video: Locator, seconds: number) {
  const duration = await videoDuration(video);
  await video.evaluate((element: HTMLVideoElement) => {
    element.muted = true;
    return element.play();
  });
  await expect
    .poll(() => video.evaluate((element: HTMLVideoElement) => element.currentTime), { timeout: 10_000 })
    .toBeGreaterThan(seconds);
  await video.evaluate((element: HTMLVideoElement) => element.pause());
  return duration;
}
