import { describe, expect, it } from "vitest";
import { parseRange } from "@/lib/media/serve";

describe("Range header", () => {
  it.each([
    ["bytes=0-99", { start: 0, end: 99 }],
    ["bytes=100-", { start: 100, end: 999 }],
    ["bytes=-100", { start: 900, end: 999 }],
    ["bytes=900-5000", { start: 900, end: 999 }],
    ["bytes=1000-", "invalid"],
    ["bytes=50-10", "invalid"],
    ["bytes=0-1,5-9", null],
    ["items=0-1", null],
    [null, null],
  ])("%s of a 1000-byte file", (header, expected) => {
    expect(parseRange(header, 1000)).toEqual(expected);
  });
});
