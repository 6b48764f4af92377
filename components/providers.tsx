"use client";

import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { useState } from "react";
import { TeamScopeProvider } from "@/components/team-scope";

export function Providers({ teamId, children }: { teamId: string; children: React.ReactNode }) {
  const [client] = useState(
    () => new QueryClient({ defaultOptions: { queries: { staleTime: 1_000, retry: 1 } } }),
  );
  return (
    <QueryClientProvider client={client}>
      <TeamScopeProvider teamId={teamId}>{children}</TeamScopeProvider>
    </QueryClientProvider>
  );
}
