import type { Mode } from "./models";

// Units per task (KLING_API.md §10.2 per-clip table and §10.3 per-second Kling 3.0 rates). The
// emulator owns this table so a pricing mistake in lib/ cannot hide behind a shared constant.

const PER_CLIP_UNITS: Readonly<Record<string, Partial<Record<Mode, { 5: number; 10: number }>>>> = {
  "kling-v1": { std: { 5: 1, 10: 2 }, pro: { 5: 3.5, 10: 7 } },
  "kling-v1-6": { std: { 5: 2, 10: 4 }, pro: { 5: 3.5, 10: 7 } },
  "kling-v2-master": { std: { 5: 10, 10: 20 } },
  "kling-v2-1-master": { std: { 5: 10, 10: 20 } },
  "kling-v2-5-turbo": { std: { 5: 1.5, 10: 3 }, pro: { 5: 2.5, 10: 5 } },
  "kling-v2-6": { std: { 5: 1.5, 10: 3 }, pro: { 5: 2.5, 10: 5 } },
};

/** kling-v2-6 with native audio exists only in pro mode: 1.0 U/s at 1080p. */
const V2_6_AUDIO_PRO = { 5: 5, 10: 10 } as const;

/** kling-v3 units per second (720p = std, 1080p = pro). */
const V3_UNITS_PER_SECOND: Readonly<Record<Mode, { silent: number; audio: number }>> = {
  std: { silent: 0.6, audio: 0.9 },
  pro: { silent: 0.8, audio: 1.2 },
  "4k": { silent: 3.0, audio: 3.0 },
};

export interface PricedTask {
  modelName: string;
  mode: Mode;
  durationSec: number;
  sound: boolean;
}

export function unitsFor(task: PricedTask): number {
  if (task.modelName === "kling-v3") {
    const rate = V3_UNITS_PER_SECOND[task.mode];
    return roundUnits((task.sound ? rate.audio : rate.silent) * task.durationSec);
  }
  if (task.modelName === "kling-v2-6" && task.sound) return clipPrice(V2_6_AUDIO_PRO, task);
  const byMode = PER_CLIP_UNITS[task.modelName];
  if (!byMode) throw new Error(`pricing: no price for model_name '${task.modelName}'`);
  // Master models have no mode; their single row is stored under "std".
  const prices = byMode[task.mode] ?? byMode.std;
  if (!prices) throw new Error(`pricing: no price for ${task.modelName} mode ${task.mode}`);
  return clipPrice(prices, task);
}

/** final_unit_deduction is a string; integers print without a decimal point ("5", "3.5", "2.4"). */
export function formatUnits(units: number): string {
  return String(roundUnits(units));
}

function clipPrice(prices: { 5: number; 10: number }, task: PricedTask): number {
  if (task.durationSec !== 5 && task.durationSec !== 10) {
    throw new Error(`pricing: ${task.modelName} is priced for 5 or 10 s; got ${task.durationSec}`);
  }
  return prices[task.durationSec];
}

function roundUnits(units: number): number {
  return Math.round(units * 100) / 100;
}
