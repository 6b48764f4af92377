// GET /s/:token/poster – the shared video's poster frame (for link previews)
import { serveStoredFile } from "@/lib/media/serve";
import { resolveShareToken } from "@/lib/share/share";

export const dynamic = "force-dynamic";

export async function GET(request: Request, { params }: { params: Promise<{ token: string }> }) {
  const shared = await resolveShareToken((await params).token);
  if (!shared?.poster) return new Response("Not found", { status: 404 });
  return serveStoredFile(
    request,
    { storageKey: shared.poster.storageKey, contentType: shared.poster.contentType },
    {
      // Note: revoking a link must stop playback at once; no shared cache may keep a copy.
      "cache-control": "private, no-store",
    },
  );
}
