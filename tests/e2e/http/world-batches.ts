import { type APIRequestContext, expect } from "@playwright/test";
import { callAction } from "./actions";
import { compareInput } from "./inputs";

// Issue 15's things for the matrix, made per team the way the studio makes them: a comparison
// (two columns, through submitCompareAction, rendered by the emulator and archived), a public link
// to it, and a prompt template.

export interface Comparison {
  batchId: string;
  generationIds: string[];
  prompt: string;
  token: string;
  linkId: string;
}

export interface Template {
  id: string;
  name: string;
}

const dataOf = <T>(answer: { result?: { data?: unknown } }) => answer.result?.data as T;

export async function makeComparison(
  owner: APIRequestContext,
  reader: APIRequestContext,
  base: string,
  teamId: string,
  word: string,
): Promise<Comparison> {
  const prompt = `A kite over a windy beach at dusk, ${word}`;
  const submitted = await callAction(owner, base, {
    page: "/",
    action: "submitCompareAction",
    args: [compareInput(teamId, prompt)],
  });
  expect(submitted.result?.ok, submitted.body).toBe(true);
  const { batchId } = dataOf<{ batchId: string }>(submitted);
  let generationIds: string[] = [];
  await expect
    .poll(
      async () => {
        const { generations } = (await (await reader.get("/api/generations")).json()) as {
          generations: Array<{ id: string; status: string; batch: { id: string } | null }>;
        };
        const cells = generations.filter((generation) => generation.batch?.id === batchId);
        generationIds = cells.map((cell) => cell.id);
        return cells.length === 2 && cells.every((cell) => cell.status === "archived");
      },
      { timeout: 120_000, intervals: [1000] },
    )
    .toBe(true);
  const link = await freshCompareLink(owner, base, teamId, batchId);
  return { batchId, generationIds, prompt, ...link };
}

export async function freshCompareLink(
  owner: APIRequestContext,
  base: string,
  teamId: string,
  batchId: string,
) {
  const shared = await callAction(owner, base, {
    page: "/",
    action: "createCompareShareAction",
    args: [{ teamId, batchId, expiry: "7d" }],
  });
  expect(shared.result?.ok, shared.body).toBe(true);
  const { id, token } = dataOf<{ id: string; token: string }>(shared);
  return { linkId: id, token };
}

export async function makeTemplate(owner: APIRequestContext, base: string, teamId: string, name: string) {
  const created = await callAction(owner, base, {
    page: "/",
    action: "createTemplateAction",
    args: [{ teamId, name, prompt: "A matrix cell with {subject}", negativePrompt: "", defaults: {} }],
  });
  expect(created.result?.ok, created.body).toBe(true);
  return { id: dataOf<{ id: string }>(created).id, name } satisfies Template;
}
