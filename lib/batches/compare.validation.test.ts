import { describe, expect, it } from "vitest";
import { buildCompareSchema, compareColumns } from "@/lib/batches/compare.validation";
import { defaultDraft } from "@/lib/generations/draft";
import { DEFAULT_CATALOG } from "@/lib/kling/catalog";

const schema = buildCompareSchema(DEFAULT_CATALOG);
const column = (model: string, prompt = "A heron over a misty pond") =>
  ({ prompt, model, mode: "std", duration: 5, aspectRatio: "16:9" }) as const;
const issues = (columns: unknown[]) => {
  const result = schema.safeParse({ columns });
  return result.success ? [] : result.error.issues.map((issue) => [issue.path.join("."), issue.message]);
};

describe("a comparison's columns", () => {
  it("are what the compare dialog builds from one draft (a dropped storyboard or negative prompt included)", () => {
    const draft = {
      ...defaultDraft(DEFAULT_CATALOG),
      prompt: "A heron over a misty pond",
      negativePrompt: "blur",
      model: "kling-v3",
      duration: 5,
      storyboard: {
        enabled: true,
        shotType: "customize" as const,
        shots: [
          { key: "a", prompt: "The heron waits", duration: 2 },
          { key: "b", prompt: "It lifts off", duration: 3 },
        ],
      },
    };
    const picks = ["kling-v3", "kling-v2-6", "kling-v2-5-turbo"].map((model) => ({
      model,
      mode: "std" as const,
    }));
    const columns = compareColumns(DEFAULT_CATALOG, draft, picks).map((built) => built.request);
    expect(issues(columns)).toEqual([]);
  });

  it("refuse a different prompt and a repeated model and mode, naming the column", () => {
    expect(issues([column("kling-v2-6"), column("kling-v2-5-turbo", "Something else")])).toEqual([
      ["columns.1.prompt", "Column 2 must have column 1's prompt: a comparison puts one prompt side by side"],
    ]);
    expect(issues([column("kling-v2-6"), column("kling-v2-6")])).toEqual([
      ["columns.1.model", "Column 2 repeats kling-v2-6 in the same mode; pick another model or mode"],
    ]);
  });
});
