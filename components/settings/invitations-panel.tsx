"use client";

import { Copy } from "lucide-react";
import { useRouter } from "next/navigation";
import { useActionState, useTransition } from "react";
import { toast } from "sonner";
import { TeamScopeField, useTeamScope } from "@/components/team-scope";
import { Button } from "@/components/ui/button";
import { FormError, formFeedback, SubmitButton, TextField } from "@/components/ui/form";
import { canAssignRole, ROLE_DESCRIPTIONS, ROLE_LABELS, ROLES, type Role } from "@/lib/auth/permissions";
import { createInvitationAction, revokeInvitationAction } from "@/lib/teams/actions";

interface InvitationRow {
  id: string;
  email: string;
  role: string;
  expiresAt: string;
  inviterName: string;
}

export function InvitationsPanel({
  invitations,
  actorRole,
}: {
  invitations: InvitationRow[];
  actorRole: Role;
}) {
  const scope = useTeamScope();
  const router = useRouter();
  const [state, action] = useActionState(createInvitationAction, undefined);
  const [pending, startTransition] = useTransition();
  const { errors, values, formError } = formFeedback(state);
  const created = state?.ok ? state.data : undefined;
  const link =
    created && typeof window !== "undefined" ? `${window.location.origin}${created.path}` : created?.path;

  return (
    <section aria-labelledby="invitations-heading" className="rounded-xl border border-line bg-panel p-6">
      <h2 id="invitations-heading" className="mb-1 text-lg font-semibold">
        Invitations
      </h2>
      <p className="mb-4 text-sm text-muted">
        Create a link and send it yourself; it works once and expires after 7 days.
      </p>
      <form action={action} className="grid gap-4 sm:grid-cols-[1fr_12rem_auto] sm:items-end" noValidate>
        <TeamScopeField />
        <TextField
          label="Email to invite"
          name="email"
          type="email"
          required
          defaultValue={values.email}
          error={errors.email}
        />
        <div className="space-y-1.5">
          <label htmlFor="invite-role" className="block text-sm font-medium">
            Role
          </label>
          <select
            id="invite-role"
            name="role"
            key={values.role}
            defaultValue={values.role ?? "creator"}
            className="w-full rounded-md border border-line bg-surface px-2 py-2 text-sm"
          >
            {ROLES.filter((role) => canAssignRole(actorRole, { to: role })).map((role) => (
              <option key={role} value={role} title={ROLE_DESCRIPTIONS[role]}>
                {ROLE_LABELS[role]}
              </option>
            ))}
          </select>
        </div>
        <SubmitButton pendingLabel="Creating…">Create invite link</SubmitButton>
      </form>
      <div className="mt-3">
        <FormError message={formError} />
      </div>
      {link && created && (
        <div className="mt-4 rounded-md border border-ok/40 bg-ok/10 p-3 text-sm" role="status">
          <p className="mb-2">Invitation link for {created.email}:</p>
          <div className="flex items-center gap-2">
            <input
              readOnly
              value={link}
              aria-label="Invitation link"
              className="min-w-0 flex-1 rounded border border-line bg-surface px-2 py-1 font-mono text-xs"
              onFocus={(event) => event.target.select()}
            />
            <Button
              variant="secondary"
              onClick={() => navigator.clipboard?.writeText(link).then(() => toast.success("Link copied"))}
            >
              <Copy aria-hidden className="size-4" /> Copy
            </Button>
          </div>
        </div>
      )}
      <h3 className="mb-2 mt-6 text-sm font-medium text-muted">Pending</h3>
      {invitations.length === 0 ? (
        <p className="text-sm text-muted">No pending invitations.</p>
      ) : (
        <ul className="divide-y divide-line">
          {invitations.map((invitation) => (
            <li key={invitation.id} className="flex flex-wrap items-center gap-3 py-2 text-sm">
              <span className="min-w-0 flex-1 truncate">
                {invitation.email} · {invitation.role} · expires{" "}
                {new Date(invitation.expiresAt).toLocaleDateString()}
              </span>
              <Button
                variant="danger"
                disabled={pending}
                aria-label={`Revoke invitation for ${invitation.email}`}
                onClick={() =>
                  startTransition(async () => {
                    const result = await revokeInvitationAction({ ...scope, invitationId: invitation.id });
                    if (result.ok) toast.success("Invitation revoked");
                    else toast.error(result.error);
                    router.refresh();
                  })
                }
              >
                Revoke
              </Button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
