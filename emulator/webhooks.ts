import { createHmac, timingSafeEqual } from "node:crypto";

// Standard Webhooks signing (KLING_API.md §8.4): HMAC-SHA256 over "{id}.{timestamp}.{body}" with the
// base64-decoded part of a "whsec_" secret, sent as "v1,<base64>".

export interface WebhookHeaders {
  "webhook-id": string;
  "webhook-timestamp": string;
  "webhook-signature": string;
}

export function signWebhook(secret: string, id: string, timestampSec: number | string, body: string): string {
  const signature = createHmac("sha256", secretBytes(secret))
    .update(`${id}.${timestampSec}.${body}`)
    .digest("base64");
  return `v1,${signature}`;
}

export function webhookHeaders(
  secret: string,
  id: string,
  timestampSec: number,
  body: string,
): WebhookHeaders {
  return {
    "webhook-id": id,
    "webhook-timestamp": String(timestampSec),
    "webhook-signature": signWebhook(secret, id, timestampSec, body),
  };
}

export interface VerifyOptions {
  /** Defaults to the current time; pinned in tests. */
  nowSec?: number;
  /** Standard Webhooks recommends rejecting timestamps more than 5 minutes away. */
  toleranceSec?: number;
}

/** True when any space-separated "v1," signature matches and the timestamp is fresh. */
export function verifyWebhook(
  secret: string,
  headers: { id: string; timestamp: string; signature: string },
  body: string,
  options: VerifyOptions = {},
): boolean {
  const now = options.nowSec ?? Math.floor(Date.now() / 1000);
  const tolerance = options.toleranceSec ?? 300;
  const timestamp = Number(headers.timestamp);
  if (!Number.isInteger(timestamp) || Math.abs(now - timestamp) > tolerance) return false;
  const expected = Buffer.from(signWebhook(secret, headers.id, headers.timestamp, body));
  return headers.signature.split(" ").some((candidate) => {
    const given = Buffer.from(candidate);
    return given.length === expected.length && timingSafeEqual(given, expected);
  });
}

function secretBytes(secret: string): Buffer {
  if (!secret.startsWith("whsec_")) {
    throw new Error(`webhook secret must start with "whsec_"; got "${secret.slice(0, 6)}..."`);
  }
  return Buffer.from(secret.slice("whsec_".length), "base64");
}
