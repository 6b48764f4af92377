"use client";

import { useActionState } from "react";
import { Card, FormError, formFeedback, SubmitButton, TextField } from "@/components/ui/form";
import { createTeamAction } from "@/lib/teams/actions";

export function NoTeam() {
  const [state, action] = useActionState(createTeamAction, undefined);
  const { errors, values, formError } = formFeedback(state);
  return (
    <div className="mx-auto max-w-md">
      <Card
        title="You are not in a team yet"
        description="Everything in the studio belongs to a team. Create one, or ask an admin of an existing team for an invitation link."
      >
        <form action={action} className="space-y-4">
          <TextField
            label="Team name"
            name="teamName"
            required
            defaultValue={values.teamName}
            error={errors.teamName}
          />
          <FormError message={formError} />
          <SubmitButton pendingLabel="Creating…">Create team</SubmitButton>
        </form>
      </Card>
    </div>
  );
}
