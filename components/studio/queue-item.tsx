"use client";

import { AlertTriangle, CheckCircle2, Clock, Loader2, RotateCcw } from "lucide-react";
import Link from "next/link";
import { useEffect, useState } from "react";
import { SavingLater } from "@/components/studio/saving-later";
import { isActive, isFailed, type StatusTone, statusLabel, statusTone } from "@/lib/generations/lifecycle";
import type { GenerationSummary } from "@/lib/generations/queries";
import { MODE_LABELS, type Mode } from "@/lib/kling/models";

const TONE_TEXT: Record<StatusTone, string> = {
  waiting: "text-accent",
  running: "text-accent",
  ok: "text-ok",
  danger: "text-danger",
};

/** One generation's card: status, timing, cost, Kling's reason, the video, Remix. */
export function QueueItem({
  generation,
  typicalSeconds,
  heading,
  canRetry = false,
}: {
  generation: GenerationSummary;
  typicalSeconds: number;
  /** May press "Retry now" on a video whose copy is not saved yet. */
  canRetry?: boolean;
  /** Shown above the prompt, e.g. "Take 2". */
  heading?: string;
}) {
  const active = isActive(generation.status);
  const elapsed = useElapsed(generation.elapsedSeconds, active);
  const failed = isFailed(generation.status);
  return (
    <div
      className="rounded-lg border border-line bg-panel p-3"
      data-testid="queue-item"
      data-status={generation.status}
      data-generation-id={generation.id}
    >
      <div className="flex items-start gap-2">
        <StatusIcon status={generation.status} />
        <div className="min-w-0 flex-1">
          {heading && <p className="text-xs font-semibold uppercase tracking-wide text-muted">{heading}</p>}
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
      {active && generation.klingStatusMsg && generation.status !== "archive_waiting" && (
        <p className="mt-1 text-xs text-muted">{generation.klingStatusMsg}</p>
      )}
      {generation.status === "archive_waiting" && <SavingLater generation={generation} canRetry={canRetry} />}
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
    </div>
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

function formatSeconds(total: number) {
  const minutes = Math.floor(total / 60);
  const seconds = total % 60;
  return minutes ? `${minutes}m ${String(seconds).padStart(2, "0")}s` : `${seconds}s`;
}
