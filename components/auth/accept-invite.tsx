"use client";

import { useActionState, useState, useTransition } from "react";
import { NewPasswordField } from "@/components/auth/new-password-field";
import { SignInForm } from "@/components/auth/sign-in-form";
import { Button } from "@/components/ui/button";
import { FormError, formFeedback, SubmitButton, TextField } from "@/components/ui/form";
import { acceptInviteAction, signOut, signUpWithInviteAction } from "@/lib/auth/actions";

export function AcceptInvite({
  invitationId,
  email,
  accountExists,
  signedInAs,
}: {
  invitationId: string;
  email: string;
  accountExists: boolean;
  signedInAs: string | null;
}) {
  if (signedInAs?.toLowerCase() === email) return <JoinButton invitationId={invitationId} />;
  if (signedInAs) {
    return (
      <div className="space-y-4 text-sm">
        <p>
          You are signed in as <strong>{signedInAs}</strong>, but this invitation is for{" "}
          <strong>{email}</strong>.
        </p>
        <form action={signOut}>
          <SubmitButton variant="secondary">Sign out to continue</SubmitButton>
        </form>
      </div>
    );
  }
  if (accountExists) {
    return (
      <div className="space-y-4">
        <p className="text-sm text-muted">You already have an account. Sign in, then join from this page.</p>
        <SignInForm next={`/invite/${invitationId}`} email={email} />
      </div>
    );
  }
  return <CreateAccount invitationId={invitationId} email={email} />;
}

function JoinButton({ invitationId }: { invitationId: string }) {
  const [pending, startTransition] = useTransition();
  const [state, setState] = useState<Awaited<ReturnType<typeof acceptInviteAction>>>();
  return (
    <div className="space-y-4">
      <FormError message={state?.ok === false ? state.error : undefined} />
      <Button
        disabled={pending}
        className="w-full"
        onClick={() => startTransition(async () => setState(await acceptInviteAction({ invitationId })))}
      >
        {pending ? "Joining…" : "Join the team"}
      </Button>
    </div>
  );
}

function CreateAccount({ invitationId, email }: { invitationId: string; email: string }) {
  const [state, action] = useActionState(signUpWithInviteAction, undefined);
  const { errors, values, formError } = formFeedback(state);
  return (
    <form action={action} className="space-y-4" noValidate>
      <input type="hidden" name="invitationId" value={invitationId} />
      <TextField label="Email" name="email" type="email" value={email} readOnly />
      <TextField
        label="Your name"
        name="name"
        autoComplete="name"
        required
        defaultValue={values.name}
        error={errors.name}
      />
      <NewPasswordField error={errors.password} />
      <FormError message={formError} />
      <SubmitButton pendingLabel="Creating your account…" className="w-full">
        Create account and join
      </SubmitButton>
    </form>
  );
}
