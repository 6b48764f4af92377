import { describe, expect, it } from "vitest";
import { fieldName } from "@/lib/errors";
import { buildGenerationRequestSchema, toKlingCreateBody } from "@/lib/generations/request";
import { shotTimecodes } from "@/lib/generations/storyboard.validation";
import { DEFAULT_CATALOG } from "@/lib/kling/catalog";

const schema = buildGenerationRequestSchema(DEFAULT_CATALOG);
const base = { prompt: "", model: "kling-v3", mode: "std", duration: 10, aspectRatio: "16:9" } as const;
const shots = (...durations: number[]) =>
  durations.map((duration, index) => ({ prompt: `Shot ${index}`, duration }));
const problems = (input: Record<string, unknown>) =>
  schema
    .safeParse({ ...base, ...input })
    .error?.issues.map((issue) => [fieldName(issue.path), issue.message]);

describe("storyboard requests", () => {
  it("sends multi_shot, shot_type customize and the shots (no prompt) to Kling", () => {
    const request = schema.parse({ ...base, shotType: "customize", shots: shots(2, 3, 5) });
    const body = toKlingCreateBody(DEFAULT_CATALOG, request, { externalTaskId: "g" });
    expect(body).not.toHaveProperty("prompt");
    expect(body).toMatchObject({
      multi_shot: true,
      shot_type: "customize",
      duration: "10",
      multi_prompt: [
        { index: 1, prompt: "Shot 0", duration: "2" },
        { index: 2, prompt: "Shot 1", duration: "3" },
        { index: 3, prompt: "Shot 2", duration: "5" },
      ],
    });
    const split = schema.parse({ ...base, prompt: "One. Two.", shotType: "intelligence" });
    expect(toKlingCreateBody(DEFAULT_CATALOG, split, { externalTaskId: "g" })).toMatchObject({
      prompt: "One. Two.",
      multi_shot: true,
      shot_type: "intelligence",
    });
    expect(shotTimecodes(shots(2, 3, 5))).toEqual([
      { start: 0, end: 2 },
      { start: 2, end: 5 },
      { start: 5, end: 10 },
    ]);
  });

  it("refuses a bad storyboard with the shot's field name and the rule", () => {
    expect(
      problems({ shotType: "customize", shots: [...shots(2, 3), { prompt: "x".repeat(513), duration: 0 }] }),
    ).toEqual([
      ["shots[2].prompt", "Shot 3 prompt must be at most 512 characters; got 513"],
      ["shots[2].duration", "Shot 3 must last whole seconds, at least 1 s; got 0"],
      ["shots", "Shot durations must add up to the clip's 10 s; got 2 + 3 + 0 = 5 s"],
    ]);
    expect(problems({ shotType: "customize", shots: shots(1, 1, 1, 1, 1, 1, 4) })).toEqual([
      ["shots", "A storyboard has 1 to 6 shots; got 7"],
    ]);
    expect(problems({ shotType: "customize", shots: [{ prompt: " ", duration: 10 }] })).toEqual([
      ["shots[0].prompt", "Shot 1 needs a prompt"],
    ]);
    expect(problems({ shotType: "intelligence" })).toEqual([["prompt", "Prompt is required"]]);
    expect(problems({ model: "kling-v2-6", duration: 10, shotType: "customize", shots: shots(10) })).toEqual([
      ["shotType", "Kling 2.6 cannot take a storyboard (multi-shot is Kling 3.0 only)"],
    ]);
  });
});
