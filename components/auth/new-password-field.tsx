"use client";

import { TextField } from "@/components/ui/form";
import { PASSWORD_MIN } from "@/lib/auth/auth.validation";

/** The password field of every form that creates an account, with the rule spelled out. */
export function NewPasswordField({ error }: { error?: string }) {
  return (
    <TextField
      label="Password"
      name="password"
      type="password"
      autoComplete="new-password"
      required
      error={error}
      hint={`At least ${PASSWORD_MIN} characters, mixing letters with digits or symbols.`}
    />
  );
}
