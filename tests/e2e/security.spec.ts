import { expect, test } from "./csp";
import { expectStudioHeaders } from "./security-headers";
import { OWNER, OWNER_STATE } from "./support";

test.use({ storageState: OWNER_STATE });

test("studio pages, route handlers and media carry the security headers", async ({ page, request }) => {
  const studio = await page.goto("/");
  expect(studio?.status()).toBe(200);
  expectStudioHeaders(studio?.headers() ?? {});
  // The nonce changes per response and is the one on the page's scripts.
  const nonce = /'nonce-([^']+)'/.exec(studio?.headers()["content-security-policy"] ?? "")?.[1];
  expect(await page.locator(`script[nonce]`).count()).toBeGreaterThan(0);
  const again = await request.get("/");
  expect(again.headers()["content-security-policy"]).not.toContain(`'nonce-${nonce}'`);

  for (const path of ["/api/me", "/api/generations", "/api/gallery", "/api/media/no-such-asset"]) {
    const response = await request.get(path);
    expect(response.status(), path).toBeLessThan(500);
    expectStudioHeaders(response.headers());
  }
});

test("better-auth's endpoints are closed over HTTP", async ({ request }) => {
  for (const path of ["/api/auth/get-session", "/api/auth/list-sessions", "/api/auth/organization/list"]) {
    const response = await request.get(path);
    expect(response.status(), path).toBe(404);
  }
  const create = await request.post("/api/auth/organization/create", {
    data: { name: "V".repeat(200), slug: "v" },
  });
  expect(create.status()).toBe(404);
});

test.describe("after sign-in, next= never leaves the studio", () => {
  test.use({ storageState: { cookies: [], origins: [] } });
  for (const next of [
    "/.//evil.example",
    "/a/..//evil.example",
    "/%2e//evil.example",
    "//evil.example",
    "/\\evil.example",
  ]) {
    test(`next=${next}`, async ({ page, baseURL }) => {
      await page.goto(`/sign-in?next=${encodeURIComponent(next)}`);
      await page.getByLabel("Email").fill(OWNER.email);
      await page.getByLabel("Password").fill(OWNER.password);
      await page.getByRole("button", { name: "Sign in" }).click();
      await expect(page.getByRole("navigation", { name: "Main" })).toBeVisible();
      expect(new URL(page.url()).origin).toBe(new URL(baseURL ?? "").origin);
    });
  }
});
