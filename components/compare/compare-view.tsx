"use client";

import { useState, useTransition } from "react";
import { toast } from "sonner";
import { type CompareCell, SyncedPlayer } from "@/components/compare/synced-player";
import { useGenerationsByIds } from "@/components/hooks/queries/use-generations-query";
import { ExpirySelect } from "@/components/share/expiry-select";
import { useTeamScope } from "@/components/team-scope";
import { Button } from "@/components/ui/button";
import { createCompareShareAction, revokeCompareShareAction } from "@/lib/batches/actions";
import { compareCellLabel } from "@/lib/batches/compare.validation";
import { isActive, statusLabel } from "@/lib/generations/lifecycle";
import { setReviewStateAction } from "@/lib/review/actions";
import { reviewLabel } from "@/lib/review/review.validation";
import type { ShareExpiry } from "@/lib/share/share.validation";

/** The team's compare page: cells fill in as they finish, then play in sync; approve/reject per cell. */
export function CompareView({
  batchId,
  prompt,
  ids,
  permissions,
  initialLinks,
  modelLabels,
}: {
  /** Model id → its label in the catalog. */
  modelLabels: Record<string, string>;
  batchId: string;
  prompt: string;
  ids: string[];
  permissions: { review: boolean; share: boolean };
  initialLinks: CompareLink[];
}) {
  const query = useGenerationsByIds(ids);
  const { teamId } = useTeamScope();
  const [pending, startTransition] = useTransition();
  const [links, setLinks] = useState(initialLinks);
  const [expiry, setExpiry] = useState<ShareExpiry>("7d");
  const generations = ids.flatMap(
    (id) => query.data?.generations.find((generation) => generation.id === id) ?? [],
  );
  const waiting = generations.filter((generation) => isActive(generation.status));
  // A column that ended without a video (Kling refused or failed it) is named, not silently left out.
  const lost = generations.filter((generation) => !isActive(generation.status) && !generation.videoUrl);

  const review = (generationId: string, state: "approved" | "rejected") =>
    startTransition(async () => {
      const result = await setReviewStateAction({ generationId, state, teamId });
      if (!result.ok) return void toast.error(result.error);
      toast.success(state === "approved" ? "Approved" : "Rejected");
      await query.refetch();
    });

  const cells: CompareCell[] = generations.flatMap((generation) =>
    generation.videoUrl
      ? [
          {
            id: generation.id,
            videoUrl: generation.videoUrl,
            posterUrl: generation.posterUrl,
            label: compareCellLabel(modelLabels, generation.model, generation.mode),
            detail: `${generation.chargedUnits ?? generation.estimatedUnits} units · finished in ${generation.elapsedSeconds} s · ${reviewLabel(generation.reviewState)}`,
            actions: permissions.review ? (
              <div className="flex gap-2">
                <Button
                  variant="secondary"
                  disabled={pending}
                  onClick={() => review(generation.id, "approved")}
                  aria-label={`Approve ${compareCellLabel(modelLabels, generation.model, generation.mode)}`}
                >
                  Approve
                </Button>
                <Button
                  variant="danger"
                  disabled={pending}
                  onClick={() => review(generation.id, "rejected")}
                  aria-label={`Reject ${compareCellLabel(modelLabels, generation.model, generation.mode)}`}
                >
                  Reject
                </Button>
              </div>
            ) : undefined,
          },
        ]
      : [],
  );

  return (
    <div className="space-y-4">
      <h1 className="text-xl font-semibold">Comparison</h1>
      <p className="text-sm text-muted">{prompt}</p>
      {query.isPending && (
        <p role="status" className="text-sm text-muted">
          Loading the comparison…
        </p>
      )}
      {waiting.length > 0 && (
        <p role="status" className="text-sm text-accent" data-testid="compare-waiting">
          {waiting
            .map(
              (generation) =>
                `${compareCellLabel(modelLabels, generation.model, generation.mode)}: ${statusLabel(generation.status)}`,
            )
            .join(" · ")}
        </p>
      )}
      {lost.length > 0 && (
        <p role="alert" className="text-sm text-danger" data-testid="compare-lost">
          {lost
            .map(
              (generation) =>
                `${compareCellLabel(modelLabels, generation.model, generation.mode)}: ${statusLabel(generation.status)}${generation.errorMessage ? ` (${generation.errorMessage})` : ""}`,
            )
            .join(" · ")}
        </p>
      )}
      {cells.length > 0 && waiting.length > 0 && (
        <p className="text-xs text-muted">
          {cells.length} of {generations.length} ready; the player starts once every column has finished, so
          they play in sync.
        </p>
      )}
      {cells.length > 0 && waiting.length === 0 && <SyncedPlayer cells={cells} />}
      {permissions.share && (
        <section aria-labelledby="compare-share" className="space-y-2 rounded-lg border border-line p-3">
          <h2 id="compare-share" className="text-sm font-semibold">
            Share this comparison
          </h2>
          <div className="flex flex-wrap items-center gap-2 text-sm">
            <ExpirySelect value={expiry} onChange={setExpiry} />
            <Button
              disabled={pending}
              onClick={() =>
                startTransition(async () => {
                  const result = await createCompareShareAction({ batchId, expiry, teamId });
                  if (!result.ok) return void toast.error(result.error);
                  const { id, token, expiresAt } = result.data;
                  setLinks((current) => [
                    {
                      id,
                      token,
                      expiresAt: expiresAt ? new Date(expiresAt).toISOString() : null,
                      viewCount: 0,
                    },
                    ...current,
                  ]);
                })
              }
            >
              Create share link
            </Button>
          </div>
          <ul className="space-y-1 text-xs">
            {links.map((link) => (
              <li
                key={link.id}
                className="flex flex-wrap items-center gap-2"
                data-testid="compare-share-link"
              >
                <a href={`/c/${link.token}`} className="break-all text-accent underline">
                  {`/c/${link.token}`}
                </a>
                <span className="text-muted">
                  {expiryText(link.expiresAt)} · {link.viewCount} view{link.viewCount === 1 ? "" : "s"}
                </span>
                <Button
                  variant="ghost"
                  aria-label={`Revoke /c/${link.token}`}
                  onClick={() =>
                    startTransition(async () => {
                      const result = await revokeCompareShareAction({ batchId, linkId: link.id, teamId });
                      if (!result.ok) return void toast.error(result.error);
                      setLinks((current) => current.filter((other) => other.id !== link.id));
                    })
                  }
                >
                  Revoke
                </Button>
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}

/** A live link of this comparison, as the page hands it over (expiry as an ISO string or null). */
export interface CompareLink {
  id: string;
  token: string;
  expiresAt: string | null;
  viewCount: number;
}

function expiryText(expiresAt: string | null) {
  if (!expiresAt) return "never expires";
  // The UTC date as written, so the server's render and the browser's agree (no locale, no zone).
  return `expires ${expiresAt.slice(0, 10)}`;
}
