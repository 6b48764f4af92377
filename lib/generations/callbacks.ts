import "server-only";
import { serverEnv } from "@/lib/env";

/** Kling can only call us back when the studio has a public address. */
export function callbackUrl(): string | undefined {
  const publicUrl = serverEnv().PUBLIC_URL;
  return publicUrl ? `${publicUrl.replace(/\/+$/, "")}/api/kling/callback` : undefined;
}
