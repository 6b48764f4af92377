import "server-only";
import { createHash } from "node:crypto";
import { createWriteStream } from "node:fs";
import { Readable, Transform } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { ReadableStream as WebReadableStream } from "node:stream/web";

const MAX_REDIRECTS = 5;

/**
 * Why a download failed: `link` when the host says the file is not (or no longer) at this URL
 * (403/404/410: ask Kling for a fresh link), `transient` for anything worth trying again later.
 * The message is for the server log; members see lib/generations/archive.ts's wording.
 */
export class DownloadError extends Error {
  constructor(
    message: string,
    readonly kind: "link" | "transient" | "too_large" | "refused",
  ) {
    super(message);
    this.name = "DownloadError";
  }
}

export interface DownloadOptions {
  /** No byte for this long and the download is abandoned; a slow but moving link is fine. */
  idleTimeoutMs: number;
  /** Counted on the bytes received, whatever Content-Length claimed. */
  maxBytes: number;
}

/** Streams `url` into `target`, hashing as it goes: the file is never read back whole. */
export async function downloadToFile(
  url: string,
  target: string,
  options: DownloadOptions,
): Promise<{ bytes: number; sha256: string }> {
  const controller = new AbortController();
  let idle: NodeJS.Timeout | undefined;
  const touch = () => {
    clearTimeout(idle);
    idle = setTimeout(
      () => controller.abort(new DownloadError(`no data for ${options.idleTimeoutMs} ms`, "transient")),
      options.idleTimeoutMs,
    );
  };
  touch();
  try {
    const response = await fetchFollowingHttpRedirects(url, controller.signal);
    if ([403, 404, 410].includes(response.status)) {
      await response.body?.cancel();
      throw new DownloadError(`the file host answered HTTP ${response.status}`, "link");
    }
    if (!response.ok || !response.body) {
      await response.body?.cancel();
      throw new DownloadError(`the file host answered HTTP ${response.status}`, "transient");
    }
    const declared = Number(response.headers.get("content-length") ?? Number.NaN);
    if (declared > options.maxBytes) {
      await response.body.cancel();
      throw new DownloadError(
        `the file is ${declared} bytes, over the ${options.maxBytes}-byte cap`,
        "too_large",
      );
    }
    const hash = createHash("sha256");
    let bytes = 0;
    const meter = new Transform({
      transform(chunk: Buffer, _encoding, done) {
        touch();
        bytes += chunk.length;
        if (bytes > options.maxBytes) {
          done(new DownloadError(`over the ${options.maxBytes}-byte cap after ${bytes} bytes`, "too_large"));
          return;
        }
        hash.update(chunk);
        done(null, chunk);
      },
    });
    await pipeline(Readable.fromWeb(response.body as WebReadableStream), meter, createWriteStream(target), {
      signal: controller.signal,
    });
    if (Number.isFinite(declared) && bytes !== declared)
      throw new DownloadError(`cut short at ${bytes} of ${declared} bytes`, "transient");
    return { bytes, sha256: hash.digest("hex") };
  } catch (error) {
    if (error instanceof DownloadError) throw error;
    const reason = controller.signal.reason;
    if (reason instanceof DownloadError) throw reason;
    throw new DownloadError(`download failed: ${causeOf(error)}`, "transient");
  } finally {
    clearTimeout(idle);
  }
}

/** Only http(s), and redirects only to http(s): no data:, file: or other schemes, ever. */
async function fetchFollowingHttpRedirects(url: string, signal: AbortSignal): Promise<Response> {
  let current = httpUrl(url);
  for (let hop = 0; hop <= MAX_REDIRECTS; hop++) {
    const response = await fetch(current, { redirect: "manual", signal });
    const location = response.headers.get("location");
    if (response.status < 300 || response.status >= 400 || !location) return response;
    await response.body?.cancel();
    current = httpUrl(new URL(location, current).toString());
  }
  throw new DownloadError(`more than ${MAX_REDIRECTS} redirects`, "transient");
}

function httpUrl(text: string): URL {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new DownloadError("not a URL", "refused");
  }
  if (url.protocol !== "http:" && url.protocol !== "https:")
    throw new DownloadError(`refusing to fetch a ${url.protocol} URL`, "refused");
  return url;
}

function causeOf(error: unknown): string {
  const cause = (error as { cause?: { code?: string; message?: string } })?.cause;
  return cause?.code ?? cause?.message ?? (error as Error)?.message ?? String(error);
}
