"use client";

import { ArrowLeft, ChevronLeft, ChevronRight, Copy, Download, RotateCcw, Share2, Star } from "lucide-react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState, useTransition } from "react";
import { toast } from "sonner";
import {
  addCommentAction,
  createShareLinkAction,
  rateVideoAction,
  revokeShareLinkAction,
  setReviewStateAction,
} from "@/app/(studio)/videos/[id]/actions";
import { ShotList } from "@/components/review/shot-list";
import { SaveTemplateButton } from "@/components/templates/save-template-button";
import { Button } from "@/components/ui/button";
import type { ActionResult } from "@/lib/errors";
import { REVIEW_LABELS, type ReviewState } from "@/lib/gallery/filters";
import { MODE_LABELS, type Mode } from "@/lib/kling/models";
import type { ShareExpiry } from "@/lib/share/share";

interface Detail {
  id: string;
  prompt: string;
  negativePrompt: string;
  model: string;
  mode: string;
  duration: number;
  aspectRatio: string;
  sound: boolean;
  request: Record<string, unknown>;
  estimatedUnits: number;
  chargedUnits: number | null;
  author: { id: string; name: string };
  createdAt: string;
  archivedAt: string | null;
  klingTaskId: string | null;
  reviewState: string;
  ratingAverage: number | null;
  ratingCount: number;
  myRating: number | null;
  video: {
    id: string;
    url: string;
    durationSeconds: number | null;
    width: number | null;
    height: number | null;
    sizeBytes: number;
  } | null;
  posterUrl: string | null;
  parent: { id: string; prompt: string; status: string } | null;
  children: Array<{ id: string; prompt: string; status: string }>;
  comments: Array<{
    id: string;
    body: string;
    timecodeSeconds: number | null;
    author: string;
    createdAt: string;
  }>;
  activity: Array<{
    id: string;
    kind: string;
    detail: Record<string, unknown>;
    actor: string;
    createdAt: string;
  }>;
  shareLinks: Array<{
    id: string;
    token: string;
    hidePrompt: boolean;
    expiresAt: string | null;
    viewCount: number;
  }>;
}

