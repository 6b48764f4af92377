"use client";

import { useState, useTransition } from "react";
import { toast } from "sonner";
import { useRefreshGenerations } from "@/components/hooks/queries/use-generations-query";
import { useTeamScope } from "@/components/team-scope";
import { retryArchiveAction } from "@/lib/generations/actions";
import type { GenerationSummary } from "@/lib/generations/queries";

/**
 * A video Kling made whose copy is not saved yet: why, when it is tried next ("saving… next try
 * 14:05"), and "Retry now" for those who may generate. Never shown as a failure.
 */
export function SavingLater({ generation, canRetry }: { generation: GenerationSummary; canRetry: boolean }) {
  const [pending, startTransition] = useTransition();
  const [asked, setAsked] = useState(false);
  const refreshGenerations = useRefreshGenerations();
  const scope = useTeamScope();
  const next = generation.nextAttemptAt ? new Date(generation.nextAttemptAt) : null;
  const at = next?.toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" });
  const retry = () =>
    startTransition(async () => {
      const result = await retryArchiveAction({ ...scope, generationId: generation.id });
      if (result.ok) setAsked(true);
      else toast.error(result.error);
      await refreshGenerations();
    });
  return (
    <div className="mt-2 rounded border border-line bg-raised px-2 py-1.5 text-xs" data-testid="saving-later">
      <p>
        <span className="font-medium">
          {asked ? "Saving… trying now" : `Saving… next try ${at ?? "soon"}`}
        </span>
        {next && (
          <time dateTime={next.toISOString()} className="sr-only">
            {next.toLocaleString()}
          </time>
        )}
      </p>
      {generation.archiveError && (
        <p className="mt-0.5 text-muted">
          {generation.archiveError} Kling keeps the video, so nothing is lost.
        </p>
      )}
      {canRetry && (
        <button
          type="button"
          onClick={retry}
          disabled={pending || asked}
          className="mt-1 rounded border border-line px-2 py-0.5 font-medium text-accent hover:bg-panel disabled:cursor-not-allowed disabled:text-muted"
        >
          {pending ? "Retrying…" : "Retry now"}
        </button>
      )}
    </div>
  );
}
