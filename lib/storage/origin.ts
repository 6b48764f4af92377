import type { StorageEnv } from "@/lib/env";

/**
 * The origins a browser fetches media from when STORAGE=s3 answers with presigned redirects, for
 * the CSP's media-src and img-src (lib/security/headers.ts); none for local disk or S3_PROXY=1,
 * where media comes from the studio itself.
 *
 * Note: both the virtual-hosted (bucket.host) and the path-style (host/bucket) origin unless path
 * style is forced: the SDK picks per bucket name, and listing one more origin of the same store
 * costs nothing.
 */
export function presignedMediaOrigins(env: StorageEnv): string[] {
  if (env.STORAGE !== "s3" || env.S3_PROXY || !env.S3_BUCKET) return [];
  const endpoint = new URL(env.S3_ENDPOINT ?? `https://s3.${env.S3_REGION}.amazonaws.com`);
  const pathStyle = endpoint.origin;
  if (env.S3_FORCE_PATH_STYLE) return [pathStyle];
  const virtualHosted = new URL(endpoint.origin);
  virtualHosted.hostname = `${env.S3_BUCKET}.${endpoint.hostname}`;
  return [virtualHosted.origin, pathStyle];
}
