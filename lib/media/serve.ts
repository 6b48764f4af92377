import "server-only";
import { Readable } from "node:stream";
import { serverEnv } from "@/lib/env";
import { getStorage } from "@/lib/storage";

/**
 * Serves a stored file to a caller whose access has already been checked. Object storage answers
 * with a redirect to a presigned URL (the store then answers Range itself); local disk, or S3 with
 * S3_PROXY=1, streams with HTTP Range support (seeking in <video> needs it): 206 with exactly the
 * asked bytes, 416 for a range outside the file, 200 for the whole file otherwise.
 */
export async function serveStoredFile(
  request: Request,
  file: { storageKey: string; contentType: string; downloadName?: string },
  extraHeaders: Record<string, string> = {},
) {
  const storage = getStorage();
  const env = serverEnv();
  if (storage.signedUrl && !env.S3_PROXY) {
    const location = await storage.signedUrl(file.storageKey, {
      contentType: file.contentType,
      downloadName: file.downloadName,
      expiresInSeconds: env.S3_URL_TTL_SECONDS,
    });
    // Note: no-store on the redirect, so every play asks us again and a revoked share link or a
    // removed member stops at once; only the signed URL itself lives on, for its few minutes.
    return new Response(null, {
      status: 302,
      headers: { ...extraHeaders, location, "cache-control": "no-store", "referrer-policy": "no-referrer" },
    });
  }
  const size = await storage.size(file.storageKey);
  if (size === null) return Response.json({ error: "Not found." }, { status: 404 });
  const headers: Record<string, string> = {
    "content-type": file.contentType,
    "accept-ranges": "bytes",
    "cache-control": "private, max-age=3600",
    ...(file.downloadName ? { "content-disposition": `attachment; filename="${file.downloadName}"` } : {}),
    ...extraHeaders,
  };
  const range = parseRange(request.headers.get("range"), size);
  if (range === "invalid") {
    return new Response(null, { status: 416, headers: { ...headers, "content-range": `bytes */${size}` } });
  }
  if (request.method === "HEAD") {
    return new Response(null, { status: 200, headers: { ...headers, "content-length": String(size) } });
  }
  if (!range) {
    const body = Readable.toWeb(await storage.read(file.storageKey)) as ReadableStream;
    return new Response(body, { status: 200, headers: { ...headers, "content-length": String(size) } });
  }
  const body = Readable.toWeb(await storage.read(file.storageKey, range)) as ReadableStream;
  return new Response(body, {
    status: 206,
    headers: {
      ...headers,
      "content-length": String(range.end - range.start + 1),
      "content-range": `bytes ${range.start}-${range.end}/${size}`,
    },
  });
}

/** One range of "bytes=a-b", "bytes=a-" or "bytes=-n"; multi-range requests get the whole file. */
export function parseRange(
  header: string | null,
  size: number,
): { start: number; end: number } | "invalid" | null {
  if (!header) return null;
  const match = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!match) return null;
  const [, startText, endText] = match;
  let start: number;
  let end: number;
  if (startText === "") {
    if (endText === "") return "invalid";
    start = Math.max(0, size - Number(endText));
    end = size - 1;
  } else {
    start = Number(startText);
    end = endText === "" ? size - 1 : Math.min(Number(endText), size - 1);
  }
  if (start > end || start >= size) return "invalid";
  return { start, end };
}
