import { describe, expect, it } from "vitest";
import { safeNext } from "@/lib/auth/redirect";

describe("where sign-in may send people next", () => {
  it.each([
    ["/gallery?q=fox", "/gallery?q=fox"],
    ["/videos/abc#comments", "/videos/abc#comments"],
    ["/settings", "/settings"],
    ["/a/../gallery", "/gallery"],
    ["/gallery?q=a%20b", "/gallery?q=a%20b"],
  ])("keeps the same-origin path %j as %j", (next, expected) => {
    expect(safeNext(next)).toBe(expected);
  });

  it.each([
    "//evil.example",
    "/.//evil.example",
    "/a/..//evil.example",
    "/%2e//evil.example",
    "/%2E%2E//evil.example",
    "/./%2e//evil.example",
    "/\\evil.example",
    "/\\\\evil.example",
    "/%5cevil.example",
    "/%5Cevil.example",
    "/%2fevil.example",
    "/%2F%2Fevil.example",
    "/\t/evil.example",
    "/\n/evil.example",
    "/%09/evil.example",
    "/%0a/evil.example",
    "https://evil.example/",
    "http:evil.example",
    "javascript:alert(1)",
    "evil.example",
    "",
    "/%",
  ])("refuses %j (falls back to /)", (next) => {
    expect(safeNext(next)).toBe("/");
  });

  it("refuses whatever is not a string", () => {
    expect(safeNext(null)).toBe("/");
  });

  it("never returns a value a browser would resolve to another origin", () => {
    for (const next of ["/.//x", "/a/..//x", "/%2e//x", "/..//x", "/./../..//x"]) {
      const result = safeNext(next);
      expect(new URL(result, "https://studio.example").origin).toBe("https://studio.example");
      expect(result.startsWith("//")).toBe(false);
    }
  });
});
