import { access } from "node:fs/promises";
import type { CallbackSender } from "./callbacks";
import type { EmulatorOptions } from "./options";
import type { RenderPool } from "./render/render-pool";
import { renderJobFor } from "./render-job";
import type { TaskStore } from "./store";
import type { TaskRecord } from "./tasks";

/**
 * Drives tasks through submitted -> processing -> succeed | failed. A task leaves "processing" when
 * processingMs has passed AND its video exists, so "succeed" always points at a real file.
 */
export class TaskLifecycle {
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private closed = false;
  private timerCount = 0;

  constructor(
    private readonly store: TaskStore,
    private readonly renders: RenderPool,
    private readonly callbacks: CallbackSender,
    private readonly options: EmulatorOptions,
    private readonly mediaDir: string,
    private readonly log: (line: string) => void,
  ) {}

  /** A new task: already stored as "submitted". */
  begin(task: TaskRecord): void {
    if (this.options.callbackOnSubmitted) this.callbacks.notify(task);
    this.scheduleProcessing(task);
  }

  /** After a restart: pick every unfinished task up where the clock says it should be. */
  resume(): void {
    for (const task of this.store.all()) {
      if (task.status === "submitted") this.scheduleProcessing(task);
      else if (task.status === "processing") this.runProcessing(task);
    }
  }

  close(): void {
    this.closed = true;
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
  }

  private scheduleProcessing(task: TaskRecord): void {
    const delay = task.createdAt + this.options.submittedMs - Date.now();
    this.later(task, delay, () => {
      this.transition(task, { status: "processing", processingAt: Date.now() });
      this.runProcessing(task);
    });
  }

  private runProcessing(task: TaskRecord): void {
    const minimumDone = new Promise<void>((resolve) => {
      this.later(task, (task.processingAt ?? Date.now()) + this.options.processingMs - Date.now(), resolve);
    });
    if (task.plannedFailure !== null) {
      const reason = task.plannedFailure;
      void minimumDone.then(() => this.finish(task, reason));
      return;
    }
    Promise.all([minimumDone, this.ensureVideo(task)]).then(
      () => this.finish(task, null),
      (error: Error) => {
        if (this.closed) return;
        this.log(`task ${task.taskId}: render failed: ${error.message}`);
        void this.finish(task, `Video generation failed: ${error.message.slice(0, 200)}`);
      },
    );
  }

  private async ensureVideo(task: TaskRecord): Promise<void> {
    const job = renderJobFor(task, this.mediaDir, this.options.videoSize);
    const outputs = [job.outputPath, ...(job.watermarkOutputPath ? [job.watermarkOutputPath] : [])];
    if (await allExist(outputs)) return;
    const started = Date.now();
    await this.renders.render(job);
    this.log(
      `task ${task.taskId}: rendered ${job.width}x${job.height} ${job.durationSec}s in ${Date.now() - started} ms`,
    );
  }

  private async finish(task: TaskRecord, failure: string | null): Promise<void> {
    if (this.closed || task.status !== "processing") return;
    const now = Date.now();
    if (failure === null) {
      this.transition(task, {
        status: "succeed",
        completedAt: now,
        expiresAt: now + this.options.retentionMs,
      });
      return;
    }
    // Failed tasks cost nothing: the reservation made at create goes back to the pack.
    this.store.refund(task, now);
    this.transition(task, { status: "failed", statusMessage: failure, completedAt: now });
  }

  private transition(task: TaskRecord, change: Partial<TaskRecord>): void {
    if (this.closed) return;
    Object.assign(task, change, { updatedAt: Math.max(Date.now(), task.updatedAt + 1) });
    this.log(`task ${task.taskId}: ${task.status}${task.statusMessage ? ` (${task.statusMessage})` : ""}`);
    this.store.save().catch((error: Error) => this.log(`state file write failed: ${error.message}`));
    this.callbacks.notify(task);
  }

  private later(task: TaskRecord, delayMs: number, run: () => void): void {
    if (this.closed) return;
    this.timerCount += 1;
    const key = `${task.taskId}:${this.timerCount}`;
    const due = Date.now() + Math.max(0, delayMs);
    // Node's timers may fire a millisecond before Date.now() reaches `due`: a phase never ends early.
    const fire = () => {
      const early = due - Date.now();
      if (early > 0) return void this.timers.set(key, setTimeout(fire, early));
      this.timers.delete(key);
      if (!this.closed) run();
    };
    this.timers.set(key, setTimeout(fire, Math.max(0, delayMs)));
  }
}

async function allExist(files: string[]): Promise<boolean> {
  try {
    await Promise.all(files.map((file) => access(file)));
    return true;
  } catch {
    return false;
  }
}
