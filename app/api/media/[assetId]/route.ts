// GET /api/media/:assetId – a stored video or poster, with Range support, to members of its team
import { withTeam } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { serveStoredFile } from "@/lib/media/serve";

export const dynamic = "force-dynamic";

export const GET = withTeam<{ assetId: string }>(
  async (request, context, route) => {
    const { assetId } = await route.params;
    const asset = await db.asset.findFirst({ where: { id: assetId, teamId: context.team.id } });
    if (!asset) return Response.json({ error: "Not found." }, { status: 404 });
    const download = new URL(request.url).searchParams.get("download") === "1";
    return serveStoredFile(request, {
      storageKey: asset.storageKey,
      contentType: asset.contentType,
      downloadName: download
        ? `kling-${asset.generationId}.${asset.kind === "video" ? "mp4" : "jpg"}`
        : undefined,
    });
  },
  { permission: "team.view" },
);
