import { describe, expect, it } from "vitest";
import {
  controlAvailability,
  costOf,
  defaultDraft,
  draftToRequest,
  fitDraftToModel,
  notSent,
  type StudioDraft,
  setCameraAxis,
} from "@/lib/generations/draft";
import { buildGenerationRequestSchema } from "@/lib/generations/request";
import { DEFAULT_CATALOG } from "@/lib/kling/catalog";
import { MODES } from "@/lib/kling/models";
import { estimateUnits } from "@/lib/kling/pricing";

const catalog = DEFAULT_CATALOG;
const schema = buildGenerationRequestSchema(catalog);
const draft = (change: Partial<StudioDraft>): StudioDraft =>
  fitDraftToModel(catalog, { ...defaultDraft(catalog), prompt: "A kite over dunes", ...change });

describe("studio draft", () => {
  it("shows, for every model x mode x duration x audio, exactly the pricing table's cost, and the request it builds is valid", () => {
    let checked = 0;
    for (const model of catalog.models) {
      for (const mode of MODES) {
        for (const duration of model.durations[mode]) {
          for (const sound of [false, true]) {
            const state = draft({ model: model.id, mode, duration, sound });
            if (state.mode !== mode) continue; // mode-less models
            const available = controlAvailability(catalog, state);
            const sentSound = sound && available.sound.enabled;
            const expected = estimateUnits(catalog.pricing, {
              model: model.id,
              mode,
              duration,
              sound: sentSound,
            });
            expect(costOf(catalog, state)?.units, `${model.id} ${mode} ${duration} ${sound}`).toBe(expected);
            expect(costOf(catalog, state)?.usd).toBe(Math.round((expected ?? 0) * 0.14 * 100) / 100);
            expect(
              schema.safeParse(draftToRequest(catalog, state)).success,
              `${model.id} ${mode} ${duration} ${sound}`,
            ).toBe(true);
            checked++;
          }
        }
      }
    }
    expect(checked).toBe(92); // every combination of the default catalog, audio on and off
  });

  it("keeps settings that still fit when switching model, and lists what will not be sent", () => {
    const v1 = setCameraAxis(draft({ model: "kling-v1", negativePrompt: "blurry" }), "zoom", 5);
    expect(draftToRequest(catalog, v1).camera).toEqual({
      type: "simple",
      config: { horizontal: 0, vertical: 0, pan: 0, tilt: 0, roll: 0, zoom: 5 },
    });
    const switched = fitDraftToModel(catalog, { ...v1, model: "kling-v2-6" });
    expect(switched.camera.config.zoom).toBe(5); // kept, shown disabled
    expect(switched.negativePrompt).toBe("blurry");
    expect(draftToRequest(catalog, switched).camera).toBeNull();
    expect(notSent(catalog, switched)).toEqual(["camera movement"]);
    // A CFG scale the person set is listed too; Kling's default is not a setting they made.
    expect(notSent(catalog, { ...switched, cfgScale: 0.8 })).toEqual(["camera movement", "CFG scale"]);
    expect(controlAvailability(catalog, switched).camera).toEqual({
      enabled: false,
      reason: "Kling 2.6 has no camera control",
    });
  });

  it("adjusts mode and duration only when the new model cannot take them", () => {
    const pro10 = draft({ model: "kling-v2-5-turbo", mode: "pro", duration: 10 });
    expect(fitDraftToModel(catalog, { ...pro10, model: "kling-v2-master" })).toMatchObject({
      mode: "std",
      duration: 10,
    });
    expect(fitDraftToModel(catalog, { ...pro10, model: "kling-v3" })).toMatchObject({
      mode: "pro",
      duration: 10,
    });
    const v3 = draft({ model: "kling-v3", duration: 12 });
    expect(fitDraftToModel(catalog, { ...v3, model: "kling-v2-6" }).duration).toBe(10);
  });

  it("gates audio and camera by mode and duration with a reason", () => {
    expect(controlAvailability(catalog, draft({ model: "kling-v2-6", mode: "std" })).sound).toEqual({
      enabled: false,
      reason: "Kling 2.6: Professional mode only",
    });
    expect(controlAvailability(catalog, draft({ model: "kling-v2-6", mode: "pro" })).sound.enabled).toBe(
      true,
    );
    expect(controlAvailability(catalog, draft({ model: "kling-v1", duration: 10 })).camera).toEqual({
      enabled: false,
      reason: "Kling 1.0: Standard mode, 5 s only",
    });
  });

  it("moves one camera axis at a time in simple mode", () => {
    const panned = setCameraAxis(draft({ model: "kling-v1" }), "pan", -3);
    const tilted = setCameraAxis(panned, "tilt", 2);
    expect(tilted.camera).toEqual({
      type: "simple",
      config: { horizontal: 0, vertical: 0, pan: 0, tilt: 2, roll: 0, zoom: 0 },
    });
  });
});
