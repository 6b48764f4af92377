// Kling unit prices (docs/KLING_API.md §10.2, §10.3) as data, plus the approximate dollar value
// of a unit. Operators can override both (lib/kling/catalog.ts).
import { z } from "zod";
import type { Mode } from "@/lib/kling/models";

/** Either per-clip prices for fixed durations, or a per-second rate (kling-v3). */
const priceRowSchema = z.union([
  z.object({
    kind: z.literal("per-clip"),
    /** units by mode, then by duration in seconds ("5", "10"); null = not offered */
    std: z.record(z.string(), z.number().nonnegative()).nullable(),
    pro: z.record(z.string(), z.number().nonnegative()).nullable(),
    /** the same with native audio on, when the model has it */
    soundStd: z.record(z.string(), z.number().nonnegative()).nullable().optional(),
    soundPro: z.record(z.string(), z.number().nonnegative()).nullable().optional(),
  }),
  z.object({
    kind: z.literal("per-second"),
    std: z.number().nonnegative(),
    pro: z.number().nonnegative(),
    soundStd: z.number().nonnegative(),
    soundPro: z.number().nonnegative(),
  }),
]);

export const pricingSchema = z.object({
  usdPerUnit: z.number().positive(),
  models: z.record(z.string(), priceRowSchema),
});
export type Pricing = z.infer<typeof pricingSchema>;

const FIVE_TEN = (five: number) => ({ "5": five, "10": five * 2 });

export const DEFAULT_PRICING: Pricing = {
  usdPerUnit: 0.14,
  models: {
    "kling-v1": { kind: "per-clip", std: FIVE_TEN(1), pro: FIVE_TEN(3.5) },
    "kling-v1-6": { kind: "per-clip", std: FIVE_TEN(2), pro: FIVE_TEN(3.5) },
    "kling-v2-master": { kind: "per-clip", std: FIVE_TEN(10), pro: null },
    "kling-v2-1-master": { kind: "per-clip", std: FIVE_TEN(10), pro: null },
    "kling-v2-5-turbo": { kind: "per-clip", std: FIVE_TEN(1.5), pro: FIVE_TEN(2.5) },
    "kling-v2-6": {
      kind: "per-clip",
      std: FIVE_TEN(1.5),
      pro: FIVE_TEN(2.5),
      soundStd: null,
      soundPro: FIVE_TEN(5),
    },
    // Kling 3.0 is billed per second: 720p (std) / 1080p (pro), without / with native audio.
    "kling-v3": { kind: "per-second", std: 0.6, pro: 0.8, soundStd: 0.9, soundPro: 1.2 },
  },
};

export interface CostQuery {
  model: string;
  mode: Mode;
  duration: number;
  sound: boolean;
}

/** Units Kling charges for a successful task, or null when the combination has no price. */
export function estimateUnits(pricing: Pricing, query: CostQuery): number | null {
  const row = pricing.models[query.model];
  if (!row) return null;
  if (row.kind === "per-second") {
    const rate = query.sound ? (query.mode === "pro" ? row.soundPro : row.soundStd) : row[query.mode];
    return roundUnits(rate * query.duration);
  }
  const table = query.sound ? (query.mode === "pro" ? row.soundPro : row.soundStd) : row[query.mode];
  const units = table?.[String(query.duration)];
  return units === undefined ? null : units;
}

export function unitsToUsd(pricing: Pricing, units: number): number {
  return Math.round(units * pricing.usdPerUnit * 100) / 100;
}

function roundUnits(units: number) {
  return Math.round(units * 100) / 100;
}
