// GET /api/health – liveness of the studio, its database, its Kling backend and its media storage (200 or 503)
import { resolveTeamContext } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { checkKlingHealth } from "@/lib/kling/health";
import { checkStorageHealth, type StorageHealth } from "@/lib/storage/health";

export const dynamic = "force-dynamic";

export async function GET(request?: Request) {
  const [database, kling, storage, admin] = await Promise.all([
    checkDatabase(),
    checkKlingHealth(),
    checkStorageHealth(),
    request ? isAdmin(request) : false,
  ]);
  const healthy = database.ok && kling.ok && storage.ok;
  return Response.json(
    {
      status: healthy ? "ok" : "error",
      db: database.ok ? "ok" : { error: database.error },
      kling: kling.ok
        ? { status: "ok", backend: kling.backend }
        : { error: kling.error, backend: kling.backend },
      // Note: bucket names and endpoints are for admins; a load balancer only needs ok or not.
      storage: admin ? storage.detail : storage.ok ? "ok" : { error: "media storage is unavailable" },
    },
    { status: healthy ? 200 : 503, headers: { "cache-control": "no-store" } },
  );
}

export type GetHealthResponse = {
  status: "ok" | "error";
  db: "ok" | { error: string };
  kling: { status: "ok"; backend: string } | { error: string; backend: string };
  storage: "ok" | { error: string } | StorageHealth["detail"];
};

/** Owners and admins of their current team see the storage details. */
async function isAdmin(request: Request) {
  // Load balancers call without cookies every few seconds: no session lookup for them.
  if (!request.headers.get("cookie")) return false;
  return resolveTeamContext(request.headers, "team.update").then(
    () => true,
    () => false,
  );
}

async function checkDatabase(): Promise<{ ok: true } | { ok: false; error: string }> {
  try {
    await db.appSetting.count();
    return { ok: true };
  } catch (error) {
    return {
      ok: false,
      error: error instanceof Error ? error.message.split("\n").at(-1) || error.name : String(error),
    };
  }
}
