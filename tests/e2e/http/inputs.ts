import { randomUUID } from "node:crypto";

// What the studio's forms send to its actions, for the HTTP matrix and fuzz.

/** A generation as Generate submits it (the studio form's fields, a fresh submission key). */
export function generationInput(teamId: string, prompt: string, extra: Record<string, unknown> = {}) {
  return {
    teamId,
    prompt,
    negativePrompt: "",
    model: "kling-v2-5-turbo",
    mode: "std",
    duration: 5,
    aspectRatio: "16:9",
    cfgScale: null,
    camera: null,
    sound: false,
    idempotencyKey: randomUUID(),
    ...extra,
  };
}

/** A comparison as the compare dialog sends it: one prompt on two models, a fresh submission key. */
export function compareInput(teamId: string, prompt: string) {
  const column = (model: string) => {
    const { teamId: _team, idempotencyKey: _key, ...request } = generationInput(teamId, prompt, { model });
    return request;
  };
  return { teamId, columns: [column("kling-v2-5-turbo"), column("kling-v1")], idempotencyKey: randomUUID() };
}
