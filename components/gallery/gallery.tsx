"use client";

import { Film, Search, Star } from "lucide-react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useEffect, useRef } from "react";
import { useGalleryQuery } from "@/components/hooks/queries/use-gallery-query";
import { filterToQuery, type GalleryFilter } from "@/lib/gallery/filters";
import type { GalleryItem, GalleryPage } from "@/lib/gallery/queries";
import { REVIEW_LABELS, type ReviewState, reviewLabel } from "@/lib/review/review.validation";

export function Gallery({
  filter,
  firstPage,
  facets,
}: {
  filter: GalleryFilter;
  firstPage: GalleryPage;
  facets: { authors: Array<{ id: string; name: string }>; models: string[] };
}) {
  const router = useRouter();
  const query = filterToQuery(filter);
  const pages = useGalleryQuery(query, firstPage);
  const items = pages.data?.pages.flatMap((page) => page.items) ?? [];
  const sentinel = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const element = sentinel.current;
    if (!element) return;
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries[0]?.isIntersecting && pages.hasNextPage && !pages.isFetchingNextPage)
          void pages.fetchNextPage();
      },
      { rootMargin: "600px" },
    );
    observer.observe(element);
    return () => observer.disconnect();
  }, [pages]);

  const apply = (form: HTMLFormElement) => {
    const data = new FormData(form);
    const params = new URLSearchParams();
    for (const [key, value] of data) if (typeof value === "string" && value) params.set(key, value);
    router.push(`/gallery${params.size ? `?${params}` : ""}`);
  };
  const filtered = query !== "";

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <h1 className="text-2xl font-semibold">Gallery</h1>
        <form
          aria-label="Filter videos"
          onSubmit={(event) => {
            event.preventDefault();
            apply(event.currentTarget);
          }}
          onChange={(event) => {
            if ((event.target as HTMLElement).tagName === "SELECT") apply(event.currentTarget);
          }}
          className="flex flex-wrap items-end gap-2 text-sm"
        >
          <label className="relative">
            <span className="sr-only">Search prompts</span>
            <Search aria-hidden className="pointer-events-none absolute left-2 top-2.5 size-4 text-muted" />
            <input
              name="q"
              type="search"
              defaultValue={filter.q}
              placeholder="Search prompts"
              className="w-52 rounded-md border border-line bg-surface py-2 pl-8 pr-2"
            />
          </label>
          <FilterSelect
            label="Review"
            name="review"
            value={filter.review ?? ""}
            options={[["", "All but rejected"], ["all", "Everything"], ...Object.entries(REVIEW_LABELS)]}
          />
          <FilterSelect
            label="Model"
            name="model"
            value={filter.model ?? ""}
            options={[["", "Any model"], ...facets.models.map((model) => [model, model] as [string, string])]}
          />
          <FilterSelect
            label="Author"
            name="author"
            value={filter.author ?? ""}
            options={[
              ["", "Anyone"],
              ...facets.authors.map((author) => [author.id, author.name] as [string, string]),
            ]}
          />
          <FilterSelect
            label="Rating"
            name="minRating"
            value={String(filter.minRating ?? "")}
            options={[
              ["", "Any rating"],
              ["3", "3+ stars"],
              ["4", "4+ stars"],
              ["5", "5 stars"],
            ]}
          />
          <label className="flex flex-col text-xs text-muted">
            From
            <input
              name="from"
              type="date"
              defaultValue={filter.from}
              className="rounded-md border border-line bg-surface px-2 py-1.5 text-sm text-fg"
            />
          </label>
          <label className="flex flex-col text-xs text-muted">
            To
            <input
              name="to"
              type="date"
              defaultValue={filter.to}
              className="rounded-md border border-line bg-surface px-2 py-1.5 text-sm text-fg"
            />
          </label>
          <FilterSelect
            label="Sort"
            name="sort"
            value={filter.sort}
            options={[
              ["newest", "Newest"],
              ["oldest", "Oldest"],
              ["rating", "Top rated"],
            ]}
          />
          <button
            type="submit"
            className="rounded-md bg-accent-strong px-3 py-2 font-medium text-white hover:bg-accent"
          >
            Apply
          </button>
          {filtered && (
            <Link href="/gallery" className="px-2 py-2 text-muted underline">
              Clear
            </Link>
          )}
        </form>
      </div>

      {items.length === 0 ? <EmptyState filtered={filtered} /> : <GalleryGrid items={items} query={query} />}
      <div ref={sentinel} aria-hidden />
      {pages.isFetchingNextPage && <p className="text-center text-sm text-muted">Loading more…</p>}
      {pages.isError && <p className="text-center text-sm text-danger">{(pages.error as Error).message}</p>}
      {!pages.hasNextPage && items.length > 0 && (
        <p className="text-center text-xs text-muted">That's everything ({items.length}).</p>
      )}
    </div>
  );
}

function FilterSelect({
  label,
  name,
  value,
  options,
}: {
  label: string;
  name: string;
  value: string;
  options: Array<[string, string]>;
}) {
  return (
    <label className="flex flex-col text-xs text-muted">
      {label}
      <select
        name={name}
        defaultValue={value}
        className="rounded-md border border-line bg-surface px-2 py-2 text-sm text-fg"
      >
        {options.map(([optionValue, optionLabel]) => (
          <option key={optionValue} value={optionValue}>
            {optionLabel}
          </option>
        ))}
      </select>
    </label>
  );
}

/** Arrow keys move between cards (row by row), Enter opens: a keyboard-first triage grid. */
function GalleryGrid({ items, query }: { items: GalleryItem[]; query: string }) {
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

function EmptyState({ filtered }: { filtered: boolean }) {
  return (
    <div className="rounded-xl border border-dashed border-line bg-panel p-10 text-center">
      <Film aria-hidden className="mx-auto mb-3 size-10 text-muted" />
      {filtered ? (
        <>
          <p className="font-medium">No videos match these filters.</p>
          <Link href="/gallery" className="mt-2 inline-block text-sm text-accent underline">
            Clear the filters
          </Link>
        </>
      ) : (
        <>
          <p className="font-medium">No finished videos yet.</p>
          <p className="mt-1 text-sm text-muted">
            Generate one in the Studio; it lands here when it is done.
          </p>
          <Link
            href="/"
            className="mt-4 inline-block rounded-md bg-accent-strong px-4 py-2 text-sm font-medium text-white"
          >
            Open the Studio
          </Link>
        </>
      )}
    </div>
  );
}
