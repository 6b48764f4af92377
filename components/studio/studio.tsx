"use client";

import { useCallback, useEffect, useMemo, useRef, useState, useTransition } from "react";
import { toast } from "sonner";
import { useRefreshGenerations } from "@/components/hooks/queries/use-generations-query";
import { CameraControl } from "@/components/studio/camera-control";
import { GenerateBar } from "@/components/studio/generate-bar";
import { ModelSettings } from "@/components/studio/model-settings";
import { PromptEditor } from "@/components/studio/prompt-editor";
import { QueuePanel } from "@/components/studio/queue-panel";
import { StoryboardEditor } from "@/components/studio/storyboard-editor";
import { SaveTemplateButton } from "@/components/templates/save-template-button";
import { TemplatePicker } from "@/components/templates/template-picker";
import { takesLabel } from "@/lib/batches/batches.validation";
import { fieldErrors } from "@/lib/errors";
import { submitGenerationAction } from "@/lib/generations/actions";
import {
  controlAvailability,
  costOf,
  defaultDraft,
  draftToRequest,
  findModel,
  fitDraftToModel,
  notSent,
  type StudioDraft,
  writesShots,
} from "@/lib/generations/draft";
import { buildGenerationRequestSchema } from "@/lib/generations/request";
import { newSubmissionKey } from "@/lib/generations/submission-key";
import type { Catalog } from "@/lib/kling/catalog";

export interface StudioProps {
  catalog: Catalog;
  teamId: string;
  canGenerate: boolean;
  budget: { budget: number | null; used: number; remaining: number | null };
  recentPrompts: string[];
  remix: { parentId: string; draft: StudioDraft; prompt: string } | null;
}

