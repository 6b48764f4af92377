import { describe, expect, it } from "vitest";
import { safeNext } from "@/lib/auth/redirect";

describe("where sign-in may send people next", () => {
  it.each([
    ["/gallery?q=fox", "/gallery?q=fox"],
    ["/videos/abc#comments", "/videos/abc#comments"],
    ["//evil.example", "/"],
    ["/\\evil.example", "/"],
    ["/\t/evil.example", "/"],
    ["https://evil.example/", "/"],
    ["javascript:alert(1)", "/"],
    ["", "/"],
  ])("%j -> %j", (next, expected) => {
    expect(safeNext(next)).toBe(expected);
  });
});
