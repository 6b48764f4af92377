"use client";

import { useId, useState, useTransition } from "react";
import { useTeamScope } from "@/components/team-scope";
import { Field } from "@/components/templates/template-form-dialog";
import { Button } from "@/components/ui/button";
import { fieldErrors } from "@/lib/errors";
import { recordTemplateUseAction } from "@/lib/templates/actions";
import type { TemplateSummary } from "@/lib/templates/templates";
import {
  fillTemplate,
  fillValuesSchema,
  ownValue,
  templateVariables,
} from "@/lib/templates/templates.validation";

/**
 * Asks for each {variable} of the prompt and the negative prompt (once each, prefilled with its
 * default) and hands back both, filled.
 */
export function FillTemplateForm({
  template,
  onBack,
  onFilled,
}: {
  template: TemplateSummary;
  onBack: () => void;
  onFilled: (prompt: string, negativePrompt: string) => void;
}) {
  const variables = templateVariables(template.prompt, template.negativePrompt);
  const [values, setValues] = useState<Record<string, string>>(() =>
    Object.fromEntries(variables.map((name) => [name, ownValue(template.defaults, name) ?? ""])),
  );
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [pending, startTransition] = useTransition();
  const id = useId();
  const { teamId } = useTeamScope();

  const fill = () => {
    const parsed = fillValuesSchema(template).safeParse(values);
    if (!parsed.success) return setErrors(fieldErrors(parsed.error));
    startTransition(async () => {
      const result = await recordTemplateUseAction({ templateId: template.id, teamId });
      if (!result.ok) return setErrors({ form: result.error });
      const filled = parsed.data as Record<string, string>;
      onFilled(fillTemplate(template.prompt, filled), fillTemplate(template.negativePrompt, filled));
    });
  };

  return (
    <form
      aria-label="Fill in the variables"
      noValidate
      className="space-y-3"
      onSubmit={(event) => {
        event.preventDefault();
        fill();
      }}
    >
      <p className="rounded-md bg-surface p-2 text-xs text-muted">{template.prompt}</p>
      {template.negativePrompt && (
        <p className="rounded-md bg-surface p-2 text-xs text-muted">
          <span className="font-medium">Negative prompt:</span> {template.negativePrompt}
        </p>
      )}
      {variables.map((name, index) => (
        <Field key={name} id={`${id}-${index}`} label={name} error={ownValue(errors, name)}>
          <input
            id={`${id}-${index}`}
            value={ownValue(values, name) ?? ""}
            // biome-ignore lint/a11y/noAutofocus: the first variable is what the person came to type
            autoFocus={index === 0}
            aria-invalid={ownValue(errors, name) ? true : undefined}
            aria-describedby={ownValue(errors, name) ? `${id}-${index}-error` : undefined}
            onChange={(event) => {
              setValues((current) => ({ ...current, [name]: event.target.value }));
              setErrors({});
            }}
            className="w-full rounded-md border border-line bg-surface px-3 py-2 text-sm"
          />
        </Field>
      ))}
      {errors.form && (
        <p role="alert" className="text-sm text-danger">
          {errors.form}
        </p>
      )}
      <div className="flex justify-end gap-2">
        <Button variant="secondary" onClick={onBack}>
          Back
        </Button>
        <Button type="submit" disabled={pending}>
          Fill the editor
        </Button>
      </div>
    </form>
  );
}
