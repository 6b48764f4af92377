// GET|POST /api/auth/* – better-auth's own endpoints (session, sign-out, organization plugin)
import { toNextJsHandler } from "better-auth/next-js";
import { getAuth } from "@/lib/auth/instance";

export const dynamic = "force-dynamic";

export async function GET(request: Request) {
  return toNextJsHandler(getAuth()).GET(request);
}

export async function POST(request: Request) {
  return toNextJsHandler(getAuth()).POST(request);
}
