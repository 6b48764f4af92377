// Comparisons: one prompt on 2–4 models (or one model in Standard and Professional). Client-safe:
// the studio previews each column with the same rules the server applies.
import { z } from "zod";
import {
  costOf,
  draftToRequest,
  findModel,
  fitDraftToModel,
  notSent,
  type StudioDraft,
} from "@/lib/generations/draft";
import { buildGenerationRequestSchema } from "@/lib/generations/request";
import type { Catalog } from "@/lib/kling/catalog";
import { MODE_LABELS, type Mode } from "@/lib/kling/models";
import { shareExpirySchema } from "@/lib/share/share.validation";
import { idSchema } from "@/lib/validation";

export const COMPARE_MIN = 2;
export const COMPARE_MAX = 4;

export interface ComparePick {
  model: string;
  mode: Mode;
}

/** Every model × mode a comparison may use, labelled. */
export function compareOptions(catalog: Catalog): Array<ComparePick & { label: string }> {
  return catalog.models
    .filter((model) => !model.retired)
    .flatMap((model) =>
      (model.acceptsMode ? (["std", "pro"] as const) : (["std"] as const))
        .filter((mode) => model.durations[mode].length > 0)
        .map((mode) => ({
          model: model.id,
          mode,
          label: model.acceptsMode ? `${model.label} · ${MODE_LABELS[mode]}` : model.label,
        })),
    );
}

/**
 * Each column: the closest settings its model accepts, what was dropped or changed (listed before
 * Generate), and its cost.
 */
export function compareColumns(catalog: Catalog, draft: StudioDraft, picks: ComparePick[]) {
  return picks.map((pick) => {
    const fitted = fitDraftToModel(catalog, { ...draft, model: pick.model, mode: pick.mode });
    const changes = notSent(catalog, fitted).map((setting) => `${setting} not sent`);
    if (fitted.duration !== draft.duration)
      changes.push(`duration ${draft.duration} s → ${fitted.duration} s`);
    const model = findModel(catalog, pick.model);
    return {
      pick,
      label: model
        ? model.acceptsMode
          ? `${model.label} · ${MODE_LABELS[fitted.mode]}`
          : model.label
        : pick.model,
      request: draftToRequest(catalog, fitted),
      changes,
      cost: costOf(catalog, fitted),
    };
  });
}

export function buildCompareSchema(catalog: Catalog) {
  return z.object({
    columns: z
      .array(buildGenerationRequestSchema(catalog))
      .min(COMPARE_MIN, { error: `A comparison needs ${COMPARE_MIN} to ${COMPARE_MAX} columns` })
      .max(COMPARE_MAX, { error: `A comparison needs ${COMPARE_MIN} to ${COMPARE_MAX} columns` })
      .superRefine((columns, context) => {
        // One prompt side by side: only the model and what it accepts may differ. (A column whose
        // model cannot take the storyboard sends the plain prompt instead, so columns with shots
        // are not compared by prompt; a dropped negative prompt is a setting, not the prompt.)
        const written = (column: (typeof columns)[number]) => column.shotType === "customize";
        const seen = new Set<string>();
        columns.forEach((column, index) => {
          if (index > 0 && !written(column) && !written(columns[0]) && column.prompt !== columns[0].prompt)
            context.addIssue({
              code: "custom",
              path: [index, "prompt"],
              message: `Column ${index + 1} must have column 1's prompt: a comparison puts one prompt side by side`,
            });
          const key = `${column.model}:${column.mode}`;
          if (seen.has(key))
            context.addIssue({
              code: "custom",
              path: [index, "model"],
              message: `Column ${index + 1} repeats ${column.model} in the same mode; pick another model or mode`,
            });
          seen.add(key);
        });
      }),
    /** One per Generate action: a repeated POST with the same key finds the same comparison. */
    idempotencyKey: z.uuid({ error: "The submission key must be a UUID" }).optional(),
  });
}

export const createCompareShareSchema = z.object({ batchId: idSchema, expiry: shareExpirySchema });
export const revokeCompareShareSchema = z.object({ batchId: idSchema, linkId: idSchema });

/** A compared cell's name: the model's label (from the catalog) and the mode, e.g. "Kling 2.6 · Standard". */
export function compareCellLabel(modelLabels: Record<string, string>, model: string, mode: string) {
  return `${modelLabels[model] ?? model} · ${MODE_LABELS[mode as Mode] ?? mode}`;
}
