"use client";

import { Check, Layers, Star } from "lucide-react";
import Link from "next/link";
import { useRef, useTransition } from "react";
import { toast } from "sonner";
import { useTeamScope } from "@/components/team-scope";
import { pickTakeAction } from "@/lib/batches/actions";
import { batchLabel, takesLabel } from "@/lib/batches/batches.validation";
import type { GalleryItem } from "@/lib/gallery/queries";
import { REVIEW_LABELS, type ReviewState, reviewLabel } from "@/lib/review/review.validation";

/** Arrow keys move between cards (row by row), Enter opens: a keyboard-first triage grid. */
export function GalleryGrid({
  items,
  query,
  filterBatch,
  canPick,
  onPicked,
}: {
  items: GalleryItem[];
  query: string;
  filterBatch: boolean;
  canPick: boolean;
  onPicked(): void;
}) {
  const grid = useRef<HTMLUListElement>(null);
  const onKeyDown = (event: React.KeyboardEvent) => {
    const cards = [...(grid.current?.querySelectorAll<HTMLAnchorElement>("a[data-card]") ?? [])];
    const index = cards.indexOf(document.activeElement as HTMLAnchorElement);
    if (index < 0) return;
    const columns = Math.max(1, Math.round((grid.current?.clientWidth ?? 1) / (cards[0]?.offsetWidth || 1)));
    const step = { ArrowRight: 1, ArrowLeft: -1, ArrowDown: columns, ArrowUp: -columns }[event.key];
    if (!step) return;
    event.preventDefault();
    cards[Math.min(cards.length - 1, Math.max(0, index + step))]?.focus();
  };
  return (
    <ul
      ref={grid}
      onKeyDown={onKeyDown}
      aria-label="Videos"
      className="grid grid-cols-1 gap-4 sm:grid-cols-2 lg:grid-cols-3 xl:grid-cols-4"
    >
      {items.map((item) => (
        <li key={item.id}>
          <GalleryCard item={item} href={`/videos/${item.id}${query ? `?${query}` : ""}`} />
          {item.batch && item.batch.size > 1 && (
            <Link
              href={`/gallery?batch=${item.batch.id}`}
              className="mt-1 inline-block text-xs text-accent hover:underline"
            >
              {filterBatch
                ? `Take ${item.batch.index} of ${item.batch.size}`
                : item.batch.kind === "compare"
                  ? "See the whole comparison"
                  : `See all ${takesLabel(item.batch.size)}`}
            </Link>
          )}
          {filterBatch && item.batch?.kind === "takes" && (
            <PickTake
              batchId={item.batch.id}
              take={item.id}
              index={item.batch.index}
              chosen={item.batch.chosen}
              canPick={canPick}
              onPicked={onPicked}
            />
          )}
        </li>
      ))}
    </ul>
  );
}

function GalleryCard({ item, href }: { item: GalleryItem; href: string }) {
  const video = useRef<HTMLVideoElement>(null);
  const play = () => void video.current?.play().catch(() => {});
  const stop = () => {
    if (!video.current) return;
    video.current.pause();
    video.current.currentTime = 0;
  };
  return (
    <Link
      href={href}
      data-card
      onMouseEnter={play}
      onMouseLeave={stop}
      onFocus={play}
      onBlur={stop}
      className="group block overflow-hidden rounded-lg border border-line bg-panel focus-visible:border-accent"
      aria-label={`${item.prompt.slice(0, 100)} — ${item.model}, ${item.duration} s, ${reviewLabel(item.reviewState)}`}
    >
      <div className="relative aspect-video bg-black">
        {item.videoUrl && (
          <video
            ref={video}
            src={item.videoUrl}
            poster={item.posterUrl ?? undefined}
            muted
            loop
            playsInline
            preload="none"
            className="size-full object-contain"
          />
        )}
        <ReviewBadge state={item.reviewState as ReviewState} />
        {item.batch && item.batch.size > 1 && (
          <span
            data-testid="takes-badge"
            className="absolute right-2 top-2 inline-flex items-center gap-1 rounded bg-black/70 px-1.5 py-0.5 text-xs text-fg"
          >
            <Layers aria-hidden className="size-3" /> {batchLabel(item.batch.kind, item.batch.size)}
          </span>
        )}
      </div>
      <div className="space-y-1 p-3">
        <p className="line-clamp-2 text-sm">{item.prompt}</p>
        <p className="flex flex-wrap items-center gap-1.5 text-xs text-muted">
          <span className="rounded bg-raised px-1.5 py-0.5">{item.model}</span>
          <span className="rounded bg-raised px-1.5 py-0.5">{item.mode === "pro" ? "Pro" : "Std"}</span>
          <span className="rounded bg-raised px-1.5 py-0.5">{item.duration} s</span>
          {item.ratingAverage !== null && (
            <span className="inline-flex items-center gap-0.5">
              <Star aria-hidden className="size-3 fill-current text-warn" /> {item.ratingAverage.toFixed(1)}
            </span>
          )}
          <span className="ml-auto">{item.author.name}</span>
        </p>
      </div>
    </Link>
  );
}

const BADGE_STYLE: Record<ReviewState, string> = {
  none: "bg-black/60 text-muted",
  approved: "bg-ok/90 text-black",
  changes_requested: "bg-warn/90 text-black",
  rejected: "bg-danger/90 text-black",
};

export function ReviewBadge({ state }: { state: ReviewState }) {
  return (
    <span
      data-testid="review-badge"
      className={`absolute left-2 top-2 rounded px-1.5 py-0.5 text-xs font-medium ${BADGE_STYLE[state] ?? BADGE_STYLE.none}`}
    >
      {REVIEW_LABELS[state] ?? state}
    </span>
  );
}

/** In a batch's own view: which take is the cover, and "Pick this take" for the others. */
function PickTake({
  batchId,
  take,
  index,
  chosen,
  canPick,
  onPicked,
}: {
  batchId: string;
  take: string;
  index: number | null;
  chosen: boolean;
  canPick: boolean;
  onPicked(): void;
}) {
  const { teamId } = useTeamScope();
  const [pending, startTransition] = useTransition();
  if (chosen)
    return (
      <span className="ml-3 inline-flex items-center gap-1 text-xs text-ok">
        <Check aria-hidden className="size-3" /> Cover
      </span>
    );
  if (!canPick) return null;
  return (
    <button
      type="button"
      disabled={pending}
      onClick={() =>
        startTransition(async () => {
          const result = await pickTakeAction({ batchId, generationId: take, teamId });
          if (!result.ok) return void toast.error(result.error);
          toast.success(`Take ${index} is now the cover`);
          onPicked();
        })
      }
      className="ml-3 rounded-md border border-line px-2 py-0.5 text-xs hover:bg-raised disabled:opacity-50"
    >
      Pick this take<span className="sr-only"> (take {index})</span>
    </button>
  );
}
