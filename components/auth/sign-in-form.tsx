"use client";

import { useActionState } from "react";
import { FormError, formFeedback, SubmitButton, TextField } from "@/components/ui/form";
import { signInAction } from "@/lib/auth/actions";

export function SignInForm({ next, email }: { next?: string; email?: string }) {
  const [state, action] = useActionState(signInAction, undefined);
  const { errors, values, formError } = formFeedback(state);
  return (
    <form action={action} className="space-y-4" noValidate>
      {next && <input type="hidden" name="next" value={next} />}
      <TextField
        label="Email"
        name="email"
        type="email"
        autoComplete="email"
        required
        defaultValue={email ?? values.email}
        readOnly={Boolean(email)}
        error={errors.email}
      />
      <TextField
        label="Password"
        name="password"
        type="password"
        autoComplete="current-password"
        required
        error={errors.password}
      />
      <FormError message={formError} />
      <SubmitButton pendingLabel="Signing in…" className="w-full">
        Sign in
      </SubmitButton>
    </form>
  );
}
