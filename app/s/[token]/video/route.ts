// GET /s/:token/video – the shared video, public, with Range support
import { serveStoredFile } from "@/lib/media/serve";
import { resolveShareToken } from "@/lib/share/share";

export const dynamic = "force-dynamic";

export async function GET(request: Request, { params }: { params: Promise<{ token: string }> }) {
  const shared = await resolveShareToken((await params).token);
  if (!shared) return new Response("Not found", { status: 404 });
  return serveStoredFile(
    request,
    { storageKey: shared.video.storageKey, contentType: shared.video.contentType },
    {
      // Note: revoking a link must stop playback at once; no shared cache may keep a copy.
      "cache-control": "private, no-store",
      "x-robots-tag": "noindex",
    },
  );
}
