import { createHash, createHmac, timingSafeEqual } from "node:crypto";
import type { IncomingMessage } from "node:http";

// AWS Signature Version 4 verification, written from the published algorithm rather than taken
// from the SDK, so the S3 server used by the tests cannot agree with our client on a shared bug.
// s3rver alone accepts any V4 signature from a known key id (it never recomputes them).

export type SignatureCheck = { ok: true } | { ok: false; code: string; message: string };

export function verifySigV4(
  request: IncomingMessage,
  secretFor: (accessKeyId: string) => string | undefined,
  now = new Date(),
): SignatureCheck {
  const url = new URL(request.url ?? "/", "http://s3.invalid");
  const query = parseQuery(url.search);
  const presigned = query.some(([key]) => key === "X-Amz-Signature");
  const authorization = request.headers.authorization ?? "";
  let credential: string;
  let signedHeaders: string;
  let signature: string;
  let amzDate: string;
  let payloadHash: string;
  if (presigned) {
    const get = (name: string) => query.find(([key]) => key === name)?.[1] ?? "";
    credential = get("X-Amz-Credential");
    signedHeaders = get("X-Amz-SignedHeaders");
    signature = get("X-Amz-Signature");
    amzDate = get("X-Amz-Date");
    payloadHash = "UNSIGNED-PAYLOAD";
    const expiresAt = parseAmzDate(amzDate) + Number(get("X-Amz-Expires")) * 1000;
    if (!(expiresAt > now.getTime())) return denied("AccessDenied", "Request has expired");
  } else {
    const match =
      /^AWS4-HMAC-SHA256 Credential=([^,]+), ?SignedHeaders=([^,]+), ?Signature=([0-9a-f]+)$/.exec(
        authorization,
      );
    if (!match) return denied("AccessDenied", "Only AWS4-HMAC-SHA256 requests are accepted");
    [, credential, signedHeaders, signature] = match;
    amzDate = String(request.headers["x-amz-date"] ?? "");
    payloadHash = String(request.headers["x-amz-content-sha256"] ?? "UNSIGNED-PAYLOAD");
  }
  const [accessKeyId, date, region, service, terminator] = credential.split("/");
  const secret = secretFor(accessKeyId);
  if (!secret)
    return denied("InvalidAccessKeyId", "The AWS Access Key Id you provided does not exist in our records.");
  if (service !== "s3" || terminator !== "aws4_request" || !amzDate.startsWith(date)) {
    return denied("AuthorizationHeaderMalformed", "The credential scope is malformed.");
  }
  const canonicalQuery = query
    .filter(([key]) => key !== "X-Amz-Signature")
    .map(([key, value]) => [rfc3986(key), rfc3986(value)])
    .sort(([a, x], [b, y]) => (a < b ? -1 : a > b ? 1 : x < y ? -1 : x > y ? 1 : 0))
    .map(([key, value]) => `${key}=${value}`)
    .join("&");
  const headerNames = signedHeaders.split(";");
  const canonicalHeaders = headerNames.map((name) => `${name}:${headerValue(request, name)}\n`).join("");
  const canonicalRequest = [
    request.method,
    url.pathname,
    canonicalQuery,
    canonicalHeaders,
    signedHeaders,
    payloadHash,
  ].join("\n");
  const scope = `${date}/${region}/s3/aws4_request`;
  const stringToSign = ["AWS4-HMAC-SHA256", amzDate, scope, sha256(canonicalRequest)].join("\n");
  let key: Buffer = hmac(`AWS4${secret}`, date);
  for (const part of [region, "s3", "aws4_request"]) key = hmac(key, part);
  const expected = hmac(key, stringToSign);
  const provided = Buffer.from(signature, "hex");
  if (provided.length !== expected.length || !timingSafeEqual(provided, expected)) {
    return denied(
      "SignatureDoesNotMatch",
      "The request signature we calculated does not match the signature you provided.",
    );
  }
  return { ok: true };
}

function parseQuery(search: string): Array<[string, string]> {
  if (search.length <= 1) return [];
  return search
    .slice(1)
    .split("&")
    .filter(Boolean)
    .map((pair) => {
      const index = pair.indexOf("=");
      const key = index < 0 ? pair : pair.slice(0, index);
      const value = index < 0 ? "" : pair.slice(index + 1);
      return [decodeURIComponent(key), decodeURIComponent(value)];
    });
}

function headerValue(request: IncomingMessage, name: string) {
  const value = request.headers[name];
  return (Array.isArray(value) ? value.join(",") : (value ?? "")).trim().replace(/\s+/g, " ");
}

function rfc3986(text: string) {
  return encodeURIComponent(text).replace(
    /[!'()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

function parseAmzDate(text: string) {
  const match = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(text);
  if (!match) return Number.NaN;
  const [, y, mo, d, h, mi, s] = match.map(Number);
  return Date.UTC(y, mo - 1, d, h, mi, s);
}

const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");
const hmac = (key: string | Buffer, text: string) => createHmac("sha256", key).update(text).digest();
const denied = (code: string, message: string): SignatureCheck => ({ ok: false, code, message });
