import type { Metadata } from "next";
import { headers } from "next/headers";
import { notFound } from "next/navigation";
import { cache } from "react";
import { requestOrigin } from "@/lib/http/forwarded";
import { countShareView, resolveShareToken } from "@/lib/share/share";

export const dynamic = "force-dynamic";

// Note: this page is public. It shows the video and (unless hidden) its prompt, and nothing else of
// the team: no names, no links into the studio. Unknown, revoked and expired tokens all 404 alike.
const resolve = cache(resolveShareToken);

export async function generateMetadata({
  params,
}: {
  params: Promise<{ token: string }>;
}): Promise<Metadata> {
  const { token } = await params;
  const shared = await resolve(token);
  if (!shared) return { title: "Not found", robots: { index: false } };
  const origin = await publicOrigin();
  const title = shared.link.hidePrompt
    ? "A video made with Kling Studio"
    : shorten(shared.generation.prompt, 70);
  const description = shared.link.hidePrompt
    ? "Shared from Kling Studio"
    : shorten(shared.generation.prompt, 200);
  const video = {
    url: `${origin}/s/${token}/video`,
    type: "video/mp4",
    width: shared.video.width ?? undefined,
    height: shared.video.height ?? undefined,
  };
  const image = shared.poster
    ? [
        {
          url: `${origin}/s/${token}/poster`,
          width: shared.poster.width ?? undefined,
          height: shared.poster.height ?? undefined,
        },
      ]
    : [];
  return {
    title,
    description,
    robots: { index: false },
    openGraph: {
      type: "video.other",
      title,
      description,
      url: `${origin}/s/${token}`,
      videos: [video],
      images: image,
    },
    twitter: {
      card: "player",
      title,
      description,
      images: image.map((entry) => entry.url),
      players: [
        {
          playerUrl: `${origin}/s/${token}`,
          streamUrl: video.url,
          width: video.width ?? 1280,
          height: video.height ?? 720,
        },
      ],
    },
  };
}

export default async function SharedVideoPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const shared = await resolve(token);
  if (!shared) notFound();
  await countShareView(shared.link.id);
  return (
    <main id="main" className="mx-auto max-w-4xl space-y-4 px-4 py-10">
      {/* biome-ignore lint/a11y/useMediaCaption: generated videos have no captions */}
      <video
        src={`/s/${token}/video`}
        poster={shared.poster ? `/s/${token}/poster` : undefined}
        controls
        playsInline
        preload="metadata"
        className="w-full rounded-lg bg-black"
        aria-label="Shared video"
      />
      {!shared.link.hidePrompt && (
        <section aria-label="Prompt" className="rounded-lg border border-line bg-panel p-4">
          <h1 className="mb-1 text-sm font-medium text-muted">Prompt</h1>
          <p className="whitespace-pre-wrap">{shared.generation.prompt}</p>
        </section>
      )}
      <p className="text-xs text-muted">
        {shared.generation.duration} s · {shared.generation.aspectRatio} · made with Kling Studio
      </p>
    </main>
  );
}

async function publicOrigin() {
  return requestOrigin(await headers());
}

function shorten(text: string, length: number) {
  return text.length > length ? `${text.slice(0, length - 1)}…` : text;
}
