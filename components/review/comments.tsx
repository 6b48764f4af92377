"use client";

import { useState } from "react";
import type { RunAction } from "@/components/review/run-action";
import { formatTimecode } from "@/components/review/timecode";
import { useTeamScope } from "@/components/team-scope";
import { Button } from "@/components/ui/button";
import { addCommentAction } from "@/lib/review/actions";
import type { CommentsPage } from "@/lib/review/comments";
import type { VideoDetail } from "@/lib/review/detail";

export function Comments({
  detail,
  enabled,
  commentBox,
  player,
  onSeek,
  run,
  pending,
}: {
  detail: VideoDetail;
  enabled: boolean;
  commentBox: React.RefObject<HTMLTextAreaElement | null>;
  player: React.RefObject<HTMLVideoElement | null>;
  onSeek: (seconds: number) => void;
  run: RunAction;
  pending: boolean;
}) {
  const scope = useTeamScope();
  const [body, setBody] = useState("");
  const [timecode, setTimecode] = useState<number | null>(null);
  const [earlier, setEarlier] = useState<CommentsPage["comments"]>([]);
  const [earlierCursor, setEarlierCursor] = useState(detail.earlierComments);
  const [loadingEarlier, setLoadingEarlier] = useState(false);
  const shown = [...earlier, ...detail.comments];
  async function showEarlier() {
    if (!earlierCursor) return;
    setLoadingEarlier(true);
    try {
      const response = await fetch(
        `/api/videos/${detail.id}/comments?before=${encodeURIComponent(earlierCursor)}`,
        { cache: "no-store" },
      );
      if (!response.ok) return;
      const page = (await response.json()) as CommentsPage;
      setEarlier((current) => [...page.comments, ...current]);
      setEarlierCursor(page.earlier);
    } finally {
      setLoadingEarlier(false);
    }
  }
  return (
    <section
      className="space-y-3 rounded-lg border border-line bg-panel p-4"
      aria-labelledby="comments-heading"
    >
      <h2 id="comments-heading" className="text-sm font-medium">
        Comments ({detail.commentCount})
      </h2>
      {earlierCursor && (
        <Button variant="ghost" disabled={loadingEarlier} onClick={showEarlier}>
          Show earlier comments
        </Button>
      )}
      {shown.length === 0 ? (
        <p className="text-xs text-muted">No comments yet.</p>
      ) : (
        <ul className="space-y-2">
          {shown.map((comment) => (
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
              const result = await addCommentAction({
                ...scope,
                generationId: detail.id,
                body,
                timecodeSeconds: timecode,
              });
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
