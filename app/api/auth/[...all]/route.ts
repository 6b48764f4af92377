// GET|POST /api/auth/* – better-auth's HTTP endpoints, only those on the allow-list (none today)
import { toNextJsHandler } from "better-auth/next-js";
import { getAuth } from "@/lib/auth/instance";
import { isAllowedAuthRequest } from "@/lib/security/auth-endpoints";

export const dynamic = "force-dynamic";

export async function GET(request: Request) {
  if (!isAllowedAuthRequest("GET", request.url)) return notFound();
  return toNextJsHandler(getAuth()).GET(request);
}

export async function POST(request: Request) {
  if (!isAllowedAuthRequest("POST", request.url)) return notFound();
  return toNextJsHandler(getAuth()).POST(request);
}

// Note: the same answer as any unknown URL, so the installed better-auth cannot be fingerprinted.
function notFound() {
  return Response.json({ error: "Not found." }, { status: 404, headers: { "cache-control": "no-store" } });
}