export function VideoReview({
  detail,
  permissions,
  navigation,
}: {
  detail: Detail;
  permissions: { review: boolean; comment: boolean; share: boolean; generate: boolean };
  navigation: { previous: string | null; next: string | null; gallery: string };
}) {
  const router = useRouter();
  const player = useRef<HTMLVideoElement>(null);
  const commentBox = useRef<HTMLTextAreaElement>(null);
  const [pending, startTransition] = useTransition();
  const [shareOpen, setShareOpen] = useState(false);

  const run = (work: () => Promise<ActionResult<unknown>>, success: string) =>
    startTransition(async () => {
      const result = await work();
      if (result.ok) toast.success(success);
      else toast.error(result.error);
      router.refresh();
    });
  const review = (state: ReviewState) => {
    if (!permissions.review) return toast.error("Your role cannot review videos.");
    run(() => setReviewStateAction(detail.id, state), `Marked ${REVIEW_LABELS[state].toLowerCase()}`);
  };

  // Reviewer shortcuts: A approve, R reject, C comment, J/K next and previous in the gallery filter.
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const target = event.target as HTMLElement;
      if (
        event.metaKey ||
        event.ctrlKey ||
        event.altKey ||
        ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName) ||
        target.isContentEditable
      )
        return;
      const key = event.key.toLowerCase();
      if (key === "a") review("approved");
      else if (key === "r") review("rejected");
      else if (key === "c") {
        event.preventDefault();
        commentBox.current?.focus();
      } else if (key === "j" && navigation.next) router.push(navigation.next);
      else if (key === "k" && navigation.previous) router.push(navigation.previous);
      else return;
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  });

  const seek = (seconds: number) => {
    if (!player.current) return;
    player.current.currentTime = seconds;
    player.current.focus();
  };

  return (
    <div className="space-y-6">
      <nav aria-label="Video navigation" className="flex flex-wrap items-center gap-3 text-sm">
        <Link href={navigation.gallery} className="inline-flex items-center gap-1 text-muted hover:text-fg">
          <ArrowLeft aria-hidden className="size-4" /> Gallery
        </Link>
        <span className="ml-auto flex gap-2">
          {navigation.previous ? (
            <Link
              href={navigation.previous}
              className="inline-flex items-center gap-1 rounded-md border border-line px-2 py-1 hover:bg-raised"
              title="Previous (K)"
            >
              <ChevronLeft aria-hidden className="size-4" /> Previous
            </Link>
          ) : null}
          {navigation.next ? (
            <Link
              href={navigation.next}
              className="inline-flex items-center gap-1 rounded-md border border-line px-2 py-1 hover:bg-raised"
              title="Next (J)"
            >
              Next <ChevronRight aria-hidden className="size-4" />
            </Link>
          ) : null}
        </span>
      </nav>

      <div className="grid gap-8 lg:grid-cols-[minmax(0,1fr)_360px]">
        <div className="space-y-5">
          {detail.video && (
            // biome-ignore lint/a11y/useMediaCaption: generated videos have no captions
            <video
              ref={player}
              src={detail.video.url}
              poster={detail.posterUrl ?? undefined}
              controls
              playsInline
              preload="metadata"
              className="w-full rounded-lg bg-black"
              aria-label="Video player"
            />
          )}
          <ShotList
            request={detail.request}
            onSeek={(seconds) => {
              if (player.current) player.current.currentTime = seconds;
            }}
          />
          <div className="flex flex-wrap gap-2">
            {permissions.generate && (
              <Link
                href={`/?from=${detail.id}`}
                className="inline-flex items-center gap-2 rounded-md border border-line bg-panel px-3 py-2 text-sm hover:bg-raised"
              >
                <RotateCcw aria-hidden className="size-4" /> Remix
              </Link>
            )}
            {permissions.generate && (
              <SaveTemplateButton prompt={detail.prompt} negativePrompt={detail.negativePrompt} />
            )}
            {detail.video && (
              <a
                href={`${detail.video.url}?download=1`}
                className="inline-flex items-center gap-2 rounded-md border border-line bg-panel px-3 py-2 text-sm hover:bg-raised"
              >
                <Download aria-hidden className="size-4" /> Download
              </a>
            )}
            {permissions.share && (
              <Button
                variant="secondary"
                aria-expanded={shareOpen}
                onClick={() => setShareOpen((open) => !open)}
              >
                <Share2 aria-hidden className="size-4" /> Share
              </Button>
            )}
          </div>
          {shareOpen && <SharePanel detail={detail} pending={pending} run={run} />}
          <Parameters detail={detail} />
        </div>

        <aside className="space-y-6" aria-label="Review">
          <section className="space-y-3 rounded-lg border border-line bg-panel p-4">
            <h2 className="text-sm font-medium">
              Review:{" "}
              <span data-testid="review-state">
                {REVIEW_LABELS[detail.reviewState as ReviewState] ?? detail.reviewState}
              </span>
            </h2>
            {permissions.review ? (
              <div className="flex flex-wrap gap-2">
                <Button
                  variant="secondary"
                  disabled={pending}
                  onClick={() => review("approved")}
                  title="A"
                  aria-pressed={detail.reviewState === "approved"}
                >
                  Approve <kbd className="text-xs text-muted">A</kbd>
                </Button>
                <Button
                  variant="secondary"
                  disabled={pending}
                  onClick={() => review("changes_requested")}
                  aria-pressed={detail.reviewState === "changes_requested"}
                >
                  Request changes
                </Button>
                <Button
                  variant="danger"
                  disabled={pending}
                  onClick={() => review("rejected")}
                  title="R"
                  aria-pressed={detail.reviewState === "rejected"}
                >
                  Reject <kbd className="text-xs">R</kbd>
                </Button>
              </div>
            ) : (
              <p className="text-xs text-muted">Your role can comment but not review.</p>
            )}
            <Stars
              detail={detail}
              enabled={permissions.review && !pending}
              onRate={(stars) =>
                run(() => rateVideoAction(detail.id, stars), `Rated ${stars} star${stars === 1 ? "" : "s"}`)
              }
            />
          </section>

          <Comments
            detail={detail}
            enabled={permissions.comment}
            commentBox={commentBox}
            player={player}
            onSeek={seek}
            run={run}
            pending={pending}
          />
          <Activity entries={detail.activity} />
        </aside>
      </div>
    </div>
  );
}

