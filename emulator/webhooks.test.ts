import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { signWebhook, verifyWebhook } from "./webhooks";

// KLING_API.md §8.4 lost the vector's id and timestamp; public copies of the same Kling page give
// webhook-id 9876543210 and webhook-timestamp 1781080794, which reproduce the expected signature.
const KLING_VECTOR = {
  secret: "whsec_dGVzdHNlY3JldHRlc3RzZWNyZXR0ZXN0c2VjcmV0MTI=",
  id: "9876543210",
  timestamp: "1781080794",
  body: '{"id":"1234567890","status":"succeeded","message":"","create_time":1781080778802,"update_time":1781080794151}',
  signature: "v1,UsKlJP00XoQyOn410NM9xv34sP+Gl0jnOO9Lcpr7NJ4=",
};

// The Standard Webhooks reference libraries' own test vector.
const STANDARD_VECTOR = {
  secret: "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
  id: "msg_p5jXN8AQM9LWM0D4loKWxJek",
  timestamp: "1614265330",
  body: '{"test": 2432232314}',
  signature: "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=",
};

describe("Standard Webhooks signer", () => {
  it("reproduces Kling's official test vector", () => {
    const { secret, id, timestamp, body, signature } = KLING_VECTOR;
    expect(signWebhook(secret, id, timestamp, body)).toBe(signature);
    const headers = { id, timestamp, signature };
    expect(verifyWebhook(secret, headers, body, { nowSec: Number(timestamp) })).toBe(true);
  });

  it("reproduces the Standard Webhooks reference vector", () => {
    const { secret, id, timestamp, body, signature } = STANDARD_VECTOR;
    expect(signWebhook(secret, id, timestamp, body)).toBe(signature);
    expect(verifyWebhook(secret, { id, timestamp, signature }, body, { nowSec: Number(timestamp) })).toBe(
      true,
    );
  });

  it("agrees with a from-scratch HMAC of id.timestamp.body", () => {
    const key = Buffer.from(KLING_VECTOR.secret.slice(6), "base64");
    const expected = createHmac("sha256", key)
      .update(`9876543210.1781080794.${KLING_VECTOR.body}`)
      .digest("base64");
    expect(KLING_VECTOR.signature).toBe(`v1,${expected}`);
  });

  it("rejects a changed body, a stale or future timestamp, and accepts any of several signatures", () => {
    const { secret, id, timestamp, body, signature } = KLING_VECTOR;
    const now = Number(timestamp);
    const headers = { id, timestamp, signature };
    expect(verifyWebhook(secret, headers, body.replace("1234567890", "1234567891"), { nowSec: now })).toBe(
      false,
    );
    expect(verifyWebhook(secret, headers, body, { nowSec: now + 301 })).toBe(false);
    expect(verifyWebhook(secret, headers, body, { nowSec: now - 301 })).toBe(false);
    expect(verifyWebhook(secret, headers, body, { nowSec: now + 299 })).toBe(true);
    const rotated = { ...headers, signature: `v1,AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA= ${signature}` };
    expect(verifyWebhook(secret, rotated, body, { nowSec: now })).toBe(true);
  });

  it("refuses a secret without the whsec_ prefix, naming the rule", () => {
    expect(() => signWebhook("dGVzdA==", "1", 1, "{}")).toThrow(/must start with "whsec_"/);
  });
});
