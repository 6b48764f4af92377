import { invalidParameter } from "./errors";
import {
  characterCount,
  describeValue,
  isPlainObject,
  parseSeconds,
  rejectField,
} from "./validation-helpers";

export interface Shot {
  index: number;
  prompt: string;
  durationSec: number;
}

export interface MultiShot {
  shotType: "customize" | "intelligence";
  /** Empty for "intelligence": the model splits the prompt itself. */
  shots: Shot[];
}

const SHOT_PROMPT_MAX = 512;
const MAX_SHOTS = 6;

/** Returns null when multi_shot is off; shot_type and multi_prompt are then ignored ("invalid"). */
export function parseMultiShot(body: Record<string, unknown>): MultiShot | null {
  const enabled = body.multi_shot;
  if (enabled === undefined || enabled === null || enabled === false) return null;
  if (enabled !== true) throw rejectField("multi_shot", "be a boolean", enabled);
  const shotType = body.shot_type;
  if (shotType !== "customize" && shotType !== "intelligence") {
    throw rejectField("shot_type", 'be "customize" or "intelligence" when multi_shot is true', shotType);
  }
  if (shotType === "intelligence") return { shotType, shots: [] };
  return { shotType, shots: parseShots(body.multi_prompt) };
}

/** Shot durations are checked against the total once the total is known. */
export function checkShotDurations(multiShot: MultiShot, totalSec: number): void {
  if (multiShot.shotType !== "customize") return;
  let sum = 0;
  for (const [position, shot] of multiShot.shots.entries()) {
    if (shot.durationSec < 1 || shot.durationSec > totalSec) {
      throw invalidParameter(
        `multi_prompt[${position}].duration must be between 1 and the total duration ${totalSec}; got "${shot.durationSec}"`,
      );
    }
    sum += shot.durationSec;
  }
  if (sum !== totalSec) {
    throw invalidParameter(
      `multi_prompt durations must add up to duration "${totalSec}"; got ${multiShot.shots.map((s) => s.durationSec).join(" + ")} = ${sum}`,
    );
  }
}

function parseShots(value: unknown): Shot[] {
  if (!Array.isArray(value) || value.length < 1 || value.length > MAX_SHOTS) {
    throw rejectField(
      "multi_prompt",
      `be an array of 1 to ${MAX_SHOTS} shots when shot_type is "customize"`,
      value,
    );
  }
  return value.map((raw, position) => {
    const field = `multi_prompt[${position}]`;
    if (!isPlainObject(raw)) throw rejectField(field, "be an object {index, prompt, duration}", raw);
    if (typeof raw.index !== "number" || !Number.isInteger(raw.index)) {
      throw rejectField(`${field}.index`, "be an integer", raw.index);
    }
    if (typeof raw.prompt !== "string" || raw.prompt.trim() === "") {
      throw rejectField(`${field}.prompt`, "be a non-empty string", raw.prompt);
    }
    const count = characterCount(raw.prompt);
    if (count > SHOT_PROMPT_MAX) {
      throw invalidParameter(
        `${field}.prompt must be at most ${SHOT_PROMPT_MAX} characters; got ${count} characters (${describeValue(raw.prompt)})`,
      );
    }
    return {
      index: raw.index,
      prompt: raw.prompt,
      durationSec: parseSeconds(`${field}.duration`, raw.duration),
    };
  });
}
