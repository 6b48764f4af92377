import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { CompareView } from "@/components/compare/compare-view";
import { can } from "@/lib/auth/permissions";
import { requirePageTeam } from "@/lib/auth/session";
import { getCompare } from "@/lib/batches/compare";
import { NotFoundError } from "@/lib/errors";
import { getCatalog } from "@/lib/kling/catalog";

export const metadata: Metadata = { title: "Comparison" };

export default async function ComparePage({ params }: { params: Promise<{ id: string }> }) {
  const context = await requirePageTeam("team.view");
  if (!context) return null;
  const { id } = await params;
  const batch = await getCompare({ teamId: context.team.id, batchId: id }).catch((error) => {
    if (error instanceof NotFoundError) notFound();
    throw error;
  });
  const role = context.member.role;
  return (
    <CompareView
      batchId={batch.id}
      modelLabels={Object.fromEntries(getCatalog().models.map((model) => [model.id, model.label]))}
      prompt={batch.prompt}
      ids={batch.generations.map((generation) => generation.id)}
      permissions={{ review: can(role, "review.set"), share: can(role, "share.manage") }}
      // Note: live tokens are public URLs; only roles that manage sharing receive them.
      initialLinks={
        can(role, "share.manage")
          ? batch.shareLinks.map((link) => ({
              id: link.id,
              token: link.token,
              expiresAt: link.expiresAt?.toISOString() ?? null,
              viewCount: link.viewCount,
            }))
          : []
      }
    />
  );
}