function Stars({
  detail,
  enabled,
  onRate,
}: {
  detail: Detail;
  enabled: boolean;
  onRate: (stars: number) => void;
}) {
  return (
    <fieldset className="space-y-1" disabled={!enabled}>
      <legend className="text-xs text-muted">
        Your rating · average{" "}
        <span data-testid="rating-average">
          {detail.ratingAverage === null
            ? "none yet"
            : `${detail.ratingAverage.toFixed(1)} from ${detail.ratingCount}`}
        </span>
      </legend>
      <div className="flex gap-1">
        {[1, 2, 3, 4, 5].map((stars) => (
          <button
            key={stars}
            type="button"
            onClick={() => onRate(stars)}
            aria-label={`${stars} star${stars === 1 ? "" : "s"}`}
            aria-pressed={detail.myRating === stars}
            className="rounded p-0.5 text-warn disabled:opacity-50"
          >
            <Star
              aria-hidden
              className={`size-5 ${detail.myRating !== null && stars <= detail.myRating ? "fill-current" : ""}`}
            />
          </button>
        ))}
      </div>
    </fieldset>
  );
}

function Comments({
  detail,
  enabled,
  commentBox,
  player,
  onSeek,
  run,
  pending,
}: {
  detail: Detail;
  enabled: boolean;
  commentBox: React.RefObject<HTMLTextAreaElement | null>;
  player: React.RefObject<HTMLVideoElement | null>;
  onSeek: (seconds: number) => void;
  run: (work: () => Promise<ActionResult<unknown>>, success: string) => void;
  pending: boolean;
}) {
  const [body, setBody] = useState("");
  const [timecode, setTimecode] = useState<number | null>(null);
  return (
    <section
      className="space-y-3 rounded-lg border border-line bg-panel p-4"
      aria-labelledby="comments-heading"
    >
      <h2 id="comments-heading" className="text-sm font-medium">
        Comments ({detail.comments.length})
      </h2>
      {detail.comments.length === 0 ? (
        <p className="text-xs text-muted">No comments yet.</p>
      ) : (
        <ul className="space-y-2">
          {detail.comments.map((comment) => (
            <li key={comment.id} className="text-sm" data-testid="comment">
              <p className="text-xs text-muted">
                {comment.author} · {new Date(comment.createdAt).toLocaleString()}
                {comment.timecodeSeconds !== null && (
                  <>
                    {" · "}
                    <button
                      type="button"
                      className="font-mono text-accent underline"
                      onClick={() => onSeek(comment.timecodeSeconds ?? 0)}
                      aria-label={`Seek to ${formatTimecode(comment.timecodeSeconds)}`}
                    >
                      {formatTimecode(comment.timecodeSeconds)}
                    </button>
                  </>
                )}
              </p>
              <p className="whitespace-pre-wrap">{comment.body}</p>
            </li>
          ))}
        </ul>
      )}
      {enabled && (
        <form
          className="space-y-2"
          onSubmit={(event) => {
            event.preventDefault();
            if (!body.trim()) return;
            run(async () => {
              const result = await addCommentAction(detail.id, body, timecode);
              if (result.ok) {
                setBody("");
                setTimecode(null);
              }
              return result;
            }, "Comment added");
          }}
        >
          <label htmlFor="comment" className="sr-only">
            Comment
          </label>
          <textarea
            id="comment"
            ref={commentBox}
            value={body}
            onChange={(event) => setBody(event.target.value)}
            rows={3}
            placeholder="Comment (C)"
            className="w-full rounded-md border border-line bg-surface px-3 py-2 text-sm"
          />
          <div className="flex flex-wrap items-center gap-2">
            <Button
              variant="ghost"
              onClick={() => setTimecode(Math.round((player.current?.currentTime ?? 0) * 10) / 10)}
            >
              Stamp current time
            </Button>
            {timecode !== null && (
              <span className="text-xs" data-testid="stamped-timecode">
                at <span className="font-mono">{formatTimecode(timecode)}</span>{" "}
                <button type="button" className="text-muted underline" onClick={() => setTimecode(null)}>
                  clear
                </button>
              </span>
            )}
            <Button type="submit" className="ml-auto" disabled={pending || !body.trim()}>
              Add comment
            </Button>
          </div>
        </form>
      )}
    </section>
  );
}

