import { createReadStream } from "node:fs";
import { rm, stat } from "node:fs/promises";
import type { IncomingMessage, ServerResponse } from "node:http";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import type { FaultRule, Faults } from "../faults";
import { type MediaUrls, mediaFileName } from "../media-urls";
import type { TaskStore } from "../store";
import { sendText } from "./respond";

const MEDIA_PATH = /^\/media\/(\d{18})(-watermark)?\.mp4$/;

export function isMediaPath(pathname: string): boolean {
  return pathname.startsWith("/media/");
}

export interface MediaParts {
  store: TaskStore;
  mediaUrls: MediaUrls;
  mediaDir: string;
  faults: Faults;
}

/**
 * GET/HEAD /media/<video id>.mp4: no Authorization (like Kling's CDN), but the ksTime/ksSecret pair
 * must be the one we handed out (403 otherwise) and the retention window must be open (404 after).
 * Faults with scope "media" apply after the signature check, so they hit real result links only.
 */
export async function serveMedia(
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  { store, mediaUrls, mediaDir, faults }: MediaParts,
): Promise<void> {
  if (req.method !== "GET" && req.method !== "HEAD") {
    res.setHeader("allow", "GET, HEAD");
    return sendText(res, 405, "Method Not Allowed");
  }
  const match = MEDIA_PATH.exec(url.pathname);
  const task = match ? store.findByVideoId(match[1]) : undefined;
  const variant = match?.[2] ? "watermark" : "video";
  if (!match || !task || task.status !== "succeed" || (variant === "watermark" && !task.request.watermark)) {
    return sendText(res, 404, "Not Found");
  }
  const fileName = mediaFileName(task.videoId, variant);
  const ksTime = url.searchParams.get("ksTime");
  if (!mediaUrls.isSigned(fileName, ksTime, url.searchParams.get("ksSecret"))) {
    return sendText(res, 403, "Forbidden: ksTime/ksSecret do not match this file");
  }
  const { latencyMs, action } = faults.forRequest("media", fileName);
  if (latencyMs > 0) await sleep(latencyMs);
  if (action?.kind === "link_expired") mediaUrls.expire(fileName, ksTime ?? "");
  if (mediaUrls.isExpired(fileName, ksTime)) return sendText(res, 403, "Forbidden: this link has expired");
  if (action && applyMediaFault(action, req, res)) return;
  const filePath = path.join(mediaDir, fileName);
  if (task.expiresAt === null || Date.now() >= task.expiresAt) {
    // Kling clears results after the retention period; so do we.
    await rm(filePath, { force: true });
    return sendText(res, 404, "Not Found: this result has expired");
  }
  let size: number;
  try {
    size = (await stat(filePath)).size;
  } catch {
    return sendText(res, 404, "Not Found: the file is gone");
  }
  sendFile(req, res, filePath, size, action?.kind === "stall");
}

/** True when the fault answered (or dropped) the request. */
function applyMediaFault(action: FaultRule, req: IncomingMessage, res: ServerResponse): boolean {
  switch (action.kind) {
    case "http_500":
    case "http_503":
    case "http_504":
      sendText(res, Number(action.kind.slice(5)), "Service Unavailable (injected fault)");
      return true;
    case "http_404":
      sendText(res, 404, "Not Found (injected fault)");
      return true;
    case "rate_limit":
      sendText(res, 429, "Too Many Requests (injected fault)");
      return true;
    case "reset":
      req.socket.destroy();
      return true;
    default:
      return false;
  }
}

/** `stall` sends the headers and half the bytes, then goes silent until the client gives up. */
function sendFile(
  req: IncomingMessage,
  res: ServerResponse,
  filePath: string,
  size: number,
  stall = false,
): void {
  const headers: Record<string, string | number> = {
    "content-type": "video/mp4",
    "accept-ranges": "bytes",
    "cache-control": "private, max-age=3600",
  };
  const range = parseRange(req.headers.range, size);
  if (range === "unsatisfiable") {
    res.writeHead(416, { ...headers, "content-range": `bytes */${size}` });
    res.end();
    return;
  }
  const { start, end } = range ?? { start: 0, end: size - 1 };
  headers["content-length"] = end - start + 1;
  if (range) headers["content-range"] = `bytes ${start}-${end}/${size}`;
  res.writeHead(range ? 206 : 200, headers);
  if (req.method === "HEAD" || size === 0) {
    res.end();
    return;
  }
  if (stall) {
    const half = createReadStream(filePath, { start, end: start + Math.floor((end - start) / 2) });
    half.on("error", () => res.destroy());
    half.pipe(res, { end: false });
    return;
  }
  const stream = createReadStream(filePath, { start, end });
  stream.on("error", () => res.destroy());
  stream.pipe(res);
}

/** A single "bytes=" range (start-end, start-, or -suffix); multi-range requests get the whole file. */
function parseRange(
  header: string | undefined,
  size: number,
): { start: number; end: number } | "unsatisfiable" | null {
  if (!header) return null;
  const match = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!match || (match[1] === "" && match[2] === "")) return null;
  let start: number;
  let end: number;
  if (match[1] === "") {
    const suffix = Number(match[2]);
    if (suffix === 0) return "unsatisfiable";
    start = Math.max(0, size - suffix);
    end = size - 1;
  } else {
    start = Number(match[1]);
    end = match[2] === "" ? size - 1 : Math.min(Number(match[2]), size - 1);
  }
  if (start >= size || start > end) return "unsatisfiable";
  return { start, end };
}
