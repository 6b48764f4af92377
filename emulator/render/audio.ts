import { createHash } from "node:crypto";

const SEMITONE = 2 ** (1 / 12);

/**
 * An ffmpeg lavfi source for the soundtrack: a soft chord whose root and quality come from the
 * prompt, with a slow swell and short fades, so different prompts sound different.
 */
export function soundtrackSource(prompt: string, durationSec: number): string {
  const digest = createHash("sha256").update(prompt).digest();
  const root = 110 * SEMITONE ** (digest[0] % 12);
  const third = digest[1] % 2 === 0 ? 4 : 3;
  const notes = [root, root * SEMITONE ** third, root * SEMITONE ** 7, root * 2];
  const swell = (0.2 + (digest[2] % 5) * 0.1).toFixed(2);
  const tone = notes.map((f, i) => `${(0.16 - i * 0.025).toFixed(3)}*sin(2*PI*${f.toFixed(2)}*t)`).join("+");
  const fade = `min(1,t/0.25)*min(1,(${durationSec}-t)/0.25)`;
  const left = `(${tone})*(0.75+0.25*sin(2*PI*${swell}*t))*${fade}`;
  const right = `(${tone})*(0.75+0.25*cos(2*PI*${swell}*t))*${fade}`;
  // Single quotes keep the commas inside min() from splitting the filtergraph.
  return `aevalsrc=exprs='${left}|${right}':s=48000:d=${durationSec}`;
}
