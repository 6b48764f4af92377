import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { SyncedPlayer } from "@/components/compare/synced-player";
import { countCompareView, resolveCompareToken } from "@/lib/batches/compare";
import { compareCellLabel } from "@/lib/batches/compare.validation";
import { getCatalog } from "@/lib/kling/catalog";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "A comparison made with Kling Studio", robots: { index: false } };

// Note: public, like /s/:token: the videos, their model and mode, nothing else of the team.
// Unknown, revoked and expired tokens all 404 alike.
export default async function SharedComparePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const shared = await resolveCompareToken(token);
  if (!shared || shared.cells.length === 0) notFound();
  await countCompareView(shared.link.id);
  const modelLabels = Object.fromEntries(getCatalog().models.map((model) => [model.id, model.label]));
  return (
    <main id="main" className="mx-auto max-w-6xl space-y-4 p-4">
      <h1 className="text-xl font-semibold">A comparison made with Kling Studio</h1>
      <p className="text-sm text-muted">{shared.link.batch.prompt}</p>
      <SyncedPlayer
        cells={shared.cells.map(({ generation }) => ({
          id: generation.id,
          videoUrl: `/c/${token}/video/${generation.id}`,
          posterUrl: null,
          label: compareCellLabel(modelLabels, generation.model, generation.mode),
          detail: `${generation.duration} s · ${generation.aspectRatio}`,
        }))}
      />
    </main>
  );
}
