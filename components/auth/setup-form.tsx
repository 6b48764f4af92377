"use client";

import { useActionState } from "react";
import { NewPasswordField } from "@/components/auth/new-password-field";
import { FormError, formFeedback, SubmitButton, TextField } from "@/components/ui/form";
import { setupAction } from "@/lib/auth/actions";

export function SetupForm() {
  const [state, action] = useActionState(setupAction, undefined);
  const { errors, values, formError } = formFeedback(state);
  return (
    <form action={action} className="space-y-4" noValidate>
      <TextField
        label="Your name"
        name="name"
        autoComplete="name"
        required
        defaultValue={values.name}
        error={errors.name}
      />
      <TextField
        label="Email"
        name="email"
        type="email"
        autoComplete="email"
        required
        defaultValue={values.email}
        error={errors.email}
      />
      <NewPasswordField error={errors.password} />
      <TextField
        label="Team name"
        name="teamName"
        required
        defaultValue={values.teamName}
        error={errors.teamName}
        placeholder="e.g. Brand videos"
      />
      <FormError message={formError} />
      <SubmitButton pendingLabel="Creating your studio…" className="w-full">
        Create studio
      </SubmitButton>
    </form>
  );
}
