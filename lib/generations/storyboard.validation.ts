// Storyboards (Kling 3.0 multi-shot, docs/KLING_API.md §4.1): a shot list in one generation's
// request. Client-safe: the studio's shot editor, the server and the video page's shot list use it.
import { z } from "zod";
import { storableString } from "@/lib/http/text";
import type { ModelCapability } from "@/lib/kling/models";

export const SHOT_TYPES = ["customize", "intelligence"] as const;
export type ShotType = (typeof SHOT_TYPES)[number];
export const SHOTS_MAX = 6;
export const SHOT_PROMPT_MAX = 512;
export const SHOT_MIN_SECONDS = 1;

/** Shot prompts and durations are checked in `storyboardProblems`, so each error names its shot. */
export const shotSchema = z.object({
  prompt: storableString("Shot prompt", { error: "Shot prompt must be text" }).trim(),
  duration: z.number({ error: "Shot duration must be a number of seconds" }),
});
export type Shot = z.infer<typeof shotSchema>;

export const storyboardFields = {
  /** null: an ordinary single-prompt clip. */
  shotType: z
    .enum(SHOT_TYPES, { error: `Storyboard must be one of ${SHOT_TYPES.join(", ")}` })
    .nullable()
    .default(null),
  shots: z.array(shotSchema).default([]),
};

type StoryboardRequest = {
  model: string;
  prompt: string;
  duration: number;
  shotType: ShotType | null;
  shots: Shot[];
};

/** Why a model cannot take a storyboard, or null when it can. */
export function storyboardUnavailable(model: ModelCapability): string | null {
  return model.multiShot ? null : `${model.label} cannot take a storyboard (multi-shot is Kling 3.0 only)`;
}

/** Every storyboard rule the request breaks, with field names like `shots[2].duration`. */
export function storyboardProblems(
  model: ModelCapability,
  request: StoryboardRequest,
): Array<{ field: string; message: string }> {
  const problems: Array<{ field: string; message: string }> = [];
  if (request.shotType === null) {
    if (request.shots.length > 0)
      problems.push({
        field: "shots",
        message: "Shots are only sent with a storyboard; choose a storyboard type",
      });
    return problems;
  }
  const unavailable = storyboardUnavailable(model);
  if (unavailable) return [{ field: "shotType", message: unavailable }];
  if (request.shotType === "intelligence") {
    if (request.shots.length > 0)
      problems.push({
        field: "shots",
        message: `"Let Kling split it" takes one prompt and no shots; got ${request.shots.length} shots`,
      });
    return problems;
  }
  if (request.shots.length < 1 || request.shots.length > SHOTS_MAX) {
    problems.push({
      field: "shots",
      message: `A storyboard has 1 to ${SHOTS_MAX} shots; got ${request.shots.length}`,
    });
    return problems;
  }
  request.shots.forEach((shot, index) => {
    const name = `Shot ${index + 1}`;
    if (!shot.prompt) problems.push({ field: `shots[${index}].prompt`, message: `${name} needs a prompt` });
    else if (shot.prompt.length > SHOT_PROMPT_MAX)
      problems.push({
        field: `shots[${index}].prompt`,
        message: `${name} prompt must be at most ${SHOT_PROMPT_MAX} characters; got ${shot.prompt.length}`,
      });
    if (!Number.isInteger(shot.duration) || shot.duration < SHOT_MIN_SECONDS)
      problems.push({
        field: `shots[${index}].duration`,
        message: `${name} must last whole seconds, at least ${SHOT_MIN_SECONDS} s; got ${shot.duration}`,
      });
  });
  const sum = request.shots.reduce((total, shot) => total + shot.duration, 0);
  if (sum !== request.duration)
    problems.push({
      field: "shots",
      message: `Shot durations must add up to the clip's ${request.duration} s; got ${request.shots.map((shot) => shot.duration).join(" + ")} = ${sum} s`,
    });
  return problems;
}

/** The multi-shot part of Kling's create body (§4.1); with "customize" the prompt is not sent. */
export function storyboardBody(request: StoryboardRequest) {
  if (request.shotType === null) return { prompt: request.prompt };
  if (request.shotType === "intelligence")
    return { prompt: request.prompt, multi_shot: true, shot_type: "intelligence" };
  return {
    multi_shot: true,
    shot_type: "customize",
    multi_prompt: request.shots.map((shot, index) => ({
      index: index + 1,
      prompt: shot.prompt,
      duration: String(shot.duration),
    })),
  };
}

/** What the gallery and search show as the prompt of a written-out storyboard. */
export function storyboardPrompt(request: Pick<StoryboardRequest, "prompt" | "shotType" | "shots">) {
  if (request.shotType !== "customize") return request.prompt;
  return request.shots.map((shot, index) => `Shot ${index + 1}: ${shot.prompt}`).join(" / ");
}

/** Each shot's start and end in seconds, for the timeline and the video page's shot list. */
export function shotTimecodes(shots: Array<{ duration: number }>) {
  let start = 0;
  return shots.map((shot) => {
    const range = { start, end: start + shot.duration };
    start = range.end;
    return range;
  });
}
