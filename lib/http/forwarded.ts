import "server-only";
import { serverEnv } from "@/lib/env";

/**
 * Who is calling and which origin they reached, read from a request's headers.
 *
 * Note: `next start` passes a client's own X-Forwarded-* headers through unchanged (it only fills
 * them in when absent), so without a reverse proxy that overwrites them they are whatever the
 * caller typed. They are believed only when the operator says a proxy is in front
 * (TRUST_PROXY=1), and then only the entry that proxy appended (the last one).
 */
export interface ForwardingPolicy {
  trustProxy: boolean;
  publicUrl?: string;
}

function policy(): ForwardingPolicy {
  const env = serverEnv();
  return { trustProxy: env.TRUST_PROXY, publicUrl: env.PUBLIC_URL };
}

/** The client's address behind a trusted proxy; null when none is trusted (nothing reliable to use). */
export function clientAddress(headers: Headers, options: ForwardingPolicy = policy()): string | null {
  if (!options.trustProxy) return null;
  const entries = (headers.get("x-forwarded-for") ?? "")
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
  const address = entries.at(-1) ?? headers.get("x-real-ip")?.trim();
  return address && /^[0-9a-fA-F:.[\]]{2,64}$/.test(address) ? address : null;
}

/**
 * The studio's public origin: PUBLIC_URL when set; otherwise the Host (or, behind a trusted
 * proxy, X-Forwarded-Host/-Proto). Never a client-chosen X-Forwarded-Host without TRUST_PROXY,
 * so a poisoned cache cannot serve another host's URLs to everyone.
 */
export function requestOrigin(headers: Headers, options: ForwardingPolicy = policy()): string {
  if (options.publicUrl) return options.publicUrl.replace(/\/+$/, "");
  const forwardedHost = options.trustProxy ? firstEntry(headers.get("x-forwarded-host")) : undefined;
  const forwardedProto = options.trustProxy ? firstEntry(headers.get("x-forwarded-proto")) : undefined;
  const host = validHost(forwardedHost) ?? validHost(headers.get("host") ?? undefined) ?? "localhost";
  const proto = forwardedProto === "https" ? "https" : "http";
  return `${proto}://${host}`;
}

function firstEntry(value: string | null) {
  return value?.split(",")[0]?.trim() || undefined;
}

function validHost(host: string | undefined) {
  return host && /^[a-zA-Z0-9.-]+(:\d{1,5})?$|^\[[0-9a-fA-F:.]+\](:\d{1,5})?$/.test(host) ? host : undefined;
}
