import "server-only";
import type { Readable } from "node:stream";
import { mediaDir, serverEnv } from "@/lib/env";
import { LocalDiskStorage } from "@/lib/storage/local";
import { S3Storage, s3Settings } from "@/lib/storage/s3";

export interface ByteRange {
  start: number;
  end: number;
}

export interface SignedUrlOptions {
  contentType: string;
  /** Makes the browser save the file under this name instead of showing it. */
  downloadName?: string;
  expiresInSeconds: number;
}

/** Where stored media lives: local disk (default) or S3-compatible object storage (STORAGE=s3). */
export interface Storage {
  /** "local disk at …" or "S3 bucket … at …": for logs and the admin health view; never a secret. */
  readonly description: string;
  /** Copies a finished local file to `key`, atomically: readers never see half a file. */
  putFile(key: string, sourcePath: string): Promise<void>;
  size(key: string): Promise<number | null>;
  read(key: string, range?: ByteRange): Promise<Readable>;
  remove(key: string): Promise<void>;
  /**
   * A short-lived URL the browser fetches directly (Range answered by the store), for storages
   * that have one. Callers check access first; the URL is never stored.
   */
  signedUrl?(key: string, options: SignedUrlOptions): Promise<string>;
  /** Proves the storage is reachable and writable; throws StorageConfigError naming the variable. */
  check(): Promise<void>;
}

let cached: Storage | undefined;

export function getStorage(): Storage {
  if (cached) return cached;
  const env = serverEnv();
  cached = env.STORAGE === "s3" ? new S3Storage(s3Settings(env)) : new LocalDiskStorage(mediaDir(env));
  return cached;
}

export function resetStorage() {
  cached = undefined;
}
