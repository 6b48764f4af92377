import { shotTimecodes } from "@/lib/generations/storyboard.validation";

/** Each shot's share of the clip, as a bar; the text alternative lists the timecodes. */
export function ShotTimeline({ shots }: { shots: Array<{ key: string; duration: number }> }) {
  const total = shots.reduce((sum, shot) => sum + Math.max(0, shot.duration), 0) || 1;
  const times = shotTimecodes(shots);
  return (
    <div
      role="img"
      aria-label={`Timeline: ${times.map((time, index) => `shot ${index + 1} ${time.start}–${time.end} s`).join(", ")}`}
      className="flex h-6 w-full overflow-hidden rounded border border-line"
      data-testid="shot-timeline"
    >
      {shots.map((shot, index) => (
        <div
          key={shot.key}
          style={{ width: `${(Math.max(0, shot.duration) / total) * 100}%` }}
          className={`flex items-center justify-center overflow-hidden text-[10px] text-fg ${index % 2 ? "bg-accent/30" : "bg-accent/60"}`}
        >
          {index + 1} · {shot.duration}s
        </div>
      ))}
    </div>
  );
}
