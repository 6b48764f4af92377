import { describe, expect, it } from "vitest";
import { verifyKlingWebhook } from "@/lib/kling/webhooks";

// Kling's official vector (docs/KLING_API.md §8.4). The doc lost the id and timestamp; public copies
// of the same page give webhook-id 9876543210 and webhook-timestamp 1781080794, which reproduce it.
const secret = "whsec_dGVzdHNlY3JldHRlc3RzZWNyZXR0ZXN0c2VjcmV0MTI=";
const body =
  '{"id":"1234567890","status":"succeeded","message":"","create_time":1781080778802,"update_time":1781080794151}';
const headers = {
  id: "9876543210",
  timestamp: "1781080794",
  signature: "v1,UsKlJP00XoQyOn410NM9xv34sP+Gl0jnOO9Lcpr7NJ4=",
};
const now = 1781080794;

describe("Kling webhook signatures", () => {
  it("accepts the official test vector", () => {
    expect(verifyKlingWebhook(secret, headers, body, now)).toEqual({ ok: true });
  });

  it("accepts one matching signature among several (secret rotation)", () => {
    const rotated = {
      ...headers,
      signature: `v1,AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA= ${headers.signature}`,
    };
    expect(verifyKlingWebhook(secret, rotated, body, now)).toEqual({ ok: true });
  });

  it("refuses a changed body, a wrong secret, a stale timestamp and missing headers", () => {
    expect(verifyKlingWebhook(secret, headers, body.replace("succeeded", "failed"), now).ok).toBe(false);
    expect(verifyKlingWebhook("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", headers, body, now).ok).toBe(false);
    expect(verifyKlingWebhook(secret, headers, body, now + 301)).toEqual({
      ok: false,
      reason: "webhook-timestamp is outside the 5-minute tolerance",
    });
    expect(verifyKlingWebhook(secret, { ...headers, signature: null }, body, now).ok).toBe(false);
  });
});
