import { describe, expect, it } from "vitest";
import { passwordSchema } from "@/lib/auth/auth.validation";
import { budgetSchema } from "@/lib/teams/teams.validation";
import { emailSchema } from "@/lib/validation";

const messageFor = (result: { success: boolean; error?: { issues: Array<{ message: string }> } }) =>
  result.success ? undefined : result.error?.issues[0].message;

describe("password rules", () => {
  it.each([
    ["short1!", "Password must be at least 10 characters"],
    ["abcdefghijkl", "Password must mix letters with digits or symbols"],
    ["1234567890123", "Password must mix letters with digits or symbols"],
    ["aaaaa11111", "Password must use at least 5 different characters"],
    [`${"x".repeat(120)}123456789`, "Password must be at most 128 characters"],
  ])("refuses %j with a clear message", (password, message) => {
    expect(messageFor(passwordSchema.safeParse(password))).toBe(message);
  });

  it("accepts a reasonable password", () => {
    expect(passwordSchema.safeParse("correct horse 42").success).toBe(true);
  });
});

describe("other fields", () => {
  it("normalises emails and names the rule when invalid", () => {
    expect(emailSchema.parse("  Ada@Example.COM ")).toBe("ada@example.com");
    expect(messageFor(emailSchema.safeParse("not-an-email"))).toBe(
      "Email must be a valid address, like name@example.com",
    );
  });

  it("reads an empty budget as no limit and refuses negatives", () => {
    expect(budgetSchema.parse("")).toBeNull();
    expect(budgetSchema.parse("250.5")).toBe(250.5);
    expect(messageFor(budgetSchema.safeParse("-3"))).toMatch(
      /Monthly budget must be empty \(no limit\) or a number/,
    );
  });
});
