// GET /c/:token/video/:generationId – one video of a shared comparison, public, with Range support
import { resolveCompareToken } from "@/lib/batches/compare";
import { serveStoredFile } from "@/lib/media/serve";

export const dynamic = "force-dynamic";

export async function GET(
  request: Request,
  { params }: { params: Promise<{ token: string; generationId: string }> },
) {
  const { token, generationId } = await params;
  const cell = (await resolveCompareToken(token))?.cells.find(
    (candidate) => candidate.generation.id === generationId,
  );
  if (!cell) return new Response("Not found", { status: 404 });
  return serveStoredFile(
    request,
    { storageKey: cell.video.storageKey, contentType: cell.video.contentType },
    {
      // Note: revoking a link must stop playback at once; no shared cache may keep a copy.
      "cache-control": "private, no-store",
      "x-robots-tag": "noindex",
    },
  );
}
