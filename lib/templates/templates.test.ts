import { describe, expect, it } from "vitest";
import { fieldErrors } from "@/lib/errors";
import {
  fillTemplate,
  fillValuesSchema,
  templateInputSchema,
  templateVariables,
} from "@/lib/templates/templates.validation";

describe("prompt templates", () => {
  it("finds each {variable} once, in order, and fills them", () => {
    const prompt = "{subject} walks through {place}; {subject} looks back, {not a var!} {1x}";
    expect(templateVariables(prompt)).toEqual(["subject", "place"]);
    expect(fillTemplate(prompt, { subject: "A fox", place: "snow" })).toBe(
      "A fox walks through snow; A fox looks back, {not a var!} {1x}",
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
    const values = fillValuesSchema({ prompt: "{subject} at {time}", negativePrompt: "" }).safeParse({
      subject: "fox",
      time: " ",
    });
    expect(values.error?.issues.map((issue) => [issue.path.join("."), issue.message])).toEqual([
      ["time", "time is required"],
    ]);
    const long = fillValuesSchema({ prompt: `${"x".repeat(2400)} {subject}`, negativePrompt: "" }).safeParse({
      subject: "y".repeat(200),
    });
    expect(long.error?.issues.map((issue) => [issue.path.join("."), issue.message])).toEqual([
      ["subject", "The filled prompt would have 2601 characters; Kling takes at most 2500"],
    ]);
  });

  it("refuses braces that are not a {variable}, naming the token and the rule, at prompt or negativePrompt", () => {
    const problem = (prompt: string, negativePrompt = "") => {
      const result = templateInputSchema.safeParse({ name: "T", prompt, negativePrompt });
      return result.error?.issues.map((issue) => [issue.path.join("."), issue.message]);
    };
    const rule = "names start with a letter and use letters, digits and _ (at most 40)";
    expect(problem("{1x} at dawn")).toEqual([["prompt", `Prompt: "{1x}" is not a variable: ${rule}`]]);
    expect(problem("A fox", "no {bad name}")).toEqual([
      ["negativePrompt", `Negative prompt: "{bad name}" is not a variable: ${rule}`],
    ]);
    expect(problem("{}")).toEqual([["prompt", `Prompt: "{}" is not a variable: ${rule}`]]);
    expect(problem(`{${"a".repeat(41)}}`)).toEqual([
      ["prompt", `Prompt: "{${"a".repeat(41)}}" is not a variable: ${rule}; this one has 41`],
    ]);
    expect(problem(`{${"a".repeat(60)}}`)?.[0][1]).toBe(
      `Prompt: "{${"a".repeat(45)}…}" is not a variable: ${rule}; this one has 60`,
    );
    expect(problem("A fox at {time")).toEqual([
      ["prompt", 'Prompt: "{" at character 10 is never closed ("{time"): write each variable as {name}'],
    ]);
    expect(problem("{a {b}")).toEqual([
      [
        "prompt",
        'Prompt: "{" at character 1 is not closed before the next "{" ("{a "): write each variable as {name}',
      ],
    ]);
    expect(problem("A fox}")).toEqual([
      [
        "prompt",
        'Prompt: "}" at character 6 has no "{" before it: braces only wrap a variable, as in {subject}',
      ],
    ]);
    expect(problem("{a}}")?.[0][1]).toMatch(/^Prompt: "}" at character 4 has no "{"/);
    // Valid names: a letter, then letters, digits and _; exactly 40 is fine.
    expect(problem(`{a_1} {B2} {${"z".repeat(40)}}`, "{blur}")).toBeUndefined();
  });

  it("asks once for the variables of the prompt and the negative prompt, keeps their defaults, fills both", () => {
    const template = { prompt: "{subject} at {time}", negativePrompt: "{subject} blurred, {flaw}" };
    expect(templateVariables(template.prompt, template.negativePrompt)).toEqual(["subject", "time", "flaw"]);
    const parsed = templateInputSchema.parse({
      name: "Fox",
      ...template,
      defaults: { subject: "a fox", flaw: " grain ", stray: "x" },
    });
    expect(parsed.defaults).toEqual({ subject: "a fox", flaw: "grain" });
    const values = fillValuesSchema(template).safeParse({ subject: "A fox", time: "dawn" });
    expect(values.error?.issues.map((issue) => [issue.path.join("."), issue.message])).toEqual([
      ["flaw", "flaw is required"],
    ]);
    const filled = fillValuesSchema(template).parse({ subject: "A fox", time: "dawn", flaw: "noise" });
    expect(fillTemplate(template.negativePrompt, filled as Record<string, string>)).toBe(
      "A fox blurred, noise",
    );
    const long = fillValuesSchema({ prompt: "{a}", negativePrompt: `${"x".repeat(2400)} {b}` }).safeParse({
      a: "y",
      b: "y".repeat(200),
    });
    expect(long.error?.issues.map((issue) => [issue.path.join("."), issue.message])).toEqual([
      ["b", "The filled negative prompt would have 2601 characters; Kling takes at most 2500"],
    ]);
  });

  it("a variable named like an Object property is a variable like any other", () => {
    const parsed = templateInputSchema.parse({ name: "T", prompt: "{constructor} and {toString}" });
    expect(parsed.defaults).toEqual({});
    expect(fillTemplate("{constructor} and {toString}", {})).toBe("{constructor} and {toString}");
    const values = fillValuesSchema({ prompt: "{constructor}", negativePrompt: "" }).safeParse({});
    expect(fieldErrors(values.error ?? { issues: [] })).toEqual({ constructor: "constructor is required" });
  });
});
