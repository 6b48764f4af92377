"use client";

import { Star } from "lucide-react";
import { Button } from "@/components/ui/button";
import type { VideoDetail } from "@/lib/review/detail";
import { type ReviewState, reviewLabel } from "@/lib/review/review.validation";

export function ReviewPanel({
  detail,
  canReview,
  pending,
  onReview,
  onRate,
}: {
  detail: VideoDetail;
  canReview: boolean;
  pending: boolean;
  onReview: (state: ReviewState) => void;
  onRate: (stars: number) => void;
}) {
  return (
    <section className="space-y-3 rounded-lg border border-line bg-panel p-4">
      <h2 className="text-sm font-medium">
        Review: <span data-testid="review-state">{reviewLabel(detail.reviewState)}</span>
      </h2>
      {canReview ? (
        <div className="flex flex-wrap gap-2">
          <Button
            variant="secondary"
            disabled={pending}
            onClick={() => onReview("approved")}
            title="A"
            aria-pressed={detail.reviewState === "approved"}
          >
            Approve <kbd className="text-xs text-muted">A</kbd>
          </Button>
          <Button
            variant="secondary"
            disabled={pending}
            onClick={() => onReview("changes_requested")}
            aria-pressed={detail.reviewState === "changes_requested"}
          >
            Request changes
          </Button>
          <Button
            variant="danger"
            disabled={pending}
            onClick={() => onReview("rejected")}
            title="R"
            aria-pressed={detail.reviewState === "rejected"}
          >
            Reject <kbd className="text-xs">R</kbd>
          </Button>
        </div>
      ) : (
        <p className="text-xs text-muted">Your role can comment but not review.</p>
      )}
      <Stars detail={detail} enabled={canReview && !pending} onRate={onRate} />
    </section>
  );
}

function Stars({
  detail,
  enabled,
  onRate,
}: {
  detail: VideoDetail;
  enabled: boolean;
  onRate: (stars: number) => void;
}) {
  return (
    <fieldset className="space-y-1" disabled={!enabled}>
      <legend className="text-xs text-muted">
        Your rating · average{" "}
        <span data-testid="rating-average">
          {detail.ratingAverage === null
            ? "none yet"
            : `${detail.ratingAverage.toFixed(1)} from ${detail.ratingCount}`}
        </span>
      </legend>
      <div className="flex gap-1">
        {[1, 2, 3, 4, 5].map((stars) => (
          <button
            key={stars}
            type="button"
            onClick={() => onRate(stars)}
            aria-label={`${stars} star${stars === 1 ? "" : "s"}`}
            aria-pressed={detail.myRating === stars}
            className="rounded p-0.5 text-warn disabled:opacity-50"
          >
            <Star
              aria-hidden
              className={`size-5 ${detail.myRating !== null && stars <= detail.myRating ? "fill-current" : ""}`}
            />
          </button>
        ))}
      </div>
    </fieldset>
  );
}
