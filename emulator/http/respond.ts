import { randomUUID } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { invalidRequest, type KlingError } from "../errors";

const MAX_BODY_BYTES = 1024 * 1024;

/** Success envelope (KLING_API.md §3): message is the literal "SUCCEED", request_id a UUIDv4. */
export function sendData(res: ServerResponse, data: unknown): void {
  sendJson(res, 200, { code: 0, message: "SUCCEED", request_id: randomUUID(), data });
}

/** Error envelope: no data field. */
export function sendKlingError(res: ServerResponse, error: KlingError): void {
  sendJson(res, error.httpStatus, { code: error.code, message: error.message, request_id: randomUUID() });
}

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const json = JSON.stringify(body);
  res.writeHead(status, {
    "content-type": "application/json; charset=utf-8",
    "content-length": Buffer.byteLength(json),
  });
  res.end(json);
}

export function sendText(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, {
    "content-type": "text/plain; charset=utf-8",
    "content-length": Buffer.byteLength(text),
  });
  res.end(text);
}

/** Reads and parses a JSON body; malformed or oversized bodies are 400/1200. */
export async function readJsonBody(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw invalidRequest(`body must be at most ${MAX_BODY_BYTES} bytes; got more`);
    chunks.push(chunk as Buffer);
  }
  const text = Buffer.concat(chunks).toString("utf8");
  if (text.trim() === "") throw invalidRequest("body must be a JSON object; got an empty body");
  try {
    return JSON.parse(text);
  } catch (error) {
    throw invalidRequest(`body must be valid JSON; got a parse error (${(error as Error).message})`);
  }
}
