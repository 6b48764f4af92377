/**
 * The security headers every response carries, in one place (proxy.ts applies them).
 *
 * Note: the CSP uses a per-request nonce with 'strict-dynamic' for scripts: Next.js reads the
 * nonce from the request's Content-Security-Policy header and puts it on its own inline and chunk
 * scripts, so injected markup cannot run script. Styles keep 'unsafe-inline': React style
 * attributes and the toast library's injected <style> need it, and CSS cannot run script.
 */
export interface SecurityHeaderOptions {
  nonce: string;
  pathname: string;
  /** PUBLIC_URL is https: HSTS and upgrade-insecure-requests. */
  https: boolean;
  /** `next dev`: React's dev tooling needs eval and the HMR socket. */
  development: boolean;
  /** Where presigned media redirects point (STORAGE=s3, lib/storage/origin.ts); none by default. */
  mediaOrigins?: string[];
}

/** Share pages are a player card for chat apps (twitter:player points at them), so they may be framed. */
export function isSharePage(pathname: string) {
  return /^\/s\/[^/]+\/?$/.test(pathname);
}

export function isShareMedia(pathname: string) {
  return /^\/s\/[^/]+\/(video|poster)\/?$/.test(pathname);
}

/**
 * A shared comparison (/c/:token) and its videos: public and carrying the token like /s/:token, so
 * no-referrer too. Note: unlike a share page it is no player card, so it is not framable.
 */
export function isCompareShare(pathname: string) {
  return /^\/c\/[^/]+(\/video\/[^/]+)?\/?$/.test(pathname);
}

export function contentSecurityPolicy(options: SecurityHeaderOptions): string {
  const share = isSharePage(options.pathname);
  const media = options.mediaOrigins ?? [];
  const directives: Array<[string, ...string[]]> = [
    ["default-src", "'self'"],
    [
      "script-src",
      "'self'",
      `'nonce-${options.nonce}'`,
      "'strict-dynamic'",
      ...(options.development ? ["'unsafe-eval'"] : []),
    ],
    ["style-src", "'self'", "'unsafe-inline'"],
    // Note: videos and posters may redirect to the bucket (presigned URLs); without its origin here
    // the browser refuses to play them.
    ["img-src", "'self'", "data:", "blob:", ...media],
    ["media-src", "'self'", "blob:", ...media],
    ["font-src", "'self'", "data:"],
    ["connect-src", "'self'", ...(options.development ? ["ws:", "wss:"] : [])],
    ["object-src", "'none'"],
    ["base-uri", "'self'"],
    ["form-action", "'self'"],
    // Note: studio pages can never be framed (a framed Generate button is a click-jacked bill).
    // Share pages may be: they are public, carry no session and have no control that acts for anyone.
    ["frame-ancestors", share ? "*" : "'none'"],
    ...(options.https ? ([["upgrade-insecure-requests"]] as Array<[string]>) : []),
  ];
  return directives.map((directive) => directive.join(" ")).join("; ");
}

export function securityHeaders(options: SecurityHeaderOptions): Record<string, string> {
  const share =
    isSharePage(options.pathname) || isShareMedia(options.pathname) || isCompareShare(options.pathname);
  const headers: Record<string, string> = {
    "content-security-policy": contentSecurityPolicy(options),
    "x-content-type-options": "nosniff",
    // Note: share URLs carry their token; no-referrer keeps it out of every outgoing request.
    "referrer-policy": share ? "no-referrer" : "strict-origin-when-cross-origin",
    "permissions-policy":
      "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=(), browsing-topics=()",
    "cross-origin-opener-policy": "same-origin",
  };
  if (!isSharePage(options.pathname)) headers["x-frame-options"] = "DENY";
  if (options.https) headers["strict-transport-security"] = "max-age=63072000; includeSubDomains";
  return headers;
}

export function createNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}
