"use client";

import { Check, Layers } from "lucide-react";
import Link from "next/link";
import { useId, useState, useTransition } from "react";
import { toast } from "sonner";
import { QueueItem } from "@/components/studio/queue-item";
import { useTeamScope } from "@/components/team-scope";
import { pickTakeAction } from "@/lib/batches/actions";
import { batchLabel, coverOf, takesLabel } from "@/lib/batches/batches.validation";

import type { GenerationSummary } from "@/lib/generations/queries";

type Batch = NonNullable<GenerationSummary["batch"]>;

/**
 * A batch of takes as one stack: the cover (picked take, else the first finished one) with a
 * "3 takes" badge; expanding shows every take with "Pick this take".
 */
export function TakeStack({
  batch,
  takes,
  typicalSeconds,
  onPicked,
  canRetry = false,
}: {
  batch: Batch;
  takes: GenerationSummary[];
  typicalSeconds: number;
  /** Refreshes whatever list shows the stack. */
  onPicked: () => Promise<unknown>;
  canRetry?: boolean;
}) {
  const { teamId } = useTeamScope();
  const [expanded, setExpanded] = useState(false);
  const [pending, startTransition] = useTransition();
  const listId = useId();
  const cover = coverOf(takes, batch.chosenGenerationId);
  if (!cover) return null;
  const finished = takes.filter((take) => take.status === "archived").length;

  const pick = (generationId: string) =>
    startTransition(async () => {
      const result = await pickTakeAction({ batchId: batch.id, generationId, teamId });
      if (!result.ok) {
        toast.error(result.error);
        return;
      }
      toast.success(`Take ${takes.find((take) => take.id === generationId)?.batchIndex} is now the cover`);
      await onPicked();
    });

  return (
    <li
      className="space-y-2 rounded-lg border border-accent/40 bg-panel/60 p-2"
      data-testid="take-stack"
      data-batch-id={batch.id}
      data-cover-id={cover.id}
      aria-label={`${batchLabel(batch.kind, batch.size)}: ${cover.prompt.slice(0, 60)}`}
    >
      <div className="flex flex-wrap items-center gap-2 px-1 text-xs">
        <span
          className="inline-flex items-center gap-1 rounded-full bg-accent/20 px-2 py-0.5 font-semibold text-accent"
          data-testid="takes-badge"
        >
          <Layers aria-hidden className="size-3" /> {batchLabel(batch.kind, batch.size)}
        </span>
        {batch.kind === "compare" && (
          <Link href={`/compare/${batch.id}`} className="text-accent underline">
            Open the comparison
          </Link>
        )}
        <span className="text-muted">
          {finished} of {batch.size} finished · cover: take {cover.batchIndex}
        </span>
      </div>
      <QueueItem
        generation={cover}
        typicalSeconds={typicalSeconds}
        heading={`Take ${cover.batchIndex} · cover`}
        canRetry={canRetry}
      />
      <button
        type="button"
        aria-expanded={expanded}
        aria-controls={listId}
        onClick={() => setExpanded((open) => !open)}
        className="w-full rounded-md px-2 py-1.5 text-left text-xs font-medium text-accent hover:bg-raised"
      >
        {expanded ? "Hide the takes" : `Show all ${takesLabel(batch.size)}`}
      </button>
      {expanded && (
        <ul id={listId} aria-label="Takes" className="space-y-2">
          {takes.map((take) => {
            const isCover = take.id === cover.id;
            return (
              <li key={take.id} data-testid="take" data-take-index={take.batchIndex}>
                <QueueItem
                  generation={take}
                  typicalSeconds={typicalSeconds}
                  heading={`Take ${take.batchIndex}`}
                  canRetry={canRetry}
                />
                <div className="mt-1 flex justify-end">
                  {batch.kind === "compare" ? null : isCover ? (
                    <span className="inline-flex items-center gap-1 px-2 py-1 text-xs text-ok">
                      <Check aria-hidden className="size-3" /> Cover
                    </span>
                  ) : (
                    <button
                      type="button"
                      disabled={pending || take.status !== "archived"}
                      title={take.status === "archived" ? undefined : "Only a finished take can be the cover"}
                      onClick={() => pick(take.id)}
                      className="rounded-md border border-line px-2 py-1 text-xs hover:bg-raised disabled:cursor-not-allowed disabled:opacity-50"
                    >
                      Pick this take<span className="sr-only"> (take {take.batchIndex})</span>
                    </button>
                  )}
                </div>
              </li>
            );
          })}
        </ul>
      )}
    </li>
  );
}
