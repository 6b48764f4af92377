"use client";

import { ArrowLeft, ChevronLeft, ChevronRight, Download, RotateCcw, Share2 } from "lucide-react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useRef, useState, useTransition } from "react";
import { toast } from "sonner";
import { Activity } from "@/components/review/activity";
import { Comments } from "@/components/review/comments";
import { Parameters } from "@/components/review/parameters";
import { ReviewPanel } from "@/components/review/review-panel";
import type { RunAction } from "@/components/review/run-action";
import { SharePanel } from "@/components/review/share-panel";
import { ShotList } from "@/components/review/shot-list";
import { useReviewShortcuts } from "@/components/review/use-review-shortcuts";
import { useTeamScope } from "@/components/team-scope";
import { SaveTemplateButton } from "@/components/templates/save-template-button";
import { Button } from "@/components/ui/button";
import { rateVideoAction, setReviewStateAction } from "@/lib/review/actions";
import type { VideoDetail } from "@/lib/review/detail";
import { REVIEW_LABELS, type ReviewState } from "@/lib/review/review.validation";

/** The video page: player and actions, parameters and lineage, and the review side bar. */
export function VideoReview({
  detail,
  permissions,
  navigation,
}: {
  detail: VideoDetail;
  permissions: { review: boolean; comment: boolean; share: boolean; generate: boolean };
  navigation: { previous: string | null; next: string | null; gallery: string };
}) {
  const scope = useTeamScope();
  const router = useRouter();
  const player = useRef<HTMLVideoElement>(null);
  const commentBox = useRef<HTMLTextAreaElement>(null);
  const [pending, startTransition] = useTransition();
  const [shareOpen, setShareOpen] = useState(false);

  const run: RunAction = (work, success) =>
    startTransition(async () => {
      const result = await work();
      if (result.ok) toast.success(success);
      else toast.error(result.error);
      router.refresh();
    });
  const review = (state: ReviewState) => {
    if (!permissions.review) return toast.error("Your role cannot review videos.");
    run(
      () => setReviewStateAction({ ...scope, generationId: detail.id, state }),
      `Marked ${REVIEW_LABELS[state].toLowerCase()}`,
    );
  };
  useReviewShortcuts({
    approve: () => review("approved"),
    reject: () => review("rejected"),
    comment: () => commentBox.current?.focus(),
    next: navigation.next ? () => router.push(navigation.next as string) : null,
    previous: navigation.previous ? () => router.push(navigation.previous as string) : null,
  });

  const seek = (seconds: number) => {
    if (!player.current) return;
    player.current.currentTime = seconds;
    player.current.focus();
  };

  return (
    <div className="space-y-6">
      <VideoNavigation navigation={navigation} />
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
          <ReviewPanel
            detail={detail}
            canReview={permissions.review}
            pending={pending}
            onReview={review}
            onRate={(stars) =>
              run(
                () => rateVideoAction({ ...scope, generationId: detail.id, stars }),
                `Rated ${stars} star${stars === 1 ? "" : "s"}`,
              )
            }
          />
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

function VideoNavigation({
  navigation,
}: {
  navigation: { previous: string | null; next: string | null; gallery: string };
}) {
  return (
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
  );
}
