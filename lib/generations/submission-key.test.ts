import { describe, expect, it } from "vitest";
import { z } from "zod";
import { newSubmissionKey } from "@/lib/generations/submission-key";

describe("newSubmissionKey", () => {
  it("makes distinct v4 UUIDs the server's schema accepts", () => {
    const keys = Array.from({ length: 200 }, newSubmissionKey);
    expect(new Set(keys).size).toBe(200);
    for (const key of keys) expect(z.uuid({ version: "v4" }).safeParse(key).success).toBe(true);
  });
});
