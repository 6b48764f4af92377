// One zod schema for a generation request, built from the catalog. The studio form, the server
// action and the Kling client all use it, so an unsupported combination is refused everywhere with
// the same message naming the rule.
import { z } from "zod";
import { takesSchema } from "@/lib/batches/batches.validation";
import {
  storyboardBody,
  storyboardFields,
  storyboardProblems,
} from "@/lib/generations/storyboard.validation";
import { storableString } from "@/lib/http/text";
import type { Catalog } from "@/lib/kling/catalog";
import {
  ASPECT_RATIOS,
  CAMERA_AXES,
  CAMERA_TYPES,
  type CameraAxis,
  describeGate,
  gateAllows,
  MODE_LABELS,
  MODES,
  type ModelCapability,
  ZERO_CAMERA,
} from "@/lib/kling/models";
import { estimateUnits } from "@/lib/kling/pricing";

export const PROMPT_MAX = 2500;

const axisSchema = z
  .number({ error: "must be a number" })
  .min(-10, { error: "must be ≥ -10" })
  .max(10, { error: "must be ≤ 10" });

export const cameraSchema = z.object({
  type: z.enum(CAMERA_TYPES, { error: `Camera movement must be one of ${CAMERA_TYPES.join(", ")}` }),
  config: z
    .object(
      Object.fromEntries(CAMERA_AXES.map((axis) => [axis, axisSchema])) as Record<
        CameraAxis,
        typeof axisSchema
      >,
    )
    .optional(),
});
export type CameraControl = z.infer<typeof cameraSchema>;

const baseRequestSchema = z.object({
  // Required unless a storyboard writes out its shots (then Kling takes no prompt): see superRefine.
  prompt: storableString("Prompt", { error: "Prompt is required" })
    .trim()
    .max(PROMPT_MAX, {
      error: (issue) => `Prompt must be at most ${PROMPT_MAX} characters; got ${String(issue.input).length}`,
    }),
  negativePrompt: storableString("Negative prompt")
    .trim()
    .max(PROMPT_MAX, { error: `Negative prompt must be at most ${PROMPT_MAX} characters` })
    .default(""),
  model: z.string({ error: "Model is required" }).min(1, { error: "Model is required" }),
  mode: z.enum(MODES, { error: "Mode must be std (Standard) or pro (Professional)" }),
  duration: z
    .number({ error: "Duration must be a number of seconds" })
    .int({ error: "Duration must be whole seconds" }),
  aspectRatio: z.enum(ASPECT_RATIOS, { error: `Aspect ratio must be one of ${ASPECT_RATIOS.join(", ")}` }),
  cfgScale: z
    .number()
    .min(0, { error: "CFG scale must be between 0 and 1" })
    .max(1, { error: "CFG scale must be between 0 and 1" })
    .nullable()
    .default(null),
  camera: cameraSchema.nullable().default(null),
  sound: z.boolean().default(false),
  ...storyboardFields,
});

export type GenerationRequest = z.infer<typeof baseRequestSchema>;
export type GenerationRequestInput = z.input<typeof baseRequestSchema>;

export function buildGenerationRequestSchema(catalog: Catalog) {
  return baseRequestSchema.superRefine((request, context) => {
    const problem = (path: string, message: string) =>
      context.addIssue({ code: "custom", path: fieldPath(path), message });
    if (!request.prompt && request.shotType !== "customize") problem("prompt", "Prompt is required");
    const model = catalog.models.find((candidate) => candidate.id === request.model);
    if (!model)
      return problem(
        "model",
        `Model ${request.model} is not offered; choose one of ${availableModels(catalog).join(", ")}`,
      );
    if (model.retired)
      return problem("model", `Model ${model.id} has been retired by Kling; choose another model`);
    for (const issue of capabilityProblems(model, request)) problem(issue.field, issue.message);
    for (const issue of storyboardProblems(model, request)) problem(issue.field, issue.message);
    if (estimateUnits(catalog.pricing, request) === null) {
      problem(
        "duration",
        `No price is known for ${model.id} ${request.mode} ${request.duration} s${request.sound ? " with audio" : ""}`,
      );
    }
  });
}

/** What the studio's Generate sends: the request, and the generation it remixes (if any). */
export function buildSubmitGenerationSchema(catalog: Catalog) {
  return z
    .object({
      parentId: z.string().min(1, { error: "Unknown generation to remix" }).nullish(),
      takes: takesSchema.default(1),
      /** One per Generate action: a repeated POST with the same key finds the same generation(s). */
      idempotencyKey: z.uuid({ error: "The submission key must be a UUID" }).optional(),
    })
    .and(buildGenerationRequestSchema(catalog));
}

/**
 * A request as stored on a generation row (`generation.request`, JSON written by submitGeneration),
 * read back: the one way to get it, never a cast. The stored value passed this schema when it was
 * written; a row from an older shape fails loudly here instead of deep in the Kling client.
 */
