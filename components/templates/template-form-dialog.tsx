"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useId, useState, useTransition } from "react";
import { toast } from "sonner";
import { TEMPLATES_QUERY_KEY } from "@/components/hooks/queries/use-templates-query";
import { useTeamScope } from "@/components/team-scope";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { fieldErrors } from "@/lib/errors";
import { createTemplateAction, updateTemplateAction } from "@/lib/templates/actions";
import { ownValue, templateInputSchema, templateVariables } from "@/lib/templates/templates.validation";

export interface TemplateDraft {
  name: string;
  prompt: string;
  negativePrompt: string;
  defaults: Record<string, string>;
}

/** "Save as template" (no templateId) or "Edit template": name, prompt with {variables}, defaults. */
export function TemplateFormDialog({
  open,
  onOpenChange,
  initial,
  templateId,
}: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  initial: TemplateDraft;
  templateId?: string;
}) {
  return (
    <Dialog
      open={open}
      onOpenChange={onOpenChange}
      title={templateId ? "Edit template" : "Save as template"}
      description="Write {name} in the prompt for a part people fill in when they use it, e.g. {subject} or {place}."
    >
      {/* Mounted only while open, so each opening starts from `initial`. */}
      <TemplateForm initial={initial} templateId={templateId} onDone={() => onOpenChange(false)} />
    </Dialog>
  );
}

function TemplateForm({
  initial,
  templateId,
  onDone,
}: {
  initial: TemplateDraft;
  templateId?: string;
  onDone: () => void;
}) {
  const [draft, setDraft] = useState(initial);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [pending, startTransition] = useTransition();
  const queryClient = useQueryClient();
  const id = useId();
  const variables = templateVariables(draft.prompt, draft.negativePrompt);
  const { teamId } = useTeamScope();
  const change = (next: Partial<TemplateDraft>) => {
    setDraft((current) => ({ ...current, ...next }));
    setErrors({});
  };

  const save = () => {
    const parsed = templateInputSchema.safeParse(draft);
    if (!parsed.success) return setErrors(fieldErrors(parsed.error));
    startTransition(async () => {
      const result = templateId
        ? await updateTemplateAction({ templateId, ...draft, teamId })
        : await createTemplateAction({ ...draft, teamId });
      if (!result.ok) {
        setErrors({ [result.field ?? "form"]: result.error });
        return;
      }
      toast.success(templateId ? "Template saved" : `Saved “${parsed.data.name}” to the team's templates`);
      await queryClient.invalidateQueries({ queryKey: TEMPLATES_QUERY_KEY });
      onDone();
    });
  };

  return (
    <form
      aria-label={templateId ? "Edit template" : "Save as template"}
      noValidate
      className="space-y-4"
      onSubmit={(event) => {
        event.preventDefault();
        save();
      }}
    >
      <Field id={`${id}-name`} label="Template name" error={errors.name}>
        <input
          id={`${id}-name`}
          value={draft.name}
          onChange={(event) => change({ name: event.target.value })}
          aria-invalid={errors.name ? true : undefined}
          aria-describedby={errors.name ? `${id}-name-error` : undefined}
          className="w-full rounded-md border border-line bg-surface px-3 py-2 text-sm"
        />
      </Field>
      <Field id={`${id}-prompt`} label="Template prompt" error={errors.prompt}>
        <textarea
          id={`${id}-prompt`}
          value={draft.prompt}
          rows={4}
          onChange={(event) => change({ prompt: event.target.value })}
          aria-invalid={errors.prompt ? true : undefined}
          aria-describedby={errors.prompt ? `${id}-prompt-error` : undefined}
          className="w-full rounded-md border border-line bg-surface px-3 py-2 text-sm"
        />
      </Field>
      <Field id={`${id}-negative`} label="Template negative prompt" error={errors.negativePrompt}>
        <input
          id={`${id}-negative`}
          value={draft.negativePrompt}
          onChange={(event) => change({ negativePrompt: event.target.value })}
          aria-invalid={errors.negativePrompt ? true : undefined}
          aria-describedby={errors.negativePrompt ? `${id}-negative-error` : undefined}
          className="w-full rounded-md border border-line bg-surface px-3 py-2 text-sm"
        />
      </Field>
      <fieldset className="space-y-2">
        <legend className="text-sm font-medium">Variables and their defaults</legend>
        {variables.length === 0 ? (
          <p className="text-xs text-muted">No {"{variables}"} in the prompt or negative prompt yet.</p>
        ) : (
          variables.map((name) => {
            const error = ownValue(errors, `defaults.${name}`);
            return (
              <Field key={name} id={`${id}-default-${name}`} label={`Default for {${name}}`} error={error}>
                <input
                  id={`${id}-default-${name}`}
                  value={ownValue(draft.defaults, name) ?? ""}
                  placeholder="optional"
                  onChange={(event) =>
                    change({ defaults: { ...draft.defaults, [name]: event.target.value } })
                  }
                  aria-invalid={error ? true : undefined}
                  aria-describedby={error ? `${id}-default-${name}-error` : undefined}
                  className="w-full rounded-md border border-line bg-surface px-3 py-2 text-sm"
                />
              </Field>
            );
          })
        )}
      </fieldset>
      {errors.form && (
        <p role="alert" className="text-sm text-danger">
          {errors.form}
        </p>
      )}
      <div className="flex justify-end gap-2">
        <Button variant="secondary" onClick={onDone}>
          Cancel
        </Button>
        <Button type="submit" disabled={pending}>
          {pending ? "Saving…" : "Save template"}
        </Button>
      </div>
    </form>
  );
}

export function Field({
  id,
  label,
  error,
  children,
}: {
  id: string;
  label: string;
  error?: string;
  children: React.ReactNode;
}) {
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-sm font-medium">
        {label}
      </label>
      {children}
      {error && (
        <p id={`${id}-error`} className="text-xs text-danger">
          {error}
        </p>
      )}
    </div>
  );
}
