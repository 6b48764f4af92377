import "server-only";
import { type StorageEnv, storageEnv } from "@/lib/env";
import type { Storage } from "@/lib/storage";
import { StorageConfigError } from "@/lib/storage/errors";
import { LocalDiskStorage } from "@/lib/storage/local";
import { S3Storage, s3Settings } from "@/lib/storage/s3";

const CHECK_TIMEOUT_MS = 8_000;

/**
 * The start-up check (`npm start`, `npm run worker`): the configured storage is reachable and
 * writable. One attempt with short timeouts, so a wrong endpoint, bucket or key fails within
 * seconds; the error names the variable to fix and never a secret.
 */
export async function checkConfiguredStorage(options: { mediaDir: string; env?: StorageEnv }) {
  let env: StorageEnv;
  try {
    env = options.env ?? storageEnv();
  } catch (error) {
    // "S3_ENDPOINT: must be …; S3_BUCKET: is required …": the first variable leads, all are listed.
    const problems = (error as Error).message.replace(/^Invalid configuration: /, "");
    const variable = /^(\w+): /.exec(problems)?.[1] ?? "STORAGE";
    throw new StorageConfigError(
      variable,
      problems.slice(problems.startsWith(`${variable}: `) ? variable.length + 2 : 0),
    );
  }
  const storage: Storage =
    env.STORAGE === "s3"
      ? new S3Storage(s3Settings(env), { maxAttempts: 1, requestTimeoutMs: CHECK_TIMEOUT_MS })
      : new LocalDiskStorage(options.mediaDir);
  await withTimeout(storage.check(), env);
  return storage.description;
}

async function withTimeout(check: Promise<void>, env: StorageEnv) {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () =>
        reject(
          new StorageConfigError(
            env.S3_ENDPOINT ? "S3_ENDPOINT" : "S3_REGION",
            `no answer from ${env.S3_ENDPOINT ?? `AWS S3 (${env.S3_REGION})`} within ${CHECK_TIMEOUT_MS / 1000} s`,
          ),
        ),
      CHECK_TIMEOUT_MS,
    );
  });
  try {
    await Promise.race([check, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
