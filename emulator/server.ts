import { mkdir, mkdtemp, readdir, rm } from "node:fs/promises";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { createAuthenticator } from "./auth";
import { CallbackSender } from "./callbacks";
import { CreatePostCounter, type CreatePostCounts } from "./create-posts";
import {
  internalError,
  internalTimeout,
  KlingError,
  methodInvalid,
  rateLimited,
  serviceUnavailable,
} from "./errors";
import { type FaultController, type FaultRule, Faults } from "./faults";
import { ADMIN_PREFIX, handleAdmin } from "./http/admin";
import { type ApiRoute, matchApiRoute } from "./http/api-routes";
import { isMediaPath, serveMedia } from "./http/media";
import { readJsonBody, sendData, sendJson, sendKlingError } from "./http/respond";
import { TaskLifecycle } from "./lifecycle";
import { MediaUrls, mediaFileName } from "./media-urls";
import { type EmulatorOptions, resolveOptions } from "./options";
import { createSeededRandom } from "./prng";
import { RenderPool } from "./render/render-pool";
import { KlingService } from "./service";
import { TaskStore } from "./store";
import { taskJson } from "./task-json";
import type { TaskRecord } from "./tasks";
import { parseTextToVideoRequest } from "./validation";

export type { CreatePostCounts } from "./create-posts";
export type { FaultController, FaultRule, FaultRuleInput } from "./faults";
export type { EmulatorOptions } from "./options";
export type { TaskRecord } from "./tasks";

export interface Emulator {
  /** Base URL without a trailing slash, e.g. http://127.0.0.1:4010 */
  url: string;
  accessKey: string;
  secretKey: string;
  apiKey: string;
  webhookSecret?: string;
  /** Where rendered videos live. */
  mediaDir: string;
  options: Readonly<EmulatorOptions>;
  /** Same rules as the /__emulator/faults admin endpoint, usable even when that endpoint is off. */
  faults: FaultController;
  /** Copies of every task record, e.g. to count upstream tasks per external_task_id in tests. */
  tasks(): TaskRecord[];
  /**
   * Create POSTs received, per external_task_id, whatever became of them (faulted, refused as a
   * duplicate, created). Counting tasks is not enough: the uniqueness check hides a second POST.
   */
  createPosts(): CreatePostCounts;
  /** N finished (failed, free) tasks without rendering: pushes real tasks off the first list page. */
  addFillerTasks(count: number): Promise<number>;
  close(): Promise<void>;
}

const SWEEP_INTERVAL_MS = 60_000;

