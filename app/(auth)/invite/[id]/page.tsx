import type { Metadata } from "next";
import Link from "next/link";
import { AcceptInvite } from "@/components/auth/accept-invite";
import { Card } from "@/components/ui/form";
import { ROLE_DESCRIPTIONS, ROLE_LABELS } from "@/lib/auth/permissions";
import { getViewer } from "@/lib/auth/session";
import { UserError } from "@/lib/errors";
import { getInvitationForAcceptance } from "@/lib/teams/invitations";

export const metadata: Metadata = { title: "Invitation" };
export const dynamic = "force-dynamic";

export default async function InvitePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const invitation = await getInvitationForAcceptance(id).catch((error) => {
    if (error instanceof UserError) return { error: error.message };
    throw error;
  });
  if ("error" in invitation) {
    return (
      <Card title="This invitation cannot be used">
        <p role="alert" className="text-sm text-danger">
          {invitation.error}
        </p>
        <Link href="/sign-in" className="mt-6 inline-block text-sm text-accent underline">
          Go to sign in
        </Link>
      </Card>
    );
  }
  const viewer = await getViewer();
  return (
    <Card
      title={`Join ${invitation.team.name}`}
      description={
        <>
          {invitation.inviterName} invited <strong className="text-fg">{invitation.email}</strong> to join as{" "}
          <strong className="text-fg">{ROLE_LABELS[invitation.role]}</strong> (
          {ROLE_DESCRIPTIONS[invitation.role].toLowerCase()}). The link works once and expires{" "}
          {invitation.expiresAt.toUTCString()}.
        </>
      }
    >
      <AcceptInvite
        invitationId={invitation.id}
        email={invitation.email}
        accountExists={invitation.accountExists}
        signedInAs={viewer?.user.email ?? null}
      />
    </Card>
  );
}
