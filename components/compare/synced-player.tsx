"use client";

import { Pause, Play, Repeat, SkipBack, SkipForward } from "lucide-react";
import { useCallback, useEffect, useId, useRef, useState } from "react";

export interface CompareCell {
  id: string;
  videoUrl: string;
  posterUrl: string | null;
  label: string;
  detail: string;
  actions?: React.ReactNode;
}

// One frame at the studio's slowest common rate (24 fps); a step lands inside the next frame.
const FRAME_SECONDS = 1 / 24;
// Cells further than this from the first cell are nudged back to it while playing; beyond
// JUMP_SECONDS they jump.
const MAX_DRIFT_SECONDS = 0.01;
const JUMP_SECONDS = 0.2;
const LAYOUTS: Record<number, string> = {
  1: "",
  2: "sm:grid-cols-2",
  3: "sm:grid-cols-3",
  4: "sm:grid-cols-2",
};

/**
 * Plays 1–4 videos as one: one play/pause, one seek bar, loop, frame step (`,` `.`), sound from one
 * cell at most. The longest video is the clock (columns may differ in duration); the others follow
 * it and rest at their own end once it has passed.
 */
export function SyncedPlayer({ cells }: { cells: CompareCell[] }) {
  const videos = useRef(new Map<string, HTMLVideoElement>());
  const [playing, setPlaying] = useState(false);
  const [time, setTime] = useState(0);
  const [duration, setDuration] = useState(0);
  const [loop, setLoop] = useState(true);
  const [soundFrom, setSoundFrom] = useState<string | null>(null);
  const id = useId();
  const all = useCallback(() => cells.flatMap((cell) => videos.current.get(cell.id) ?? []), [cells]);
  /** The cells with the clock first: the longest video, so the shorter ones end before it. */
  const byClock = useCallback(
    () =>
      all().sort(
        (a, b) =>
          (Number.isFinite(b.duration) ? b.duration : 0) - (Number.isFinite(a.duration) ? a.duration : 0),
      ),
    [all],
  );
  const clock = () => byClock()[0];

  const seek = useCallback(
    (seconds: number) => {
      const target = Math.max(0, Math.min(seconds, duration || seconds));
      for (const video of all()) video.currentTime = target;
      setTime(target);
    },
    [all, duration],
  );
  const play = useCallback(async () => {
    const list = byClock();
    const start = list[0]?.currentTime ?? 0;
    for (const video of list) video.currentTime = Math.min(start, video.duration || start);
    // Start together: only once every cell can play from here (a cell still buffering would lag).
    await Promise.all(list.map(canPlay));
    // A shorter cell past its end rests there: play() on an ended video would restart it from 0.
    const moving = list.filter((video) => !(start >= video.duration));
    await Promise.all(moving.map((video) => video.play().catch(() => undefined)));
    setPlaying(true);
  }, [byClock]);
  const pause = useCallback(() => {
    const list = byClock();
    for (const video of list) {
      video.pause();
      video.playbackRate = 1;
    }
    if (list[0]) seek(list[0].currentTime);
    setPlaying(false);
  }, [byClock, seek]);
  const step = (frames: number) => {
    pause();
    seek((clock()?.currentTime ?? time) + frames * FRAME_SECONDS);
  };

  // While playing: follow the clock, pull drifting cells back, and loop or stop at the end.
  useEffect(() => {
    if (!playing) return;
    let frame = 0;
    const tick = () => {
      const [first, ...others] = byClock();
      if (first) {
        for (const video of others) {
          if (first.currentTime >= video.duration) continue; // a shorter cell rests at its end
          const drift = video.currentTime - first.currentTime;
          // Far off: jump. Slightly off: speed up or slow down, since every jump stalls the cell
          // for a moment and would itself cause drift.
          if (Math.abs(drift) > JUMP_SECONDS) video.currentTime = first.currentTime;
          // Proportional: 0.1 s behind plays at 1.3× until caught up.
          else
            video.playbackRate =
              Math.abs(drift) > MAX_DRIFT_SECONDS ? Math.min(1.5, Math.max(0.5, 1 - drift * 3)) : 1;
        }
        setTime(first.currentTime);
        if (first.ended) {
          if (loop) {
            seek(0);
            void play();
          } else setPlaying(false);
        }
      }
      frame = requestAnimationFrame(tick);
    };
    frame = requestAnimationFrame(tick);
    return () => cancelAnimationFrame(frame);
  }, [playing, byClock, loop, seek, play]);

  useEffect(() => {
    for (const cell of cells) {
      const video = videos.current.get(cell.id);
      if (video) video.muted = soundFrom !== cell.id;
    }
  }, [cells, soundFrom]);

  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: the shortcuts (, . space) work anywhere in the player
    <div
      className="space-y-3"
      data-testid="synced-player"
      data-playing={playing || undefined}
      onKeyDown={(event) => {
        const target = event.target as HTMLElement;
        if (target.tagName === "INPUT" && (target as HTMLInputElement).type !== "range") return;
        if (event.key === ",") step(-1);
        else if (event.key === ".") step(1);
        else if (event.key === " " && target.tagName !== "BUTTON") void (playing ? pause() : play());
        else return;
        event.preventDefault();
      }}
    >
      <ul
        aria-label="Compared videos"
        className={`grid grid-cols-1 gap-3 ${LAYOUTS[cells.length] ?? "sm:grid-cols-2"}`}
      >
        {cells.map((cell) => (
          <li
            key={cell.id}
            data-testid="compare-cell"
            className="space-y-1.5 rounded-lg border border-line bg-panel p-2"
          >
            <video
              ref={(element) => {
                if (element) videos.current.set(cell.id, element);
                else videos.current.delete(cell.id);
              }}
              src={cell.videoUrl}
              poster={cell.posterUrl ?? undefined}
              muted={soundFrom !== cell.id}
              playsInline
              preload="auto"
              onLoadedMetadata={(event) => {
                // Read now: React clears currentTarget before a state updater runs.
                const seconds = event.currentTarget.duration;
                setDuration((current) => Math.max(current, seconds));
              }}
              className="w-full rounded bg-black"
              aria-label={`Video: ${cell.label}`}
            />
            <p className="text-sm font-medium">{cell.label}</p>
            <p className="text-xs text-muted">{cell.detail}</p>
            <label className="flex items-center gap-1.5 text-xs">
              <input
                type="radio"
                name={`${id}-sound`}
                checked={soundFrom === cell.id}
                onChange={() => setSoundFrom(cell.id)}
              />
              Sound from {cell.label}
            </label>
            {cell.actions}
          </li>
        ))}
      </ul>
      <div className="flex flex-wrap items-center gap-3 rounded-lg border border-line bg-panel p-3">
        <button
          type="button"
          onClick={() => void (playing ? pause() : play())}
          aria-label={playing ? "Pause all" : "Play all"}
          aria-describedby={`${id}-keys`}
          className="rounded-md bg-accent-strong p-2 text-white hover:bg-accent"
        >
          {playing ? <Pause aria-hidden className="size-4" /> : <Play aria-hidden className="size-4" />}
        </button>
        <button
          type="button"
          onClick={() => step(-1)}
          aria-label="Previous frame (,)"
          className="rounded p-2 hover:bg-raised"
        >
          <SkipBack aria-hidden className="size-4" />
        </button>
        <button
          type="button"
          onClick={() => step(1)}
          aria-label="Next frame (.)"
          className="rounded p-2 hover:bg-raised"
        >
          <SkipForward aria-hidden className="size-4" />
        </button>
        <label className="flex min-w-40 flex-1 items-center gap-2 text-xs">
          <span className="sr-only">Seek all</span>
          <input
            type="range"
            min={0}
            max={duration || 0}
            step={0.1}
            value={time}
            aria-valuetext={`${time.toFixed(1)} of ${duration.toFixed(1)} seconds`}
            onChange={(event) => seek(Number(event.target.value))}
            className="w-full"
          />
        </label>
        <span className="font-mono text-xs tabular-nums" data-testid="compare-time">
          {time.toFixed(2)} / {duration.toFixed(2)} s
        </span>
        <label className="flex items-center gap-1.5 text-xs">
          <input type="checkbox" checked={loop} onChange={(event) => setLoop(event.target.checked)} />
          <Repeat aria-hidden className="size-3.5" /> Loop
        </label>
        <label className="flex items-center gap-1.5 text-xs">
          <input
            type="radio"
            name={`${id}-sound`}
            checked={soundFrom === null}
            onChange={() => setSoundFrom(null)}
          />
          All muted
        </label>
        <p id={`${id}-keys`} className="w-full text-xs text-muted">
          Keys: <kbd>,</kbd> and <kbd>.</kbd> step one frame, <kbd>Space</kbd> plays or pauses all.
        </p>
      </div>
    </div>
  );
}

function canPlay(video: HTMLVideoElement) {
  if (video.readyState >= HTMLMediaElement.HAVE_FUTURE_DATA) return Promise.resolve();
  return new Promise<void>((resolve) => {
    const done = () => {
      clearTimeout(timer);
      resolve();
    };
    // A cell that never gets ready must not hold the others forever.
    const timer = setTimeout(done, 5_000);
    video.addEventListener("canplay", done, { once: true });
  });
}
