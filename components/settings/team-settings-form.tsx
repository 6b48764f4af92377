"use client";

import { useActionState, useEffect } from "react";
import { toast } from "sonner";
import { TeamScopeField } from "@/components/team-scope";
import { FormError, formFeedback, SubmitButton, TextField } from "@/components/ui/form";
import { updateTeamSettingsAction } from "@/lib/teams/actions";

export function TeamSettingsForm({
  name,
  monthlyUnitBudget,
  editable,
}: {
  name: string;
  monthlyUnitBudget: number | null;
  editable: boolean;
}) {
  const [state, action] = useActionState(updateTeamSettingsAction, undefined);
  const { errors, values, formError } = formFeedback(state);
  useEffect(() => {
    if (state?.ok) toast.success("Team settings saved");
  }, [state]);
  return (
    <section aria-labelledby="team-heading" className="rounded-xl border border-line bg-panel p-6">
      <h2 id="team-heading" className="mb-4 text-lg font-semibold">
        Team
      </h2>
      <form action={action} className="grid gap-4 sm:grid-cols-2">
        <TeamScopeField />
        <TextField
          label="Team name"
          name="name"
          defaultValue={values.name ?? name}
          disabled={!editable}
          required
          error={errors.name}
        />
        <TextField
          label="Monthly Kling unit budget"
          name="monthlyUnitBudget"
          inputMode="decimal"
          defaultValue={values.monthlyUnitBudget ?? monthlyUnitBudget ?? ""}
          disabled={!editable}
          placeholder="No limit"
          hint="Units per calendar month (1 unit ≈ $0.14). Empty means no limit."
          error={errors.monthlyUnitBudget}
        />
        <div className="sm:col-span-2">
          <FormError message={formError} />
          {editable ? (
            <SubmitButton pendingLabel="Saving…">Save team settings</SubmitButton>
          ) : (
            <p className="text-sm text-muted">Only owners and admins can change team settings.</p>
          )}
        </div>
      </form>
    </section>
  );
}
