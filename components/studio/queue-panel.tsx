"use client";

import { useQuery } from "@tanstack/react-query";
import { AlertTriangle, CheckCircle2, Clock, Loader2, RotateCcw } from "lucide-react";
import Link from "next/link";
import { useEffect, useRef, useState } from "react";
import type { GetGenerationsResponse } from "@/app/api/generations/route";
import { isActive, isFailed, type StatusTone, statusLabel, statusTone } from "@/lib/generations/lifecycle";
import type { GenerationSummary } from "@/lib/generations/queries";
import type { Catalog } from "@/lib/kling/catalog";
import { MODE_LABELS, type Mode } from "@/lib/kling/models";

export const GENERATIONS_QUERY_KEY = ["generations", "recent"] as const;
const POLL_MS = 2_000;

const TONE_TEXT: Record<StatusTone, string> = {
  waiting: "text-accent",
  running: "text-accent",
  ok: "text-ok",
  danger: "text-danger",
};

async function fetchGenerations(): Promise<GetGenerationsResponse> {
  const response = await fetch("/api/generations", { cache: "no-store" });
  if (!response.ok) throw new Error(`Could not load the queue (HTTP ${response.status})`);
  return response.json();
}

export function QueuePanel({ catalog }: { catalog: Catalog }) {
  // Polls only while something is still moving; stops by itself when nothing is.
  const query = useQuery({
    queryKey: GENERATIONS_QUERY_KEY,
    queryFn: fetchGenerations,
    refetchInterval: (current) =>
      current.state.data?.generations.some((generation) => isActive(generation.status)) ? POLL_MS : false,
  });
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
          {generations.map((generation) => (
            <QueueItem
              key={generation.id}
              generation={generation}
              typicalSeconds={typicalSeconds(catalog, generation.model)}
            />
          ))}
        </ul>
      )}
    </section>
  );
}

function QueueItem({
  generation,
  typicalSeconds,
}: {
  generation: GenerationSummary;
  typicalSeconds: number;
}) {
  const active = isActive(generation.status);
  const elapsed = useElapsed(generation.elapsedSeconds, active);
  const failed = isFailed(generation.status);
  return (
    <li
      className="rounded-lg border border-line bg-panel p-3"
      data-testid="queue-item"
      data-status={generation.status}
    >
      <div className="flex items-start gap-2">
        <StatusIcon status={generation.status} />
        <div className="min-w-0 flex-1">
          <p className="line-clamp-2 text-sm">{generation.prompt}</p>
          <p className="mt-1 text-xs text-muted">
            {generation.model} · {MODE_LABELS[generation.mode as Mode] ?? generation.mode} ·{" "}
            {generation.duration} s · {generation.aspectRatio}
            {generation.sound ? " · audio" : ""} · by {generation.author.name}
          </p>
        </div>
      </div>
      <p className="mt-2 flex flex-wrap items-center gap-x-3 gap-y-1 text-xs">
        <span
          className={`font-medium ${TONE_TEXT[statusTone(generation.status)]}`}
          data-testid="queue-status"
        >
          {statusLabel(generation.status)}
        </span>
        <span className="tabular-nums text-muted">
          {formatSeconds(elapsed)}
          {active ? ` of typically ~${formatSeconds(typicalSeconds)}` : ""}
        </span>
        <span className="text-muted">
          {generation.chargedUnits !== null
            ? `${generation.chargedUnits} units charged`
            : `~${generation.estimatedUnits} units`}
        </span>
      </p>
      {active && generation.klingStatusMsg && (
        <p className="mt-1 text-xs text-muted">{generation.klingStatusMsg}</p>
      )}
      {failed && generation.errorMessage && (
        <p className="mt-2 rounded border border-danger/40 bg-danger/10 px-2 py-1 text-xs text-danger">
          {generation.errorMessage}
        </p>
      )}
      {generation.videoUrl && (
        // biome-ignore lint/a11y/useMediaCaption: generated videos have no captions to offer
        <video
          src={generation.videoUrl}
          poster={generation.posterUrl ?? undefined}
          controls
          preload="metadata"
          playsInline
          className="mt-3 w-full rounded-md bg-black"
          aria-label={`Video: ${generation.prompt.slice(0, 80)}`}
        />
      )}
      <div className="mt-2 flex gap-3 text-xs">
        <Link
          href={`/?from=${generation.id}`}
          className="inline-flex items-center gap-1 text-accent hover:underline"
        >
          <RotateCcw aria-hidden className="size-3" /> Remix
        </Link>
      </div>
    </li>
  );
}

function StatusIcon({ status }: { status: string }) {
  switch (statusTone(status)) {
    case "ok":
      return <CheckCircle2 aria-hidden className="mt-0.5 size-4 shrink-0 text-ok" />;
    case "danger":
      return <AlertTriangle aria-hidden className="mt-0.5 size-4 shrink-0 text-danger" />;
    case "waiting":
      return <Clock aria-hidden className="mt-0.5 size-4 shrink-0 text-muted" />;
    case "running":
      return <Loader2 aria-hidden className="mt-0.5 size-4 shrink-0 animate-spin text-accent" />;
  }
}

/** Ticks locally between polls so elapsed time moves every second. */
function useElapsed(serverSeconds: number, running: boolean) {
  const [base] = useState(() => ({ seconds: serverSeconds, at: Date.now() }));
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!running) return;
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [running]);
  if (!running) return serverSeconds;
  return Math.max(serverSeconds, base.seconds + Math.round((now - base.at) / 1000));
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

function formatSeconds(total: number) {
  const minutes = Math.floor(total / 60);
  const seconds = total % 60;
  return minutes ? `${minutes}m ${String(seconds).padStart(2, "0")}s` : `${seconds}s`;
}
