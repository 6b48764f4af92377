import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Emulator } from "./server";
import { call, signToken, startTestEmulator, UUID_V4 } from "./test-support";

let emulator: Emulator;
beforeAll(async () => {
  emulator = await startTestEmulator({
    accessKey: "ak_test",
    secretKey: "sk_test_secret",
    apiKey: "api_test_key",
  });
});
afterAll(() => emulator.close());

const LIST = "/v1/videos/text2video?pageNum=1&pageSize=1";

async function expectAuthError(authorization: string | null, code: number) {
  const response = await call(emulator, "GET", LIST, { authorization });
  expect(response.status).toBe(401);
  expect(response.body.code).toBe(code);
  expect(response.body.request_id).toMatch(UUID_V4);
  expect(response.body).not.toHaveProperty("data");
  return response.body.message as string;
}

describe("authentication (KLING_API.md §2)", () => {
  it("accepts a JWT signed the way the official samples do", async () => {
    const response = await call(emulator, "GET", LIST, {
      authorization: `Bearer ${await signToken(emulator)}`,
    });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ code: 0, message: "SUCCEED" });
  });

  it("accepts the static API key", async () => {
    const response = await call(emulator, "GET", LIST, { authorization: "Bearer api_test_key" });
    expect(response.status).toBe(200);
  });

  it("uses the given credentials and makes up missing ones", async () => {
    expect([emulator.accessKey, emulator.secretKey, emulator.apiKey]).toEqual([
      "ak_test",
      "sk_test_secret",
      "api_test_key",
    ]);
    const other = await startTestEmulator();
    try {
      expect(other.accessKey).toMatch(/^ak_[0-9a-f]{24}$/);
      expect(other.secretKey).not.toBe("");
      expect(other.apiKey).toMatch(/^kling_/);
    } finally {
      await other.close();
    }
  });

  it("1001 when the header is missing or empty", async () => {
    expect(await expectAuthError(null, 1001)).toBe("Authorization is empty");
    await expectAuthError("", 1001);
  });

  it("1000 when the header is not a Bearer credential", async () => {
    expect(await expectAuthError("Basic YWJjOmRlZg==", 1000)).toMatch(/must be "Bearer <token>"/);
    await expectAuthError("Bearer", 1000);
    await expectAuthError("Token abc", 1000);
  });

  it("1002 for an unknown API key or a malformed token", async () => {
    await expectAuthError("Bearer not_a_key", 1002);
    await expectAuthError("Bearer a.b.c", 1002);
  });

  it("1002 for a JWT signed with the wrong secret", async () => {
    const token = await signToken(emulator, { secret: "wrong-secret" });
    expect(await expectAuthError(`Bearer ${token}`, 1002)).toMatch(/signature/);
  });

  it("1002 for an unknown iss", async () => {
    const token = await signToken(emulator, { iss: "ak_someone_else" });
    expect(await expectAuthError(`Bearer ${token}`, 1002)).toMatch(
      /iss must be a known access key; got "ak_someone_else"/,
    );
  });

  it("1002 for a JWT that is not HS256 or has no exp", async () => {
    await expectAuthError(`Bearer ${await signToken(emulator, { alg: "HS512" })}`, 1002);
    await expectAuthError(`Bearer ${await signToken(emulator, { expIn: null })}`, 1002);
  });

  it("1003 when nbf is in the future (beyond the 5 s skew)", async () => {
    const token = await signToken(emulator, { nbfIn: 60 });
    expect(await expectAuthError(`Bearer ${token}`, 1003)).toMatch(/not yet valid/);
  });

  it("1004 when exp is in the past (beyond the 5 s skew)", async () => {
    const token = await signToken(emulator, { expIn: -60, nbfIn: -120 });
    expect(await expectAuthError(`Bearer ${token}`, 1004)).toMatch(/expired/);
  });

  it("forgives clock skew of a few seconds on both nbf and exp", async () => {
    const early = await signToken(emulator, { nbfIn: 3 });
    const late = await signToken(emulator, { expIn: -3 });
    expect((await call(emulator, "GET", LIST, { authorization: `Bearer ${early}` })).status).toBe(200);
    expect((await call(emulator, "GET", LIST, { authorization: `Bearer ${late}` })).status).toBe(200);
  });

  it("checks the signature before the clock: a forged expired token is 1002, not 1004", async () => {
    const token = await signToken(emulator, { secret: "forged", expIn: -600 });
    await expectAuthError(`Bearer ${token}`, 1002);
  });

  it("guards every API route, and checks the route before auth", async () => {
    for (const [method, path] of [
      ["POST", "/v1/videos/text2video"],
      ["GET", "/v1/videos/text2video/123"],
      ["GET", "/v1/videos/text2video?external_task_id=x"],
      ["GET", "/account/costs?start_time=0&end_time=1"],
    ]) {
      const response = await call(emulator, method, path, {
        authorization: null,
        body: method === "POST" ? {} : undefined,
      });
      expect(response.body.code, `${method} ${path}`).toBe(1001);
    }
    const wrongMethod = await call(emulator, "DELETE", "/v1/videos/text2video/123", { authorization: null });
    expect([wrongMethod.status, wrongMethod.body.code]).toEqual([404, 1202]);
  });
});
