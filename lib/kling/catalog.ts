import "server-only";
import { readFileSync } from "node:fs";
import { z } from "zod";
import { appConfig } from "@/lib/env";
import { DEFAULT_MODELS, type ModelCapability, modelCapabilitySchema } from "@/lib/kling/models";
import { DEFAULT_PRICING, type Pricing, pricingSchema } from "@/lib/kling/pricing";

/** What the studio offers and charges: the capability matrix plus the price table. */
export interface Catalog {
  models: ModelCapability[];
  pricing: Pricing;
}

export const DEFAULT_CATALOG: Catalog = { models: DEFAULT_MODELS, pricing: DEFAULT_PRICING };

// KLING_CATALOG_FILE: models replace or add by id; prices replace or add by model id.
const overrideSchema = z
  .object({
    models: z.array(modelCapabilitySchema).optional(),
    pricing: z
      .object({
        usdPerUnit: pricingSchema.shape.usdPerUnit.optional(),
        models: pricingSchema.shape.models.optional(),
      })
      .optional(),
  })
  .strict();

export class CatalogError extends Error {}

export function mergeCatalog(base: Catalog, override: unknown): Catalog {
  const parsed = overrideSchema.safeParse(override);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new CatalogError(`${issue.path.join(".") || "(root)"}: ${issue.message}`);
  }
  const models = [...base.models];
  for (const model of parsed.data.models ?? []) {
    const index = models.findIndex((existing) => existing.id === model.id);
    if (index >= 0) models[index] = model;
    else models.push(model);
  }
  const pricing: Pricing = {
    usdPerUnit: parsed.data.pricing?.usdPerUnit ?? base.pricing.usdPerUnit,
    models: { ...base.pricing.models, ...(parsed.data.pricing?.models ?? {}) },
  };
  const unpriced = models
    .filter((model) => !model.retired && !pricing.models[model.id])
    .map((model) => model.id);
  if (unpriced.length) throw new CatalogError(`no price for model(s) ${unpriced.join(", ")}`);
  return { models, pricing };
}

/** Reads and validates the override file; throws a CatalogError naming the file and the problem. */
export function loadCatalog(file: string | undefined): Catalog {
  if (!file) return DEFAULT_CATALOG;
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, "utf8"));
  } catch (error) {
    throw new CatalogError(`KLING_CATALOG_FILE ${file} cannot be read as JSON: ${(error as Error).message}`);
  }
  try {
    return mergeCatalog(DEFAULT_CATALOG, json);
  } catch (error) {
    throw new CatalogError(`KLING_CATALOG_FILE ${file} is invalid: ${(error as Error).message}`);
  }
}

let cached: Catalog | undefined;

/** The catalog in effect on the server (validated at start-up by the launcher). */
export function getCatalog(): Catalog {
  cached ??= loadCatalog(appConfig().KLING_CATALOG_FILE);
  return cached;
}
