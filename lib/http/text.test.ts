import { describe, expect, it } from "vitest";
import { storableString, unstorableReason } from "@/lib/http/text";

describe("strings Postgres can store", () => {
  it("refuses NUL and lone surrogates with a rule, accepts real Unicode", () => {
    expect(unstorableReason("a\u0000b")).toBe("must not contain NUL characters");
    expect(unstorableReason("a\uD800b")).toMatch(/lone surrogate/);
    expect(unstorableReason("b\uDC00")).toMatch(/lone surrogate/);
    expect(unstorableReason("fox 🦊 über")).toBeNull();
  });

  it("names the field in the schema's message, before length rules", () => {
    const schema = storableString("Prompt").trim().min(1, { error: "Prompt is required" });
    const result = schema.safeParse("\u0000");
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.message)).toEqual([
      "Prompt must not contain NUL characters",
    ]);
    expect(schema.parse(" ok ")).toBe("ok");
  });
});
