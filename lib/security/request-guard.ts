import { unstorableReason } from "@/lib/http/text";

export const MAX_QUERY_VALUE = 4096;

export interface UrlProblem {
  field: string;
  message: string;
}

/**
 * What is wrong with a request URL before any page or route reads it, or null. Every query
 * parameter the studio reads is a scalar, so a repeated one is refused rather than letting an
 * array reach a query; a NUL or control character in a parameter or path segment would reach
 * Postgres as error 22021 (a 500).
 */
export function urlProblem(url: URL): UrlProblem | null {
  for (const segment of url.pathname.split("/")) {
    let decoded: string;
    try {
      decoded = decodeURIComponent(segment);
    } catch {
      return { field: "path", message: "path: not valid percent-encoding" };
    }
    const reason = unstorableReason(decoded) ?? controlReason(decoded);
    if (reason) return { field: "path", message: `path ${reason}` };
  }
  const seen = new Set<string>();
  for (const [key, value] of url.searchParams) {
    const field = key.replace(/[^\w.-]/g, "?").slice(0, 40) || "?";
    if (seen.has(key)) return { field, message: `${field}: give one value, not several` };
    seen.add(key);
    if (value.length > MAX_QUERY_VALUE)
      return { field, message: `${field} must be at most ${MAX_QUERY_VALUE} characters` };
    const reason = unstorableReason(key) ?? unstorableReason(value) ?? controlReason(value);
    if (reason) return { field, message: `${field} ${reason}` };
  }
  return null;
}

function controlReason(value: string) {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what it looks for
  return /[\u0001-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(value)
    ? "must not contain control characters"
    : null;
}

/** The 400 for a problem: JSON `{ error, field }` for the API, plain text for pages. */
export function badUrlResponse(url: URL, problem: UrlProblem): Response {
  if (url.pathname.startsWith("/api/") || /^\/s\/[^/]+\/(video|poster)/.test(url.pathname)) {
    return Response.json({ error: problem.message, field: problem.field }, { status: 400 });
  }
  return new Response(`Bad request: ${problem.message}.`, {
    status: 400,
    headers: { "content-type": "text/plain; charset=utf-8" },
  });
}
