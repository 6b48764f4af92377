import { describe, expect, it } from "vitest";
import { contentSecurityPolicy, createNonce, securityHeaders } from "@/lib/security/headers";

const base = { nonce: "abc123==", https: false, development: false };

function directives(policy: string) {
  return Object.fromEntries(
    policy.split("; ").map((directive) => {
      const [name, ...values] = directive.split(" ");
      return [name, values];
    }),
  );
}

describe("security headers", () => {
  it("studio pages: nonce'd scripts only, no plugins, no foreign base, never framed", () => {
    const policy = directives(contentSecurityPolicy({ ...base, pathname: "/gallery" }));
    expect(policy["script-src"]).toEqual(["'self'", "'nonce-abc123=='", "'strict-dynamic'"]);
    expect(policy["object-src"]).toEqual(["'none'"]);
    expect(policy["base-uri"]).toEqual(["'self'"]);
    expect(policy["frame-ancestors"]).toEqual(["'none'"]);
    expect(policy["script-src"]).not.toContain("'unsafe-inline'");
    expect(policy["script-src"]).not.toContain("'unsafe-eval'");
    const headers = securityHeaders({ ...base, pathname: "/" });
    expect(headers["x-frame-options"]).toBe("DENY");
    expect(headers["x-content-type-options"]).toBe("nosniff");
    expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
    expect(headers["permissions-policy"]).toContain("camera=()");
    expect(headers["strict-transport-security"]).toBeUndefined();
  });

  it("share pages: framable as a player card, no referrer; share media: no referrer", () => {
    const page = securityHeaders({ ...base, pathname: "/s/tok123" });
    expect(directives(page["content-security-policy"])["frame-ancestors"]).toEqual(["*"]);
    expect(page["x-frame-options"]).toBeUndefined();
    expect(page["referrer-policy"]).toBe("no-referrer");
    const video = securityHeaders({ ...base, pathname: "/s/tok123/video" });
    expect(video["referrer-policy"]).toBe("no-referrer");
    expect(video["x-frame-options"]).toBe("DENY");
  });

  it("shared comparisons and their videos: no referrer, never framed; the studio's /compare keeps its referrer", () => {
    for (const pathname of ["/c/tok123", "/c/tok123/video/gen1"]) {
      const headers = securityHeaders({ ...base, pathname });
      expect(headers["referrer-policy"], pathname).toBe("no-referrer");
      expect(headers["x-frame-options"], pathname).toBe("DENY");
      expect(directives(headers["content-security-policy"])["frame-ancestors"]).toEqual(["'none'"]);
    }
    expect(securityHeaders({ ...base, pathname: "/compare/batch1" })["referrer-policy"]).toBe(
      "strict-origin-when-cross-origin",
    );
  });

  it("presigned media: the bucket's origins in media-src and img-src, nowhere else", () => {
    const origins = ["https://media.s3.example.com", "https://s3.example.com"];
    const policy = directives(contentSecurityPolicy({ ...base, pathname: "/", mediaOrigins: origins }));
    expect(policy["media-src"]).toEqual(["'self'", "blob:", ...origins]);
    expect(policy["img-src"]).toEqual(["'self'", "data:", "blob:", ...origins]);
    expect(policy["connect-src"]).toEqual(["'self'"]);
    expect(policy["script-src"]).not.toContain(origins[0]);
    expect(directives(contentSecurityPolicy({ ...base, pathname: "/" }))["media-src"]).toEqual([
      "'self'",
      "blob:",
    ]);
  });

  it("HSTS only when PUBLIC_URL is https", () => {
    const headers = securityHeaders({ ...base, https: true, pathname: "/" });
    expect(headers["strict-transport-security"]).toMatch(/^max-age=\d{8,}/);
    expect(headers["content-security-policy"]).toContain("upgrade-insecure-requests");
  });

  it("a fresh, unguessable nonce per request", () => {
    const nonces = new Set(Array.from({ length: 50 }, createNonce));
    expect(nonces.size).toBe(50);
    for (const nonce of nonces) expect(atob(nonce)).toHaveLength(16);
  });
});
