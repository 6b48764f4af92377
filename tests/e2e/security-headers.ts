import { expect } from "@playwright/test";

type Headers = Record<string, string>;

/** A studio page or route handler: strict CSP with a nonce, never framed, nosniff, referrer trimmed. */
export function expectStudioHeaders(headers: Headers) {
  const policy = headers["content-security-policy"] ?? "";
  expect(policy).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]{20,}' 'strict-dynamic'/);
  expect(policy).toContain("object-src 'none'");
  expect(policy).toContain("base-uri 'self'");
  expect(policy).toContain("frame-ancestors 'none'");
  expect(headers["x-frame-options"]).toBe("DENY");
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  expect(headers["permissions-policy"]).toContain("camera=()");
  // PUBLIC_URL is not https in the e2e run.
  expect(headers["strict-transport-security"]).toBeUndefined();
}

/** A share page (framable player card, no referrer) and its media (private, never stored). */
export function expectShareHeaders(page: Headers, media: Headers) {
  expect(page["content-security-policy"]).toContain("frame-ancestors *");
  expect(page["content-security-policy"]).toContain("object-src 'none'");
  expect(page["x-frame-options"]).toBeUndefined();
  expect(page["referrer-policy"]).toBe("no-referrer");
  expect(page["x-content-type-options"]).toBe("nosniff");
  expect(media["cache-control"]).toBe("private, no-store");
  expect(media["referrer-policy"]).toBe("no-referrer");
  expect(media["x-content-type-options"]).toBe("nosniff");
}

/**
 * A shared comparison and its videos: no referrer (the URL carries the token) and private,
 * never-stored media like a share link, but no player card, so never framed.
 */
export function expectCompareShareHeaders(page: Headers, media: Headers) {
  expect(page["content-security-policy"]).toContain("frame-ancestors 'none'");
  expect(page["x-frame-options"]).toBe("DENY");
  expect(page["referrer-policy"]).toBe("no-referrer");
  expect(page["x-content-type-options"]).toBe("nosniff");
  expect(media["cache-control"]).toBe("private, no-store");
  expect(media["referrer-policy"]).toBe("no-referrer");
  expect(media["x-content-type-options"]).toBe("nosniff");
}
