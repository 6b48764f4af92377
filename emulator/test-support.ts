// Shared helpers for the emulator's conformance tests (real HTTP, real renders, no mocks).
import { execFile } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { SignJWT } from "jose";
import { onTestFinished } from "vitest";
import { type Emulator, type EmulatorOptions, startEmulator } from "./server";

const require = createRequire(import.meta.url);
const FFPROBE: string = require("@ffprobe-installer/ffprobe").path;
const run = promisify(execFile);

export const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
export const TASK_ID = /^[1-9]\d{17}$/;

/** Fast, small, free-port emulator; every test file starts its own. */
export function startTestEmulator(options: Partial<EmulatorOptions> = {}): Promise<Emulator> {
  return startEmulator({ port: 0, speed: "fast", videoSize: "small", seed: 7, ...options });
}

export interface ApiResponse {
  status: number;
  // biome-ignore lint/suspicious/noExplicitAny: response bodies are asserted field by field in tests.
  body: any;
  headers: Headers;
}

export interface CallOptions {
  body?: unknown;
  /** A raw body string (for malformed JSON). */
  rawBody?: string;
  /** Authorization header value; default "Bearer <apiKey>"; null sends none. */
  authorization?: string | null;
}

export async function call(
  emulator: Emulator,
  method: string,
  urlPath: string,
  options: CallOptions = {},
): Promise<ApiResponse> {
  const headers: Record<string, string> = {};
  const authorization =
    options.authorization === undefined ? `Bearer ${emulator.apiKey}` : options.authorization;
  if (authorization !== null) headers.authorization = authorization;
  let body: string | undefined = options.rawBody;
  if (options.body !== undefined) body = JSON.stringify(options.body);
  if (body !== undefined) headers["content-type"] = "application/json";
  const response = await fetch(`${emulator.url}${urlPath}`, { method, headers, body });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : null, headers: response.headers };
}

export function createTask(emulator: Emulator, body: Record<string, unknown>, options: CallOptions = {}) {
  return call(emulator, "POST", "/v1/videos/text2video", { ...options, body });
}

/** Polls the task until it reaches one of the statuses; returns every status seen on the way. */
export async function waitForTask(
  emulator: Emulator,
  taskId: string,
  until: readonly string[] = ["succeed", "failed"],
  timeoutMs = 45_000,
  // biome-ignore lint/suspicious/noExplicitAny: see ApiResponse.
): Promise<{ task: any; seen: string[] }> {
  const deadline = Date.now() + timeoutMs;
  const seen: string[] = [];
  for (;;) {
    const { body } = await call(emulator, "GET", `/v1/videos/text2video/${taskId}`);
    const status = body.data.task_status as string;
    if (seen.at(-1) !== status) seen.push(status);
    if (until.includes(status)) return { task: body.data, seen };
    if (status === "succeed" || status === "failed") {
      throw new Error(
        `task ${taskId} ended ${status} (seen ${seen.join(" -> ")}) before reaching ${until.join("/")}`,
      );
    }
    if (Date.now() > deadline) throw new Error(`task ${taskId} still ${status} after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 40));
  }
}

export interface TokenOptions {
  iss?: string;
  secret?: string;
  alg?: string;
  /** Seconds relative to now; null omits the claim. */
  expIn?: number | null;
  nbfIn?: number | null;
}

/** A JWT the way the official samples build it: iss = access key, exp = now+1800, nbf = now-5. */
export async function signToken(emulator: Emulator, options: TokenOptions = {}): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  const payload: Record<string, unknown> = { iss: options.iss ?? emulator.accessKey };
  const expIn = options.expIn === undefined ? 1800 : options.expIn;
  const nbfIn = options.nbfIn === undefined ? -5 : options.nbfIn;
  if (expIn !== null) payload.exp = now + expIn;
  if (nbfIn !== null) payload.nbf = now + nbfIn;
  return new SignJWT(payload)
    .setProtectedHeader({ alg: options.alg ?? "HS256", typ: "JWT" })
    .sign(new TextEncoder().encode(options.secret ?? emulator.secretKey));
}

export async function download(url: string): Promise<{ file: string; bytes: Buffer; response: Response }> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`GET ${url} -> ${response.status}`);
  const bytes = Buffer.from(await response.arrayBuffer());
  const dir = await tempDir("emulator-test-");
  const file = path.join(dir, "video.mp4");
  await writeFile(file, bytes);
  return { file, bytes, response };
}

export interface ProbeResult {
  streams: {
    codec_type: string;
    codec_name: string;
    width?: number;
    height?: number;
    pix_fmt?: string;
    r_frame_rate?: string;
  }[];
  format: { duration: string; tags?: Record<string, string> };
}

export async function ffprobe(file: string): Promise<ProbeResult> {
  const { stdout } = await run(FFPROBE, [
    "-v",
    "error",
    "-show_streams",
    "-show_format",
    "-of",
    "json",
    file,
  ]);
  return JSON.parse(stdout) as ProbeResult;
}

/** A temporary directory removed when the current test finishes. */
export async function tempDir(prefix: string): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), prefix));
  onTestFinished(() => rm(dir, { recursive: true, force: true }));
  return dir;
}
