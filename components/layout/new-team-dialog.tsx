"use client";

import { Plus } from "lucide-react";
import { useRouter } from "next/navigation";
import { useActionState, useEffect, useRef } from "react";
import { FormError, formFeedback, SubmitButton, TextField } from "@/components/ui/form";
import { createTeamAction } from "@/lib/teams/actions";

/**
 * "New team…" next to the team switcher: anyone signed in may create a team (up to 10 owned, the
 * action enforces it and answers with the field's message). A native modal <dialog> gives focus
 * trapping and Escape for free, so the flow works from the keyboard alone.
 */
export function NewTeamDialog() {
  const dialog = useRef<HTMLDialogElement>(null);
  const router = useRouter();
  const [state, action] = useActionState(createTeamAction, undefined);
  const { errors, values, formError } = formFeedback(state);

  useEffect(() => {
    // The action already switched the session to the new team; close and show it.
    if (state?.ok) {
      dialog.current?.close();
      router.refresh();
    }
  }, [state, router]);

  return (
    <>
      <button
        type="button"
        onClick={() => dialog.current?.showModal()}
        aria-label="New team…"
        className="flex items-center rounded-md border border-line bg-panel px-1.5 py-1.5 text-sm hover:bg-raised sm:px-2"
      >
        {/* At phone width the header has no room for the words: the icon keeps the same name. */}
        <Plus aria-hidden className="size-4 sm:hidden" />
        <span className="hidden sm:inline">New team…</span>
      </button>
      <dialog
        ref={dialog}
        aria-labelledby="new-team-title"
        className="m-auto w-full max-w-sm rounded-lg border border-line bg-panel p-5 text-fg backdrop:bg-black/50"
      >
        <h2 id="new-team-title" className="mb-4 text-base font-semibold">
          Create a new team
        </h2>
        <form action={action} className="space-y-4">
          <TextField
            label="New team name"
            name="teamName"
            required
            defaultValue={values.teamName}
            error={errors.teamName}
          />
          <FormError message={formError} />
          <div className="flex justify-end gap-2">
            <button
              type="button"
              onClick={() => dialog.current?.close()}
              className="rounded-md px-3 py-2 text-sm text-muted hover:bg-raised"
            >
              Cancel
            </button>
            <SubmitButton pendingLabel="Creating…">Create team</SubmitButton>
          </div>
        </form>
      </dialog>
    </>
  );
}
