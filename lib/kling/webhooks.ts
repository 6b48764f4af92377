import "server-only";
import { createHmac, timingSafeEqual } from "node:crypto";

const TOLERANCE_S = 5 * 60;

/**
 * Verifies a Standard Webhooks signature as Kling sends it (docs/KLING_API.md §8.4): HMAC-SHA256
 * over "id.timestamp.body" with the base64 secret after "whsec_", any of several space-separated
 * "v1,<base64>" values, timestamp within ±5 minutes.
 */
export function verifyKlingWebhook(
  secret: string,
  headers: { id: string | null; timestamp: string | null; signature: string | null },
  rawBody: string,
  nowSeconds = Math.floor(Date.now() / 1000),
): { ok: true } | { ok: false; reason: string } {
  if (!headers.id || !headers.timestamp || !headers.signature)
    return { ok: false, reason: "missing webhook-id, webhook-timestamp or webhook-signature" };
  const timestamp = Number(headers.timestamp);
  if (!Number.isInteger(timestamp) || Math.abs(nowSeconds - timestamp) > TOLERANCE_S) {
    return { ok: false, reason: "webhook-timestamp is outside the 5-minute tolerance" };
  }
  const key = Buffer.from(secret.replace(/^whsec_/, ""), "base64");
  const expected = createHmac("sha256", key).update(`${headers.id}.${headers.timestamp}.${rawBody}`).digest();
  const matches = headers.signature
    .split(" ")
    .filter((part) => part.startsWith("v1,"))
    .some((part) => {
      const candidate = Buffer.from(part.slice(3), "base64");
      return candidate.length === expected.length && timingSafeEqual(candidate, expected);
    });
  return matches ? { ok: true } : { ok: false, reason: "no matching signature" };
}