const ACTIVITY_TEXT: Record<string, (detail: Record<string, unknown>) => string> = {
  review: (detail) => `marked it ${REVIEW_LABELS[detail.to as ReviewState]?.toLowerCase() ?? detail.to}`,
  rating: (detail) => `rated it ${detail.stars} star${detail.stars === 1 ? "" : "s"}`,
  comment: (detail) =>
    detail.timecodeSeconds != null
      ? `commented at ${formatTimecode(Number(detail.timecodeSeconds))}`
      : "commented",
  share: (detail) =>
    `created a share link (${detail.expiry === "never" ? "no expiry" : `expires in ${detail.expiry}`}${detail.hidePrompt ? ", prompt hidden" : ""})`,
  unshare: () => "revoked a share link",
};

function Activity({ entries }: { entries: Detail["activity"] }) {
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
              <span className="font-medium">{entry.actor}</span>{" "}
              {ACTIVITY_TEXT[entry.kind]?.(entry.detail) ?? entry.kind}{" "}
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

function SharePanel({
  detail,
  pending,
  run,
}: {
  detail: Detail;
  pending: boolean;
  run: (work: () => Promise<ActionResult<unknown>>, success: string) => void;
}) {
  const [expiry, setExpiry] = useState<ShareExpiry>("7d");
  const [hidePrompt, setHidePrompt] = useState(false);
  const origin = typeof window === "undefined" ? "" : window.location.origin;
  return (
    <section className="space-y-3 rounded-lg border border-line bg-panel p-4" aria-labelledby="share-heading">
      <h2 id="share-heading" className="text-sm font-medium">
        Share links
      </h2>
      <div className="flex flex-wrap items-end gap-3 text-sm">
        <label className="flex flex-col text-xs text-muted">
          Expires
          <select
            value={expiry}
            onChange={(event) => setExpiry(event.target.value as ShareExpiry)}
            className="rounded-md border border-line bg-surface px-2 py-1.5 text-sm text-fg"
          >
            <option value="1d">in 1 day</option>
            <option value="7d">in 7 days</option>
            <option value="30d">in 30 days</option>
            <option value="never">never</option>
          </select>
        </label>
        <label className="flex items-center gap-2">
          <input
            type="checkbox"
            checked={hidePrompt}
            onChange={(event) => setHidePrompt(event.target.checked)}
            className="accent-[var(--color-accent)]"
          />
          Hide the prompt
        </label>
        <Button
          disabled={pending}
          onClick={() =>
            run(() => createShareLinkAction(detail.id, expiry, hidePrompt), "Share link created")
          }
        >
          Create link
        </Button>
      </div>
      {detail.shareLinks.length === 0 ? (
        <p className="text-xs text-muted">No active links.</p>
      ) : (
        <ul className="space-y-2">
          {detail.shareLinks.map((link) => {
            const url = `${origin}/s/${link.token}`;
            return (
              <li
                key={link.id}
                className="flex flex-wrap items-center gap-2 text-xs"
                data-testid="share-link"
              >
                <input
                  readOnly
                  value={url}
                  aria-label="Share link"
                  className="min-w-0 flex-1 rounded border border-line bg-surface px-2 py-1 font-mono"
                  onFocus={(event) => event.target.select()}
                />
                <span className="text-muted">
                  {link.expiresAt ? `until ${new Date(link.expiresAt).toLocaleDateString()}` : "no expiry"} ·{" "}
                  {link.viewCount} views
                  {link.hidePrompt ? " · prompt hidden" : ""}
                </span>
                <Button
                  variant="ghost"
                  aria-label="Copy share link"
                  onClick={() => navigator.clipboard?.writeText(url).then(() => toast.success("Link copied"))}
                >
                  <Copy aria-hidden className="size-3" />
                </Button>
                <Button
                  variant="danger"
                  disabled={pending}
                  onClick={() => run(() => revokeShareLinkAction(detail.id, link.id), "Share link revoked")}
                >
                  Revoke
                </Button>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}

function Parameters({ detail }: { detail: Detail }) {
  const camera = detail.request.camera as
    | { type: string; config?: Record<string, number> }
    | null
    | undefined;
  const cameraText = camera
    ? camera.type === "simple"
      ? Object.entries(camera.config ?? {})
          .filter(([, value]) => value !== 0)
          .map(([axis, value]) => `${axis} ${value}`)
          .join(", ")
      : camera.type
    : "none";
  const rows: Array<[string, React.ReactNode]> = [
    ["Model", detail.model],
    ["Mode", MODE_LABELS[detail.mode as Mode] ?? detail.mode],
    [
      "Duration",
      `${detail.duration} s${detail.video?.durationSeconds ? ` (file ${detail.video.durationSeconds.toFixed(2)} s)` : ""}`,
    ],
    [
      "Aspect ratio",
      `${detail.aspectRatio}${detail.video?.width ? ` · ${detail.video.width}×${detail.video.height}` : ""}`,
    ],
    ["CFG scale", detail.request.cfgScale == null ? "not used" : String(detail.request.cfgScale)],
    ["Camera movement", cameraText],
    ["Native audio", detail.sound ? "on" : "off"],
    [
      "Units",
      detail.chargedUnits !== null
        ? `${detail.chargedUnits} charged (estimated ${detail.estimatedUnits})`
        : `~${detail.estimatedUnits}`,
    ],
    ["Author", detail.author.name],
    ["Created", new Date(detail.createdAt).toLocaleString()],
    ["Finished", detail.archivedAt ? new Date(detail.archivedAt).toLocaleString() : "—"],
    ["Kling task", detail.klingTaskId ?? "—"],
  ];
  return (
    <section className="space-y-4">
      <div>
        <h1 className="mb-1 text-sm font-medium text-muted">Prompt</h1>
        <p className="whitespace-pre-wrap" data-testid="video-prompt">
          {detail.prompt}
        </p>
        {detail.negativePrompt && (
          <p className="mt-2 text-sm text-muted">Negative: {detail.negativePrompt}</p>
        )}
      </div>
      <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
        {rows.map(([label, value]) => (
          <div key={label} className="contents">
            <dt className="text-muted">{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      {(detail.parent || detail.children.length > 0) && (
        <div className="space-y-1 text-sm">
          <h2 className="font-medium">Lineage</h2>
          {detail.parent && (
            <p>
              Remixed from{" "}
              <Link href={`/videos/${detail.parent.id}`} className="text-accent underline">
                {detail.parent.prompt.slice(0, 80)}
              </Link>
            </p>
          )}
          {detail.children.length > 0 && (
            <ul className="list-inside list-disc">
              {detail.children.map((child) => (
                <li key={child.id}>
                  Remix:{" "}
                  {child.status === "archived" ? (
                    <Link href={`/videos/${child.id}`} className="text-accent underline">
                      {child.prompt.slice(0, 80)}
                    </Link>
                  ) : (
                    <span className="text-muted">
                      {child.prompt.slice(0, 80)} ({child.status})
                    </span>
                  )}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </section>
  );
}

function formatTimecode(seconds: number | null) {
  if (seconds === null) return "";
  const minutes = Math.floor(seconds / 60);
  return `${minutes}:${(seconds - minutes * 60).toFixed(1).padStart(4, "0")}`;
}
