import "server-only";
import { serverEnv } from "@/lib/env";
import { getStorage } from "@/lib/storage";

// Note: a health check writes, reads and deletes a probe object; load balancers ask every few
// seconds, so one answer serves this process for a while instead of one probe per request.
const FRESH_MS = 15_000;
let last: { at: number; result: Promise<StorageHealth> } | undefined;

export interface StorageHealth {
  ok: boolean;
  /** For admins only: which storage, where, and how media reaches browsers. */
  detail: {
    kind: "local" | "s3";
    description: string;
    serving: "stream" | "presigned" | "proxy";
    error?: string;
  };
}

export function checkStorageHealth(): Promise<StorageHealth> {
  if (last && Date.now() - last.at < FRESH_MS) return last.result;
  last = { at: Date.now(), result: probe() };
  return last.result;
}

export function resetStorageHealthCache() {
  last = undefined;
}

async function probe(): Promise<StorageHealth> {
  const env = serverEnv();
  const storage = getStorage();
  const detail = {
    kind: env.STORAGE,
    description: storage.description,
    serving: env.STORAGE === "local" ? "stream" : env.S3_PROXY ? "proxy" : "presigned",
  } as const;
  try {
    await storage.check();
    return { ok: true, detail };
  } catch (error) {
    return { ok: false, detail: { ...detail, error: (error as Error).message } };
  }
}
