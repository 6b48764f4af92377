import { type ChildProcess, fork } from "node:child_process";
import { createRequire } from "node:module";
import { setPriority } from "node:os";
import { fileURLToPath, pathToFileURL } from "node:url";
import type { RenderReply, RenderRequest } from "./render-process";
import type { RenderJob } from "./types";

const require = createRequire(import.meta.url);
const RENDER_PROCESS = fileURLToPath(new URL("./render-process.ts", import.meta.url));
// Note: the child loads TypeScript through tsx explicitly, so this works the same under tsx, vitest
// or any other host process (a worker thread would inherit whatever loader the host happens to use).
const TSX_LOADER = pathToFileURL(require.resolve("tsx")).href;
/** Renders run below normal priority so API requests (and whatever else shares the machine) stay fast. */
const RENDER_NICENESS = 10;

interface QueuedRender {
  id: number;
  job: RenderJob;
  resolve: () => void;
  reject: (error: Error) => void;
}

interface RenderWorker {
  child: ChildProcess;
  current: QueuedRender | null;
  timer: NodeJS.Timeout | null;
}

/** At most `concurrency` render processes; further jobs wait in FIFO order. */
export class RenderPool {
  private readonly queue: QueuedRender[] = [];
  private readonly workers: RenderWorker[] = [];
  private nextId = 1;
  private closed = false;

  constructor(private readonly concurrency: number) {}

  render(job: RenderJob): Promise<void> {
    if (this.closed) return Promise.reject(new Error("render pool is closed"));
    return new Promise((resolve, reject) => {
      this.queue.push({ id: this.nextId++, job, resolve, reject });
      this.dispatch();
    });
  }

  get pending(): number {
    return this.queue.length + this.workers.filter((worker) => worker.current).length;
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const queued of this.queue.splice(0)) queued.reject(new Error("render pool closed"));
    await Promise.all(this.workers.map((worker) => this.stop(worker)));
  }

  private dispatch(): void {
    while (this.queue.length > 0) {
      const worker = this.workers.find((candidate) => !candidate.current) ?? this.spawnIfRoom();
      if (!worker) return;
      const next = this.queue.shift() as QueuedRender;
      worker.current = next;
      worker.timer = setTimeout(() => this.fail(worker, "render timed out"), renderTimeoutMs(next.job));
      worker.child.send({ id: next.id, job: next.job } satisfies RenderRequest);
    }
  }

  private spawnIfRoom(): RenderWorker | null {
    if (this.workers.length >= this.concurrency) return null;
    const child = fork(RENDER_PROCESS, [], {
      execArgv: ["--import", TSX_LOADER],
      stdio: ["ignore", "ignore", "inherit", "ipc"],
    });
    try {
      if (child.pid !== undefined) setPriority(child.pid, RENDER_NICENESS);
    } catch {
      // Lowering priority is a courtesy; some containers forbid it.
    }
    const worker: RenderWorker = { child, current: null, timer: null };
    child.on("message", (reply: RenderReply) => this.finish(worker, reply));
    child.on("exit", (code, signal) =>
      this.fail(worker, `render process exited (code ${code}, signal ${signal})`),
    );
    child.on("error", (error) => this.fail(worker, `render process error: ${error.message}`));
    this.workers.push(worker);
    return worker;
  }

  private finish(worker: RenderWorker, reply: RenderReply): void {
    const current = worker.current;
    if (!current || current.id !== reply.id) return;
    this.release(worker);
    if (reply.error === null) current.resolve();
    else current.reject(new Error(reply.error));
    this.dispatch();
  }

  /** A crashed or stuck render process is discarded; the next job gets a fresh one. */
  private fail(worker: RenderWorker, reason: string): void {
    const index = this.workers.indexOf(worker);
    if (index === -1) return;
    this.workers.splice(index, 1);
    const current = worker.current;
    this.release(worker);
    if (worker.child.exitCode === null && worker.child.signalCode === null) worker.child.kill("SIGTERM");
    current?.reject(new Error(reason));
    if (!this.closed) this.dispatch();
  }

  private release(worker: RenderWorker): void {
    if (worker.timer) clearTimeout(worker.timer);
    worker.timer = null;
    worker.current = null;
  }

  private async stop(worker: RenderWorker): Promise<void> {
    const child = worker.child;
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
    // SIGTERM lets the render process kill its ffmpeg; SIGKILL if it does not go within 2 s.
    child.kill("SIGTERM");
    const forced = setTimeout(() => child.kill("SIGKILL"), 2000);
    await exited;
    clearTimeout(forced);
  }
}

/** Generous: a 15 s 4K clip on a busy 2-core machine can take minutes. */
function renderTimeoutMs(job: RenderJob): number {
  const megapixelSeconds = (job.width * job.height * job.durationSec * job.fps) / 1e6;
  return 60_000 + megapixelSeconds * 400;
}
