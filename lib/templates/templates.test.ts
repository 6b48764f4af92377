import { describe, expect, it } from "vitest";
import {
  fillTemplate,
  fillValuesSchema,
  templateInputSchema,
  templateVariables,
} from "@/lib/templates/templates.validation";

describe("prompt templates", () => {
  it("finds each {variable} once, in order, and fills them", () => {
    const prompt = "{subject} walks through {place}; {subject} looks back, {not a var!}";
    expect(templateVariables(prompt)).toEqual(["subject", "place"]);
    expect(fillTemplate(prompt, { subject: "A fox", place: "snow" })).toBe(
      "A fox walks through snow; A fox looks back, {not a var!}",
    );
    expect(fillTemplate("{a} and {b}", { a: "x" })).toBe("x and {b}");
  });

  it("keeps defaults only for variables the prompt has", () => {
    const parsed = templateInputSchema.parse({
      name: " Fox ",
      prompt: "{subject} at {time}",
      defaults: { subject: " a fox ", time: " ", other: "dropped" },
    });
    expect(parsed).toEqual({
      name: "Fox",
      prompt: "{subject} at {time}",
      negativePrompt: "",
      defaults: { subject: "a fox" },
    });
  });

  it("names the field and the rule", () => {
    const result = templateInputSchema.safeParse({ name: "", prompt: "x".repeat(2501) });
    expect(result.success).toBe(false);
    const issues = result.error?.issues.map((issue) => [issue.path.join("."), issue.message]);
    expect(issues).toEqual([
      ["name", "Name is required"],
      ["prompt", "Prompt must be at most 2500 characters; got 2501"],
    ]);
    const values = fillValuesSchema("{subject} at {time}").safeParse({ subject: "fox", time: " " });
    expect(values.error?.issues.map((issue) => [issue.path.join("."), issue.message])).toEqual([
      ["time", "time is required"],
    ]);
    const long = fillValuesSchema(`${"x".repeat(2400)} {subject}`).safeParse({ subject: "y".repeat(200) });
    expect(long.error?.issues.map((issue) => [issue.path.join("."), issue.message])).toEqual([
      ["subject", "The filled prompt would have 2601 characters; Kling takes at most 2500"],
    ]);
  });
});
