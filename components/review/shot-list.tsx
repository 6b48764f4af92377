"use client";

import { type Shot, shotTimecodes } from "@/lib/generations/storyboard.validation";

/** A storyboard's shots with their timecodes; clicking one seeks the player to its start. */
export function ShotList({
  request,
  onSeek,
}: {
  request: Record<string, unknown>;
  onSeek: (seconds: number) => void;
}) {
  if (request.shotType !== "customize" || !Array.isArray(request.shots)) return null;
  const shots = request.shots as Shot[];
  const times = shotTimecodes(shots);
  return (
    <section aria-labelledby="shots-heading" className="space-y-2">
      <h2 id="shots-heading" className="text-sm font-semibold">
        Storyboard · {shots.length} shots
      </h2>
      <ol className="space-y-1">
        {shots.map((shot, index) => (
          <li key={times[index].start}>
            <button
              type="button"
              onClick={() => onSeek(times[index].start)}
              className="flex w-full items-baseline gap-3 rounded-md px-2 py-1.5 text-left text-sm hover:bg-raised"
              aria-label={`Shot ${index + 1}, ${timecode(times[index].start)} to ${timecode(times[index].end)}: ${shot.prompt}. Play from here`}
            >
              <span className="shrink-0 font-mono text-xs text-accent tabular-nums">
                {timecode(times[index].start)}–{timecode(times[index].end)}
              </span>
              <span className="text-xs font-semibold">Shot {index + 1}</span>
              <span className="line-clamp-2 text-xs text-muted">{shot.prompt}</span>
            </button>
          </li>
        ))}
      </ol>
    </section>
  );
}

function timecode(seconds: number) {
  return `${Math.floor(seconds / 60)}:${String(Math.floor(seconds % 60)).padStart(2, "0")}`;
}
