// GET /api/health – liveness of the studio, its database, its Kling backend and its media storage
// (200 or 503); `{status}` for anyone, details for owners and admins
import { db } from "@/lib/db";
import { checkKlingHealth } from "@/lib/kling/health";
import { mayReadHealthDetails } from "@/lib/security/health-access";
import { checkStorageHealth, type StorageHealth } from "@/lib/storage/health";

export const dynamic = "force-dynamic";

export async function GET(request?: Request) {
  const [database, kling, storage, detailed] = await Promise.all([
    checkDatabase(),
    checkKlingHealth(),
    checkStorageHealth(),
    mayReadHealthDetails(request?.headers),
  ]);
  const healthy = database.ok && kling.ok && storage.ok;
  const status = healthy ? "ok" : "error";
  // Note: anonymous callers learn up or down, nothing else: which backend (live or emulator), the
  // bucket and endpoint, and the error texts of Kling, the database and the storage are for the
  // people who run the studio.
  const body: GetHealthResponse = detailed
    ? {
        status,
        db: database.ok ? "ok" : { error: database.error },
        kling: kling.ok
          ? { status: "ok", backend: kling.backend }
          : { error: kling.error, backend: kling.backend },
        storage: storage.detail,
      }
    : { status };
  return Response.json(body, { status: healthy ? 200 : 503, headers: { "cache-control": "no-store" } });
}

export type GetHealthResponse = {
  status: "ok" | "error";
  db?: "ok" | { error: string };
  kling?: { status: "ok"; backend: string } | { error: string; backend: string };
  storage?: StorageHealth["detail"];
};

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
