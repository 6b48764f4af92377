import { describe, expect, it } from "vitest";
import { findTextToVideoModel, frameSize, TEXT_TO_VIDEO_MODELS } from "./models";
import { formatUnits, unitsFor } from "./pricing";

describe("pricing (KLING_API.md §10.2, §10.3)", () => {
  it.each([
    ["kling-v1", "std", 5, false, "1"],
    ["kling-v1", "pro", 10, false, "7"],
    ["kling-v1-6", "std", 10, false, "4"],
    ["kling-v1-6", "pro", 5, false, "3.5"],
    ["kling-v2-master", "std", 5, false, "10"],
    ["kling-v2-1-master", "std", 10, false, "20"],
    ["kling-v2-5-turbo", "std", 5, false, "1.5"],
    ["kling-v2-5-turbo", "pro", 10, false, "5"],
    ["kling-v2-6", "std", 10, false, "3"],
    ["kling-v2-6", "pro", 5, false, "2.5"],
    ["kling-v2-6", "pro", 5, true, "5"],
    ["kling-v2-6", "pro", 10, true, "10"],
    ["kling-v3", "std", 5, false, "3"],
    ["kling-v3", "pro", 3, false, "2.4"],
    ["kling-v3", "std", 10, true, "9"],
    ["kling-v3", "pro", 15, true, "18"],
    ["kling-v3", "4k", 5, false, "15"],
  ] as const)("%s %s %i s sound=%s costs %s units", (modelName, mode, durationSec, sound, units) => {
    expect(formatUnits(unitsFor({ modelName, mode, durationSec, sound }))).toBe(units);
  });

  it("refuses to price what the table does not cover, naming it", () => {
    expect(() => unitsFor({ modelName: "kling-v1-5", mode: "std", durationSec: 5, sound: false })).toThrow(
      "pricing: no price for model_name 'kling-v1-5'",
    );
    expect(() => unitsFor({ modelName: "kling-v1", mode: "std", durationSec: 7, sound: false })).toThrow(
      "pricing: kling-v1 is priced for 5 or 10 s; got 7",
    );
  });

  it("has a price for every model, mode and duration the capability matrix accepts", () => {
    for (const model of TEXT_TO_VIDEO_MODELS) {
      for (const mode of model.modes) {
        for (const durationSec of model.durations) {
          expect(unitsFor({ modelName: model.name, mode, durationSec, sound: false })).toBeGreaterThan(0);
        }
      }
    }
  });
});

describe("frame sizes (capability matrix resolutions)", () => {
  const model = (name: string) => {
    const found = findTextToVideoModel(name);
    if (!found) throw new Error(name);
    return found;
  };

  it.each([
    ["kling-v2-6", "std", "16:9", "full", 1280, 720],
    ["kling-v2-6", "pro", "16:9", "full", 1920, 1080],
    ["kling-v2-6", "pro", "9:16", "full", 1080, 1920],
    ["kling-v2-6", "std", "1:1", "full", 720, 720],
    ["kling-v3", "4k", "16:9", "full", 3840, 2160],
    ["kling-v1", "pro", "16:9", "full", 1280, 720],
    ["kling-v2-1-master", "std", "16:9", "full", 1920, 1080],
    ["kling-v2-6", "std", "16:9", "small", 320, 180],
    ["kling-v2-6", "pro", "9:16", "small", 270, 480],
    ["kling-v2-6", "pro", "1:1", "small", 270, 270],
  ] as const)("%s %s %s %s -> %ix%i", (name, mode, ratio, size, width, height) => {
    expect(frameSize(model(name), mode, ratio, size)).toEqual({ width, height });
  });
});
