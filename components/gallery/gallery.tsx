"use client";

import { Film, Search } from "lucide-react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useEffect, useRef } from "react";
import { GalleryGrid } from "@/components/gallery/gallery-grid";
import { useGalleryQuery } from "@/components/hooks/queries/use-gallery-query";
import { filterToQuery, type GalleryFilter } from "@/lib/gallery/filters";
import type { GalleryPage } from "@/lib/gallery/queries";
import { REVIEW_LABELS } from "@/lib/review/review.validation";

export function Gallery({
  filter,
  firstPage,
  facets,
  canPick,
}: {
  filter: GalleryFilter;
  firstPage: GalleryPage;
  facets: { authors: Array<{ id: string; name: string }>; models: string[] };
  /** May choose a batch's cover ("Pick this take", review.set). */
  canPick: boolean;
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
          {filter.batch && <input type="hidden" name="batch" value={filter.batch} />}
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

      {filter.batch && (
        <p className="text-sm text-muted" data-testid="batch-filter">
          Every take of one batch.{" "}
          <Link href="/gallery" className="text-accent underline">
            Back to the gallery
          </Link>
        </p>
      )}
      {items.length === 0 ? (
        <EmptyState filtered={filtered} />
      ) : (
        <GalleryGrid
          items={items}
          query={query}
          filterBatch={Boolean(filter.batch)}
          canPick={canPick}
          onPicked={() => pages.refetch()}
        />
      )}
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
