import { formatTimecode } from "@/components/review/timecode";
import type { ActivityKind } from "@/lib/activity/log";
import type { VideoDetail } from "@/lib/review/detail";
import { reviewLabel } from "@/lib/review/review.validation";

const ACTIVITY_TEXT: Record<ActivityKind, (detail: Record<string, unknown>) => string> = {
  review: (detail) => `marked it ${reviewLabel(String(detail.to)).toLowerCase()}`,
  rating: (detail) => `rated it ${detail.stars} star${detail.stars === 1 ? "" : "s"}`,
  comment: (detail) =>
    detail.timecodeSeconds != null
      ? `commented at ${formatTimecode(Number(detail.timecodeSeconds))}`
      : "commented",
  share: (detail) =>
    `created a share link (${detail.expiry === "never" ? "no expiry" : `expires in ${detail.expiry}`}${detail.hidePrompt ? ", prompt hidden" : ""})`,
  unshare: () => "revoked a share link",
  compare_share: (detail) =>
    `shared it in a comparison link (${detail.expiry === "never" ? "no expiry" : `expires in ${detail.expiry}`})`,
  compare_unshare: () => "revoked a comparison link",
};

export function Activity({ entries }: { entries: VideoDetail["activity"] }) {
  return (
    <section
      className="space-y-2 rounded-lg border border-line bg-panel p-4"
      aria-labelledby="activity-heading"
    >
      <h2 id="activity-heading" className="text-sm font-medium">
        Activity
      </h2>
      {entries.length === 0 ? (
        <p className="text-xs text-muted">Nothing yet.</p>
      ) : (
        <ol className="space-y-1 text-xs">
          {entries.map((entry) => (
            <li key={entry.id} data-testid="activity">
              <span className="font-medium">{entry.actor}</span> {activityText(entry)}{" "}
              <time className="text-muted" dateTime={entry.createdAt}>
                {new Date(entry.createdAt).toLocaleString()}
              </time>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

function activityText(entry: VideoDetail["activity"][number]) {
  if (!Object.hasOwn(ACTIVITY_TEXT, entry.kind)) return entry.kind;
  return ACTIVITY_TEXT[entry.kind as ActivityKind](entry.detail);
}
