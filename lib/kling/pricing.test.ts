import { describe, expect, it } from "vitest";
import { DEFAULT_CATALOG } from "@/lib/kling/catalog";
import { MODES } from "@/lib/kling/models";
import { DEFAULT_PRICING, estimateUnits, unitsToUsd } from "@/lib/kling/pricing";

// docs/KLING_API.md §10.2 (per clip) and §10.3 (Kling 3.0 per second), written out by hand so a
// change to the data has to be made twice, on purpose.
const EXPECTED: Record<string, Record<string, number>> = {
  "kling-v1": { "std 5": 1, "std 10": 2, "pro 5": 3.5, "pro 10": 7 },
  "kling-v1-6": { "std 5": 2, "std 10": 4, "pro 5": 3.5, "pro 10": 7 },
  "kling-v2-master": { "std 5": 10, "std 10": 20 },
  "kling-v2-1-master": { "std 5": 10, "std 10": 20 },
  "kling-v2-5-turbo": { "std 5": 1.5, "std 10": 3, "pro 5": 2.5, "pro 10": 5 },
  "kling-v2-6": {
    "std 5": 1.5,
    "std 10": 3,
    "pro 5": 2.5,
    "pro 10": 5,
    "pro 5 audio": 5,
    "pro 10 audio": 10,
  },
  "kling-v3": {
    "std 3": 1.8,
    "std 5": 3,
    "std 10": 6,
    "std 15": 9,
    "pro 3": 2.4,
    "pro 5": 4,
    "pro 10": 8,
    "pro 15": 12,
    "std 5 audio": 4.5,
    "std 15 audio": 13.5,
    "pro 5 audio": 6,
    "pro 10 audio": 12,
  },
};

describe("pricing", () => {
  it("prices every offered model x mode x duration x audio combination", () => {
    let combinations = 0;
    for (const model of DEFAULT_CATALOG.models) {
      for (const mode of MODES) {
        for (const duration of model.durations[mode]) {
          for (const sound of [false, true]) {
            const allowed = !sound || (model.sound?.modes.includes(mode) ?? false);
            if (!allowed) continue;
            const units = estimateUnits(DEFAULT_PRICING, { model: model.id, mode, duration, sound });
            expect(units, `${model.id} ${mode} ${duration} ${sound}`).not.toBeNull();
            const key = `${mode} ${duration}${sound ? " audio" : ""}`;
            if (EXPECTED[model.id][key] !== undefined)
              expect(units, `${model.id} ${key}`).toBe(EXPECTED[model.id][key]);
            combinations++;
          }
        }
      }
    }
    expect(combinations).toBeGreaterThan(60);
  });

  it("has no price for what Kling does not sell", () => {
    expect(
      estimateUnits(DEFAULT_PRICING, { model: "kling-v2-6", mode: "std", duration: 5, sound: true }),
    ).toBeNull();
    expect(
      estimateUnits(DEFAULT_PRICING, { model: "kling-v2-master", mode: "pro", duration: 5, sound: false }),
    ).toBeNull();
    expect(
      estimateUnits(DEFAULT_PRICING, { model: "kling-v9", mode: "std", duration: 5, sound: false }),
    ).toBeNull();
  });

  it("converts units to dollars at $0.14", () => {
    expect(unitsToUsd(DEFAULT_PRICING, 3.5)).toBe(0.49);
    expect(unitsToUsd(DEFAULT_PRICING, 10)).toBe(1.4);
  });
});
