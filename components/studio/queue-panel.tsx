"use client";

import { useEffect, useRef, useState } from "react";
import { useGenerationsQuery, useRefreshGenerations } from "@/components/hooks/queries/use-generations-query";
import { QueueItem } from "@/components/studio/queue-item";
import { TakeStack } from "@/components/studio/take-stack";
import { isActive, statusLabel } from "@/lib/generations/lifecycle";
import type { GenerationSummary } from "@/lib/generations/queries";
import type { Catalog } from "@/lib/kling/catalog";

export function QueuePanel({ catalog, canRetry = false }: { catalog: Catalog; canRetry?: boolean }) {
  // Polls only while something is still moving; stops by itself when nothing is.
  const query = useGenerationsQuery();
  const refreshGenerations = useRefreshGenerations();
  const generations = query.data?.generations ?? [];
  const announcement = useStatusAnnouncements(generations);
  const anyActive = generations.some((generation) => isActive(generation.status));

  return (
    <section aria-labelledby="queue-heading" className="space-y-3">
      <div className="flex items-center justify-between">
        <h2 id="queue-heading" className="text-lg font-semibold">
          Queue
        </h2>
        <span className="text-xs text-muted" data-testid="queue-polling">
          {anyActive ? "Updating every 2 s" : "Up to date"}
        </span>
      </div>
      <p className="sr-only" aria-live="polite" role="status">
        {announcement}
      </p>
      {query.isError && <p className="text-sm text-danger">{(query.error as Error).message}</p>}
      {query.isPending ? (
        <p className="text-sm text-muted">Loading…</p>
      ) : generations.length === 0 ? (
        <div className="rounded-lg border border-dashed border-line p-6 text-center text-sm text-muted">
          Nothing generated yet. Your team's generations appear here as they run.
        </div>
      ) : (
        <ul className="space-y-3">
          {groupIntoStacks(generations).map((entry) =>
            entry.kind === "stack" ? (
              <TakeStack
                key={entry.batch.id}
                batch={entry.batch}
                takes={entry.takes}
                typicalSeconds={typicalSeconds(catalog, entry.takes[0].model)}
                onPicked={refreshGenerations}
                canRetry={canRetry}
              />
            ) : (
              <li key={entry.generation.id}>
                <QueueItem
                  generation={entry.generation}
                  typicalSeconds={typicalSeconds(catalog, entry.generation.model)}
                  canRetry={canRetry}
                />
              </li>
            ),
          )}
        </ul>
      )}
    </section>
  );
}

/** "Finished: A red fox…" for screen readers, once per status change. */
function useStatusAnnouncements(generations: GenerationSummary[]) {
  const previous = useRef(new Map<string, string>());
  const [message, setMessage] = useState("");
  useEffect(() => {
    const changes: string[] = [];
    for (const generation of generations) {
      const before = previous.current.get(generation.id);
      if (before && before !== generation.status) {
        changes.push(`${statusLabel(generation.status)}: ${generation.prompt.slice(0, 60)}`);
      }
      previous.current.set(generation.id, generation.status);
    }
    if (changes.length) setMessage(changes.join(". "));
  }, [generations]);
  return message;
}

function typicalSeconds(catalog: Catalog, modelId: string) {
  return catalog.models.find((model) => model.id === modelId)?.typicalSeconds ?? 120;
}

type QueueEntry =
  | { kind: "single"; generation: GenerationSummary }
  | { kind: "stack"; batch: NonNullable<GenerationSummary["batch"]>; takes: GenerationSummary[] };

/** A batch's takes become one stack, placed where its newest take would be; the rest stay as they are. */
function groupIntoStacks(generations: GenerationSummary[]): QueueEntry[] {
  const entries: QueueEntry[] = [];
  const stacks = new Map<string, Extract<QueueEntry, { kind: "stack" }>>();
  for (const generation of generations) {
    if (!generation.batch) {
      entries.push({ kind: "single", generation });
      continue;
    }
    const stack = stacks.get(generation.batch.id);
    if (stack) stack.takes.push(generation);
    else {
      const created = { kind: "stack" as const, batch: generation.batch, takes: [generation] };
      stacks.set(generation.batch.id, created);
      entries.push(created);
    }
  }
  for (const stack of stacks.values()) stack.takes.sort((a, b) => (a.batchIndex ?? 0) - (b.batchIndex ?? 0));
  return entries;
}
