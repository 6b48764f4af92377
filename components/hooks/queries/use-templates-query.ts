"use client";

import { useQuery } from "@tanstack/react-query";
import type { GetTemplatesResponse } from "@/lib/templates/templates";

export const TEMPLATES_QUERY_KEY = ["templates"] as const;

/** The team's prompt library, searched on the server. */
export function useTemplates(q: string, enabled: boolean) {
  return useQuery({
    queryKey: [...TEMPLATES_QUERY_KEY, q],
    enabled,
    queryFn: async (): Promise<GetTemplatesResponse> => {
      const response = await fetch(`/api/templates${q ? `?q=${encodeURIComponent(q)}` : ""}`, {
        cache: "no-store",
      });
      if (!response.ok) throw new Error(`Could not load the templates (HTTP ${response.status})`);
      return response.json();
    },
  });
}
