// GET /api/health – liveness of the studio, its database and its Kling backend (200 or 503)
import { db } from "@/lib/db";
import { checkKlingHealth } from "@/lib/kling/health";

export const dynamic = "force-dynamic";

export async function GET() {
  const [database, kling] = await Promise.all([checkDatabase(), checkKlingHealth()]);
  const healthy = database.ok && kling.ok;
  return Response.json(
    {
      status: healthy ? "ok" : "error",
      db: database.ok ? "ok" : { error: database.error },
      kling: kling.ok
        ? { status: "ok", backend: kling.backend }
        : { error: kling.error, backend: kling.backend },
    },
    { status: healthy ? 200 : 503, headers: { "cache-control": "no-store" } },
  );
}

export type GetHealthResponse = {
  status: "ok" | "error";
  db: "ok" | { error: string };
  kling: { status: "ok"; backend: string } | { error: string; backend: string };
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
