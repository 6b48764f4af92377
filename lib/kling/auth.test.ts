import { decodeJwt, decodeProtectedHeader, jwtVerify } from "jose";
import { describe, expect, it } from "vitest";
import { createAuthorizer } from "@/lib/kling/auth";

const credentials = { accessKey: "ak-test", secretKey: "sk-test-secret" };
const token = (header: string) => header.replace(/^Bearer /, "");

describe("Kling JWT", () => {
  it("signs HS256 with iss = access key, exp = +1800 s, nbf = -5 s", async () => {
    const now = 1_781_000_000_000;
    const header = await createAuthorizer(credentials, () => now)();
    expect(header).toMatch(/^Bearer /);
    expect(decodeProtectedHeader(token(header))).toEqual({ alg: "HS256", typ: "JWT" });
    expect(decodeJwt(token(header))).toEqual({ iss: "ak-test", exp: now / 1000 + 1800, nbf: now / 1000 - 5 });
    await expect(
      jwtVerify(token(header), new TextEncoder().encode(credentials.secretKey), {
        currentDate: new Date(now),
      }),
    ).resolves.toBeTruthy();
  });

  it("reuses the token until 60 s before expiry, then re-signs", async () => {
    let now = 1_781_000_000_000;
    const authorize = createAuthorizer(credentials, () => now);
    const first = await authorize();
    now += 1000 * (1800 - 61);
    expect(await authorize()).toBe(first);
    now += 1000 * 2; // 59 s left
    const second = await authorize();
    expect(second).not.toBe(first);
    expect(decodeJwt(token(second)).exp).toBe(Math.floor(now / 1000) + 1800);
  });

  it("sends a static API key as it is", async () => {
    expect(await createAuthorizer({ apiKey: "kling-api-key" })()).toBe("Bearer kling-api-key");
  });
});