export function parseStoredRequest(value: unknown): GenerationRequest {
  const parsed = baseRequestSchema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(
      `Stored generation request is invalid at ${issue.path.join(".") || "(root)"}: ${issue.message}`,
    );
  }
  return parsed.data;
}

/** Every rule of the capability matrix the request breaks, each naming the field, value and rule. */
export function capabilityProblems(
  model: ModelCapability,
  request: Pick<GenerationRequest, "mode" | "duration" | "negativePrompt" | "cfgScale" | "camera" | "sound">,
): Array<{ field: keyof GenerationRequest; message: string }> {
  const problems: Array<{ field: keyof GenerationRequest; message: string }> = [];
  if (!model.acceptsMode && request.mode !== "std") {
    problems.push({
      field: "mode",
      message: `${model.label} takes no mode choice; got ${MODE_LABELS[request.mode]}`,
    });
  }
  const durations = model.durations[request.mode];
  if (!durations.includes(request.duration)) {
    problems.push({
      field: "duration",
      message: `${model.label} ${MODE_LABELS[request.mode]} supports ${formatDurations(durations)}; got ${request.duration} s`,
    });
  }
  if (request.negativePrompt && !model.negativePrompt) {
    problems.push({ field: "negativePrompt", message: `${model.label} does not take a negative prompt` });
  }
  if (request.cfgScale !== null && !model.cfgScale) {
    problems.push({
      field: "cfgScale",
      message: `${model.label} does not take a CFG scale; got ${request.cfgScale}`,
    });
  }
  if (request.sound && !gateAllows(model.sound, request.mode, request.duration)) {
    problems.push({
      field: "sound",
      message: `Native audio on ${model.label}: ${describeGate(model.sound)}`,
    });
  }
  if (request.camera) {
    if (!gateAllows(model.cameraControl, request.mode, request.duration)) {
      problems.push({
        field: "camera",
        message: `Camera movement on ${model.label}: ${describeGate(model.cameraControl)}`,
      });
    }
    const cameraProblem = cameraConfigProblem(request.camera);
    if (cameraProblem) problems.push({ field: "camera", message: cameraProblem });
  }
  return problems;
}

/** Kling's rule: "simple" needs exactly one non-zero axis; the preset moves take no config. */
export function cameraConfigProblem(camera: CameraControl): string | null {
  if (camera.type !== "simple") {
    return camera.config && Object.values(camera.config).some((value) => value !== 0)
      ? `Camera movement ${camera.type} is a preset and takes no axis values`
      : null;
  }
  const nonZero = CAMERA_AXES.filter((axis) => (camera.config?.[axis] ?? 0) !== 0);
  if (nonZero.length === 1) return null;
  if (nonZero.length === 0) return "Camera movement simple needs exactly one non-zero axis; all are 0";
  const listed = nonZero.map((axis) => `${axis}=${camera.config?.[axis]}`).join(" and ");
  return `Camera movement simple needs exactly one non-zero axis; got ${listed}`;
}

/** "shots[2].duration" -> ["shots", 2, "duration"], so zod reports it as the same path. */
function fieldPath(field: string): PropertyKey[] {
  return field
    .split(/\.|\[(\d+)\]/)
    .filter(Boolean)
    .map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}

export function availableModels(catalog: Catalog) {
  return catalog.models.filter((model) => !model.retired).map((model) => model.id);
}

function formatDurations(durations: number[]) {
  if (durations.length === 0) return "no durations";
  const contiguous =
    durations.length > 2 &&
    durations.every((value, index) => index === 0 || value === durations[index - 1] + 1);
  return contiguous ? `${durations[0]}–${durations.at(-1)} s` : `${durations.join(" or ")} s`;
}

/** The legacy text-to-video body (docs/KLING_API.md §4.1) for a validated request. */
export function toKlingCreateBody(
  catalog: Catalog,
  request: GenerationRequest,
  options: { externalTaskId: string; callbackUrl?: string },
) {
  const model = catalog.models.find((candidate) => candidate.id === request.model);
  if (!model) throw new Error(`unknown model ${request.model}`);
  return {
    model_name: model.id,
    ...storyboardBody(request),
    ...(request.negativePrompt ? { negative_prompt: request.negativePrompt } : {}),
    ...(request.cfgScale !== null && model.cfgScale ? { cfg_scale: request.cfgScale } : {}),
    ...(model.acceptsMode ? { mode: request.mode } : {}),
    aspect_ratio: request.aspectRatio,
    duration: String(request.duration),
    ...(model.sound ? { sound: request.sound ? "on" : "off" } : {}),
    ...(request.camera
      ? {
          camera_control:
            request.camera.type === "simple"
              ? { type: "simple", config: { ...ZERO_CAMERA, ...request.camera.config } }
              : { type: request.camera.type },
        }
      : {}),
    external_task_id: options.externalTaskId,
    ...(options.callbackUrl ? { callback_url: options.callbackUrl } : {}),
  };
}
