import { describe, expect, it } from "vitest";
import { urlProblem } from "@/lib/security/request-guard";

const at = (path: string) => urlProblem(new URL(path, "http://studio.test"));

describe("URLs refused before any page or route reads them", () => {
  it.each([
    ["/gallery?q=a%00b", "q", "q must not contain NUL characters"],
    ["/api/gallery?author=%00", "author", "author must not contain NUL characters"],
    ["/api/gallery?model=x%00", "model", "model must not contain NUL characters"],
    ["/api/generations?ids=a,%00", "ids", "ids must not contain NUL characters"],
    ["/?from=%00", "from", "from must not contain NUL characters"],
    ["/?from=a&from=b", "from", "from: give one value, not several"],
    ["/api/media/%00", "path", "path must not contain NUL characters"],
    ["/api/media/%E0%A4%A", "path", "path: not valid percent-encoding"],
    ["/gallery?q=a%01b", "q", "q must not contain control characters"],
    [`/gallery?q=${"a".repeat(5000)}`, "q", "q must be at most 4096 characters"],
  ])("%s -> %s: %s", (path, field, message) => {
    expect(at(path)).toEqual({ field, message });
  });

  it("lets ordinary URLs through", () => {
    for (const path of ["/", "/gallery?q=fox%20%F0%9F%A6%8A&sort=rating", "/videos/abc", "/s/tok/video"]) {
      expect(at(path)).toBeNull();
    }
  });
});
