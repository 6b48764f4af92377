import { mkdtemp, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { DEFAULT_CATALOG, loadCatalog } from "@/lib/kling/catalog";

async function catalogFile(content: string) {
  const file = path.join(await mkdtemp(path.join(os.tmpdir(), "catalog-")), "catalog.json");
  await writeFile(file, content);
  return file;
}

describe("KLING_CATALOG_FILE", () => {
  it("overrides prices and models by id without touching the rest", async () => {
    const retiredV1 = { ...DEFAULT_CATALOG.models.find((model) => model.id === "kling-v1"), retired: true };
    const file = await catalogFile(
      JSON.stringify({
        models: [retiredV1],
        pricing: {
          usdPerUnit: 0.12,
          models: { "kling-v2-5-turbo": { kind: "per-clip", std: { "5": 1.2, "10": 2.4 }, pro: null } },
        },
      }),
    );
    const catalog = loadCatalog(file);
    expect(catalog.models.find((model) => model.id === "kling-v1")?.retired).toBe(true);
    expect(catalog.models).toHaveLength(DEFAULT_CATALOG.models.length);
    expect(catalog.pricing.usdPerUnit).toBe(0.12);
    expect(catalog.pricing.models["kling-v2-5-turbo"]).toMatchObject({ std: { "5": 1.2 } });
    expect(catalog.pricing.models["kling-v2-6"]).toEqual(DEFAULT_CATALOG.pricing.models["kling-v2-6"]);
  });

  it("refuses an invalid file at start-up, naming the file and the problem", async () => {
    const broken = await catalogFile("{ not json");
    expect(() => loadCatalog(broken)).toThrow(`KLING_CATALOG_FILE ${broken} cannot be read as JSON`);
    const wrong = await catalogFile(JSON.stringify({ pricing: { usdPerUnit: -1 } }));
    expect(() => loadCatalog(wrong)).toThrow(/KLING_CATALOG_FILE .* is invalid: pricing\.usdPerUnit: /);
    const unpriced = await catalogFile(
      JSON.stringify({ models: [{ ...DEFAULT_CATALOG.models[0], id: "kling-v9" }] }),
    );
    expect(() => loadCatalog(unpriced)).toThrow("no price for model(s) kling-v9");
    const typo = await catalogFile(JSON.stringify({ modles: [] }));
    expect(() => loadCatalog(typo)).toThrow(/is invalid/);
  });
});