export async function startEmulator(partialOptions: Partial<EmulatorOptions> = {}): Promise<Emulator> {
  const options = resolveOptions(partialOptions);
  const log = options.logger ?? (() => undefined);
  const store = await TaskStore.open(options.stateFile);
  const media = await prepareMediaDir(options);
  await removeUnfinishedRenders(media.dir);
  const faults = new Faults(createSeededRandom(`faults:${options.seed}`));
  for (const rule of options.faults) faults.add(rule);
  const renders = new RenderPool(options.renderConcurrency);
  let ownUrl = "";
  const mediaUrls = new MediaUrls(
    store.urlSigningKey,
    () => options.publicBaseUrl?.replace(/\/+$/, "") ?? ownUrl,
  );
  const callbacks = new CallbackSender(options, faults, (task) => taskJson(task, mediaUrls), log);
  const lifecycle = new TaskLifecycle(store, renders, callbacks, options, media.dir, log);
  const ids = createSeededRandom(`ids:${options.seed}`);
  const service = new KlingService(store, lifecycle, options, faults, ids, mediaUrls);
  const authenticate = createAuthenticator(options);
  const createPosts = new CreatePostCounter();
  const addFillerTasks = (count: number) =>
    service.addFillerTasks(
      count,
      parseTextToVideoRequest({ model_name: "kling-v2-5-turbo", prompt: "filler" }, options.retiredModels),
    );

  const handle = async (req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> => {
    const method = req.method ?? "GET";
    if (isMediaPath(url.pathname)) {
      return serveMedia(req, res, url, { store, mediaUrls, mediaDir: media.dir, faults });
    }
    if (url.pathname === `${ADMIN_PREFIX}health`) return sendJson(res, 200, { ok: true });
    if (url.pathname.startsWith(ADMIN_PREFIX) && options.faultsEnabled) {
      if (
        await handleAdmin(req, res, url.pathname, { faults, store, callbacks, createPosts, addFillerTasks })
      )
        return;
    }
    const match = matchApiRoute(method, url.pathname, url.searchParams);
    if ("unknown" in match) {
      throw methodInvalid(
        `no such endpoint ${method} ${url.pathname}; the emulator serves POST/GET /v1/videos/text2video, GET /v1/videos/text2video/{id} and GET /account/costs`,
      );
    }
    if ("wrongMethod" in match) throw methodInvalid(match.wrongMethod);
    // A create is counted as soon as it arrives, before any fault or check can swallow it.
    const body = match.route.kind === "create" ? await readJsonBody(req).catch((error) => error) : undefined;
    const createKey =
      match.route.kind === "create"
        ? createPosts.record(body, (external) => store.findByExternalId(external) !== undefined)
        : undefined;
    try {
      await answerApi(req, res, url, match.route, body, createKey);
    } finally {
      if (createKey !== undefined) createPosts.finished(createKey);
    }
  };

  const answerApi = async (
    req: IncomingMessage,
    res: ServerResponse,
    url: URL,
    route: ApiRoute,
    body: unknown,
    createKey: string | undefined,
  ): Promise<void> => {
    const { latencyMs, action } = faults.forRequest(route.kind);
    if (latencyMs > 0) await sleep(latencyMs);
    if (action) applyFaultBeforeHandling(action, req);
    // A reset is never handled. A client that gave up during the latency is not noticed, as on a
    // real server: its create still goes through (the "latency beyond the client timeout" hazard).
    if (action?.kind === "reset") return;
    await authenticate(req.headers.authorization);
    if (body instanceof Error) throw body;
    const data = await runRoute(service, route, body, url);
    if (createKey !== undefined) createPosts.recordCreated(createKey);
    if (action?.kind === "response_lost") {
      // The work is done (e.g. the task exists) but the client never learns it.
      if (action.lostAs === "reset") req.socket.destroy();
      else sendKlingError(res, internalTimeout());
      return;
    }
    sendData(res, data);
  };

  const server = createServer((req, res) => {
    const started = Date.now();
    const url = new URL(req.url ?? "/", "http://emulator.invalid");
    res.on("finish", () =>
      log(`${req.method} ${url.pathname}${url.search} -> ${res.statusCode} (${Date.now() - started} ms)`),
    );
    handle(req, res, url).catch((error: unknown) => {
      if (res.headersSent || req.socket.destroyed) return;
      if (error instanceof KlingError) return sendKlingError(res, error);
      log(`internal error on ${req.method} ${url.pathname}: ${(error as Error).stack ?? error}`);
      sendKlingError(res, internalError());
    });
  });
  let address: AddressInfo;
  try {
    address = await listen(server, options.port, options.host);
  } catch (error) {
    if (media.temporary) await rm(media.dir, { recursive: true, force: true });
    throw new Error(`cannot listen on ${options.host}:${options.port}: ${(error as Error).message}`);
  }
  const host = options.host === "0.0.0.0" || options.host === "::" ? "127.0.0.1" : options.host;
  ownUrl = `http://${host.includes(":") ? `[${host}]` : host}:${address.port}`;
  lifecycle.resume();
  const sweep = () => void sweepExpiredMedia(store, media.dir);
  sweep();
  const sweeper = setInterval(sweep, SWEEP_INTERVAL_MS);
  sweeper.unref();

  let closing: Promise<void> | null = null;
  return {
    url: ownUrl,
    accessKey: options.accessKey,
    secretKey: options.secretKey,
    apiKey: options.apiKey,
    webhookSecret: options.webhookSecret ?? undefined,
    mediaDir: media.dir,
    options,
    faults,
    tasks: () => structuredClone(store.all()),
    createPosts: () => createPosts.counts(),
    addFillerTasks,
    close: () => {
      closing ??= (async () => {
        clearInterval(sweeper);
        lifecycle.close();
        callbacks.close();
        await Promise.all([stopServer(server), renders.close()]);
        await store.save();
        if (media.temporary) await rm(media.dir, { recursive: true, force: true });
      })();
      return closing;
    },
  };
}

function applyFaultBeforeHandling(action: FaultRule, req: IncomingMessage): void {
  switch (action.kind) {
    case "http_500":
      throw internalError();
    case "http_503":
      throw serviceUnavailable();
    case "http_504":
      throw internalTimeout();
    case "rate_limit":
      throw rateLimited();
    case "reset":
      req.socket.destroy();
      return;
    default:
      return;
  }
}

async function runRoute(
  service: KlingService,
  route: ApiRoute,
  createBody: unknown,
  url: URL,
): Promise<unknown> {
  switch (route.kind) {
    case "create":
      return service.createTask(createBody);
    case "query":
      return route.pathId !== undefined
        ? service.getTask(route.pathId)
        : service.getTaskByExternalId(url.searchParams.get("external_task_id") ?? "");
    case "list":
      return service.listTasks(url.searchParams);
    case "account":
      return service.accountCosts(url.searchParams);
    case "media":
      throw new Error("media requests are not API routes");
  }
}

async function prepareMediaDir(options: EmulatorOptions): Promise<{ dir: string; temporary: boolean }> {
  if (options.mediaDir) {
    await mkdir(options.mediaDir, { recursive: true });
    return { dir: options.mediaDir, temporary: false };
  }
  if (options.stateFile) {
    const parsed = path.parse(path.resolve(options.stateFile));
    const dir = path.join(parsed.dir, `${parsed.name}-media`);
    await mkdir(dir, { recursive: true });
    return { dir, temporary: false };
  }
  return { dir: await mkdtemp(path.join(tmpdir(), "kling-emulator-")), temporary: true };
}

/** Leftovers of renders that were killed mid-way (a stop or crash) are never completed: remove them. */
async function removeUnfinishedRenders(mediaDir: string): Promise<void> {
  for (const name of await readdir(mediaDir)) {
    if (name.endsWith(".partial") || name.endsWith(".mp4.png"))
      await rm(path.join(mediaDir, name), { force: true });
  }
}

async function sweepExpiredMedia(store: TaskStore, mediaDir: string): Promise<void> {
  const now = Date.now();
  for (const task of store.all()) {
    if (task.expiresAt === null || task.expiresAt > now) continue;
    for (const variant of ["video", "watermark"] as const) {
      await rm(path.join(mediaDir, mediaFileName(task.videoId, variant)), { force: true });
    }
  }
}

function listen(server: Server, port: number, host: string): Promise<AddressInfo> {
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      server.off("error", reject);
      resolve(server.address() as AddressInfo);
    });
  });
}

function stopServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}
