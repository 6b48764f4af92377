// Every request: a fresh CSP nonce and the security headers (lib/security/headers.ts).
import { type NextRequest, NextResponse } from "next/server";
import { storageEnv } from "@/lib/env";
import { createNonce, securityHeaders } from "@/lib/security/headers";
import { badUrlResponse, urlProblem } from "@/lib/security/request-guard";
import { presignedMediaOrigins } from "@/lib/storage/origin";

// Read once: the storage settings do not change while the server runs (a bad value already stopped
// the launcher's start-up check).
let mediaOrigins: string[] | undefined;
function storageMediaOrigins() {
  if (!mediaOrigins) {
    try {
      mediaOrigins = presignedMediaOrigins(storageEnv());
    } catch {
      mediaOrigins = [];
    }
  }
  return mediaOrigins;
}

export function proxy(request: NextRequest) {
  const nonce = createNonce();
  const headers = securityHeaders({
    nonce,
    pathname: request.nextUrl.pathname,
    https: process.env.PUBLIC_URL?.startsWith("https://") ?? false,
    development: process.env.NODE_ENV === "development",
    mediaOrigins: storageMediaOrigins(),
  });
  // Note: Next.js takes the nonce for its own scripts from the request's CSP header.
  const problem = urlProblem(request.nextUrl);
  if (problem) {
    const refused = badUrlResponse(request.nextUrl, problem);
    for (const [name, value] of Object.entries(headers)) refused.headers.set(name, value);
    return refused;
  }
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("content-security-policy", headers["content-security-policy"]);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  return response;
}

export const config = {
  // Static chunks carry the same headers from next.config.ts; running the proxy for them would
  // only spend CPU.
  matcher: [{ source: "/((?!_next/static|_next/image|favicon.ico).*)" }],
};