export function Studio({ catalog, teamId, canGenerate, budget, recentPrompts, remix }: StudioProps) {
  const [draft, setDraft, ready] = useStoredDraft(catalog, teamId, remix?.draft ?? null);
  const [parentId, setParentId] = useState<string | null>(remix?.parentId ?? null);
  const [takes, setTakes] = useState(1);
  const [errors, setErrors] = useState<Record<string, string | undefined>>({});
  const [pending, startTransition] = useTransition();
  const refreshGenerations = useRefreshGenerations();
  // One key per Generate action: a double click or a retried request sends the same key, and the
  // server answers with the same generation. A new key once it is queued or the draft changes.
  const submissionKey = useRef<string>("");
  if (!submissionKey.current) submissionKey.current = newSubmissionKey();
  const submitting = useRef(false);

  const update = useCallback(
    (change: Partial<StudioDraft>) => {
      submissionKey.current = newSubmissionKey();
      setDraft((current) => fitDraftToModel(catalog, { ...current, ...change }));
      setErrors((current) => {
        const next = { ...current };
        for (const key of Object.keys(change)) next[key] = undefined;
        if (change.storyboard)
          for (const key of Object.keys(next)) if (key.startsWith("shot")) next[key] = undefined;
        next.form = undefined;
        next.budget = undefined;
        return next;
      });
    },
    [catalog, setDraft],
  );

  // The server's own schema: the form refuses exactly what the server would, with the same message.
  const requestSchema = useMemo(() => buildGenerationRequestSchema(catalog), [catalog]);
  const validation = useMemo(
    () => requestSchema.safeParse(draftToRequest(catalog, draft)),
    [requestSchema, catalog, draft],
  );
  // Nothing is flagged on an empty form; once there is a prompt (or a shot's), every broken rule
  // shows at its field.
  const started = draft.prompt.trim() !== "" || draft.storyboard.shots.some((shot) => shot.prompt.trim());
  const shownErrors = {
    ...(validation.success || !started ? {} : fieldErrors(validation.error)),
    ...Object.fromEntries(Object.entries(errors).filter(([, message]) => message)),
  };

  const availability = controlAvailability(catalog, draft);
  const model = findModel(catalog, draft.model);
  const shotByShot = writesShots(model, draft);
  // One take's price times the takes: the label, the budget check and the server all use the total.
  const perTake = costOf(catalog, draft);
  const cost = perTake && {
    units: Math.round(perTake.units * takes * 100) / 100,
    usd: perTake.usd * takes,
  };
  const dropped = notSent(catalog, draft);
  const overBudget = cost !== null && budget.remaining !== null && cost.units > budget.remaining;
  const blocker = useMemo(() => {
    if (!canGenerate) return "Your role cannot generate videos.";
    if (!validation.success)
      return started ? "Check the highlighted fields" : validation.error.issues[0].message;
    if (cost === null) return "This combination has no known price.";
    if (overBudget)
      return `${takes > 1 ? `${takesLabel(takes)} need` : "Needs"} ${cost.units} units; only ${budget.remaining} of the team's monthly budget remain.`;
    return null;
  }, [canGenerate, validation, started, cost, overBudget, budget.remaining, takes]);

  const generate = () => {
    // `pending` only turns true on the next render; the ref also stops a second click in this one.
    if (blocker || pending || submitting.current) return;
    submitting.current = true;
    startTransition(async () => {
      const result = await submitGenerationAction({
        ...draftToRequest(catalog, draft),
        parentId,
        takes,
        teamId,
        idempotencyKey: submissionKey.current,
      }).finally(() => {
        submitting.current = false;
      });
      if (result.ok) {
        submissionKey.current = newSubmissionKey();
        const queued = result.data.ids.length > 1 ? `Queued ${takesLabel(result.data.ids.length)}` : "Queued";
        toast.success(`${queued} · ${result.data.estimatedUnits} units`);
        setErrors({});
        setParentId(null);
        await refreshGenerations();
      } else {
        // "shots[2].duration" is shown at that shot; "camera.config.zoom" beside its control ("camera").
        const field = result.field ?? "form";
        setErrors({ [field.includes("[") ? field : field.split(".")[0]]: result.error });
        toast.error(result.error);
      }
    });
  };

  return (
    <div className="grid gap-8 lg:grid-cols-[minmax(0,1fr)_380px]">
      <form
        aria-label="Generate a video"
        // Our messages name the field and the rule (the server's schema); the browser's bubbles would
        // stop the request before the server could say which shot is wrong.
        noValidate
        data-ready={ready || undefined}
        onSubmit={(event) => {
          event.preventDefault();
          generate();
        }}
        onKeyDown={(event) => {
          if (event.key === "Enter" && (event.metaKey || event.ctrlKey)) {
            event.preventDefault();
            generate();
          }
        }}
        className="space-y-6"
      >
        {remix && parentId && (
          <p className="rounded-md border border-accent/40 bg-accent/10 px-3 py-2 text-sm">
            Remixing “{remix.prompt.slice(0, 80)}”: the new video will be linked to it.{" "}
            <button type="button" className="underline" onClick={() => setParentId(null)}>
              Unlink
            </button>
          </p>
        )}
        <div className="flex flex-wrap gap-2">
          {/* While each shot is written, the main prompt is hidden and unused. A template is one
              prompt for the whole clip (up to 2500 characters; a shot takes 512) with a negative
              prompt for the whole clip, so it fills the prompt and switches the storyboard off
              rather than overwriting shot 1 and leaving the other shots describing another clip.
              The shots are kept: switching the storyboard back on restores them. */}
          <TemplatePicker
            onFill={(prompt, negativePrompt) => {
              update({
                prompt,
                negativePrompt,
                ...(shotByShot ? { storyboard: { ...draft.storyboard, enabled: false } } : {}),
              });
              if (shotByShot)
                toast.info("Storyboard switched off: the template fills the prompt. Your shots are kept.");
            }}
          />
          {canGenerate && (
            <SaveTemplateButton
              prompt={draft.prompt}
              negativePrompt={draft.negativePrompt}
              disabledReason={
                shotByShot ? "Templates hold one prompt; switch the storyboard off to save one" : null
              }
            />
          )}
        </div>
        <PromptEditor
          promptHidden={shotByShot}
          prompt={draft.prompt}
          negativePrompt={draft.negativePrompt}
          negativeAvailability={availability.negativePrompt}
          recentPrompts={recentPrompts}
          errors={shownErrors}
          onPrompt={(prompt) => update({ prompt })}
          onNegativePrompt={(negativePrompt) => update({ negativePrompt })}
        />
        <StoryboardEditor
          storyboard={draft.storyboard}
          availability={availability.storyboard}
          prompt={draft.prompt}
          duration={draft.duration}
          totalHint={model ? `${model.label} takes ${durationRange(model.durations[draft.mode])}` : ""}
          errors={shownErrors}
          onChange={(storyboard) => update({ storyboard })}
        />
        <div className="grid gap-6 xl:grid-cols-2">
          <ModelSettings
            catalog={catalog}
            draft={draft}
            availability={availability}
            errors={shownErrors}
            onChange={update}
          />
          <div className="space-y-2">
            <CameraControl
              draft={draft}
              availability={availability.camera}
              onChange={(next) => update({ camera: next.camera })}
            />
            {shownErrors.camera && <p className="text-xs text-danger">{shownErrors.camera}</p>}
          </div>
        </div>

        <GenerateBar
          catalog={catalog}
          draft={draft}
          budget={budget}
          cost={cost}
          perTake={perTake}
          takes={takes}
          dropped={dropped}
          blocker={blocker}
          pending={pending}
          errors={errors}
          compareDisabledReason={
            !canGenerate ? "Your role cannot generate videos." : !started ? "Write a prompt first." : null
          }
          onTakes={(value) => {
            setTakes(value);
            setErrors((current) => ({ ...current, takes: undefined, budget: undefined, form: undefined }));
          }}
        />
      </form>
      <QueuePanel catalog={catalog} canRetry={canGenerate} />
    </div>
  );
}

function durationRange(durations: number[]) {
  return durations.length > 2 ? `${durations[0]}–${durations.at(-1)} s` : `${durations.join(" or ")} s`;
}

/** The editor's draft, kept in localStorage per team so it survives a reload; a remix link wins. */
function useStoredDraft(catalog: Catalog, teamId: string, remixDraft: StudioDraft | null) {
  const storageKey = `kling-studio:draft:${teamId}`;
  const [draft, setDraft] = useState<StudioDraft>(() => remixDraft ?? defaultDraft(catalog));
  const [ready, setReady] = useState(false);
  useEffect(() => {
    if (!remixDraft) {
      try {
        const saved = localStorage.getItem(storageKey);
        if (saved) setDraft(fitDraftToModel(catalog, { ...defaultDraft(catalog), ...JSON.parse(saved) }));
      } catch {
        localStorage.removeItem(storageKey);
      }
    }
    setReady(true);
  }, [catalog, remixDraft, storageKey]);
  useEffect(() => {
    if (ready) localStorage.setItem(storageKey, JSON.stringify(draft));
  }, [draft, ready, storageKey]);
  return [draft, setDraft, ready] as const;
}
