"use client";

import { useActionState, useEffect, useTransition } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { FormError, formFeedback, SubmitButton, TextField } from "@/components/ui/form";
import { changeDisplayNameAction, changePasswordAction, endSessionAction } from "@/lib/account/actions";
import { PASSWORD_MIN } from "@/lib/auth/auth.validation";

type SessionRow = {
  id: string;
  createdAt: string;
  lastActiveAt: string;
  userAgent: string | null;
  current: boolean;
};

/** The signed-in person's own account: display name, password, and the sessions they can end. */
export function AccountPanel({ name, sessions }: { name: string; sessions: SessionRow[] }) {
  return (
    <section
      aria-labelledby="account-heading"
      className="space-y-6 rounded-xl border border-line bg-panel p-6"
    >
      <h2 id="account-heading" className="text-lg font-semibold">
        Your account
      </h2>
      <DisplayNameForm name={name} />
      <PasswordForm />
      <Sessions sessions={sessions} />
    </section>
  );
}

function DisplayNameForm({ name }: { name: string }) {
  const [state, action] = useActionState(changeDisplayNameAction, undefined);
  const { errors, values, formError } = formFeedback(state);
  useEffect(() => {
    if (state?.ok) toast.success("Name saved");
  }, [state]);
  return (
    <form action={action} className="grid gap-3 sm:max-w-md">
      <TextField
        label="Display name"
        name="name"
        defaultValue={values.name ?? name}
        required
        error={errors.name}
      />
      <FormError message={formError} />
      <SubmitButton pendingLabel="Saving…">Save name</SubmitButton>
    </form>
  );
}

function PasswordForm() {
  const [state, action] = useActionState(changePasswordAction, undefined);
  const { errors, formError } = formFeedback(state);
  useEffect(() => {
    if (state?.ok) toast.success("Password changed; your other sessions were signed out");
  }, [state]);
  return (
    <form action={action} className="grid gap-3 sm:max-w-md">
      <TextField
        label="Current password"
        name="currentPassword"
        type="password"
        autoComplete="current-password"
        required
        error={errors.currentPassword}
      />
      <TextField
        label="New password"
        name="newPassword"
        type="password"
        autoComplete="new-password"
        required
        error={errors.newPassword}
        hint={`At least ${PASSWORD_MIN} characters, mixing letters with digits or symbols.`}
      />
      <FormError message={formError} />
      <SubmitButton pendingLabel="Changing…">Change password</SubmitButton>
    </form>
  );
}

function Sessions({ sessions }: { sessions: SessionRow[] }) {
  const [pending, startTransition] = useTransition();
  return (
    <div>
      <h3 className="mb-2 text-sm font-medium">Signed-in sessions</h3>
      <ul className="divide-y divide-line text-sm">
        {sessions.map((session) => (
          <li key={session.id} className="flex items-center justify-between gap-3 py-2">
            <span>
              {session.userAgent ?? "Unknown browser"} · last active{" "}
              {new Date(session.lastActiveAt).toLocaleString()}
              {session.current && <strong className="ml-2">(this session)</strong>}
            </span>
            {!session.current && (
              <Button
                variant="secondary"
                disabled={pending}
                onClick={() =>
                  startTransition(async () => {
                    const result = await endSessionAction({ sessionId: session.id });
                    if (result.ok) toast.success("Session ended");
                    else toast.error(result.error);
                  })
                }
              >
                End
              </Button>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
