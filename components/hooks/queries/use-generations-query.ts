"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { isActive } from "@/lib/generations/lifecycle";
import type { GetGenerationsResponse } from "@/lib/generations/queries";

// The studio's queue: GET /api/generations (app/api/generations/route.ts), polled every 2 s only
// while something is still moving.

export const GENERATIONS_QUERY_KEY = ["generations", "recent"] as const;
export const GENERATIONS_POLL_MS = 2_000;

async function fetchGenerations(): Promise<GetGenerationsResponse> {
  const response = await fetch("/api/generations", { cache: "no-store" });
  if (!response.ok) throw new Error(`Could not load the queue (HTTP ${response.status})`);
  return response.json();
}

export function useGenerationsQuery() {
  return useQuery({
    queryKey: GENERATIONS_QUERY_KEY,
    queryFn: fetchGenerations,
    refetchInterval: (current) =>
      current.state.data?.generations.some((generation) => isActive(generation.status))
        ? GENERATIONS_POLL_MS
        : false,
  });
}

/** After a submit: the queue reloads at once instead of at its next poll. */
export function useRefreshGenerations() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: GENERATIONS_QUERY_KEY });
}

/** Some generations by id (a comparison's cells), polled like the queue while any is moving. */
export function useGenerationsByIds(ids: string[]) {
  return useQuery({
    queryKey: ["generations", "ids", ...ids],
    queryFn: async (): Promise<GetGenerationsResponse> => {
      const response = await fetch(`/api/generations?ids=${ids.join(",")}`, { cache: "no-store" });
      if (!response.ok) throw new Error(`Could not load the comparison (HTTP ${response.status})`);
      return response.json();
    },
    refetchInterval: (current) =>
      current.state.data?.generations.some((generation) => isActive(generation.status))
        ? GENERATIONS_POLL_MS
        : false,
  });
}
