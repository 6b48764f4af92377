"use client";

import { useInfiniteQuery } from "@tanstack/react-query";
import type { GalleryPage } from "@/lib/gallery/queries";

// The gallery's infinite scroll: GET /api/gallery (app/api/gallery/route.ts), one page per cursor,
// keyed by the filter's query string; the server-rendered first page seeds it.

export const galleryQueryKey = (query: string) => ["gallery", query] as const;

async function fetchGalleryPage(query: string, cursor: string | null): Promise<GalleryPage> {
  const params = new URLSearchParams(query);
  if (cursor) params.set("cursor", cursor);
  const response = await fetch(`/api/gallery?${params}`);
  if (!response.ok) throw new Error(`Could not load more videos (HTTP ${response.status})`);
  return response.json();
}

export function useGalleryQuery(query: string, firstPage: GalleryPage) {
  return useInfiniteQuery({
    queryKey: galleryQueryKey(query),
    queryFn: ({ pageParam }) => fetchGalleryPage(query, pageParam),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    initialData: { pages: [firstPage], pageParams: [null] },
  });
}
