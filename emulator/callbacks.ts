import { randomUUID } from "node:crypto";
import type { Faults } from "./faults";
import type { EmulatorOptions } from "./options";
import type { LegacyTask } from "./task-json";
import type { TaskRecord } from "./tasks";
import { webhookHeaders } from "./webhooks";

export interface CallbackAttempt {
  taskId: string;
  status: string;
  attempt: number;
  outcome: "delivered" | "failed" | "injected_failure";
  detail: string;
}

/**
 * POSTs the bare task object to callback_url on each status change (KLING_API.md §8). Deliveries for
 * one task go out in order; a failed delivery is retried with doubling delays before the next one.
 */
export class CallbackSender {
  private readonly chains = new Map<string, Promise<void>>();
  private readonly aborts = new Set<AbortController>();
  private readonly sleepers = new Set<() => void>();
  private closed = false;
  /** Every attempt, newest last (kept short), for the admin endpoint and debugging. */
  readonly attempts: CallbackAttempt[] = [];

  constructor(
    private readonly options: EmulatorOptions,
    private readonly faults: Faults,
    private readonly present: (task: TaskRecord) => LegacyTask,
    private readonly log: (line: string) => void,
  ) {}

  notify(task: TaskRecord): void {
    const url = task.request.callbackUrl;
    if (!url || this.closed) return;
    // The body is fixed now: a retry re-sends this status, not whatever the task has become since.
    const body = JSON.stringify(this.present(task));
    const messageId = randomUUID();
    const previous = this.chains.get(task.taskId) ?? Promise.resolve();
    const next = previous.then(() => this.deliver(url, body, messageId, task.taskId, task.status));
    this.chains.set(task.taskId, next);
    void next.then(() => {
      if (this.chains.get(task.taskId) === next) this.chains.delete(task.taskId);
    });
  }

  close(): void {
    this.closed = true;
    for (const controller of this.aborts) controller.abort();
    for (const wake of this.sleepers) wake();
  }

  private async deliver(
    url: string,
    body: string,
    messageId: string,
    taskId: string,
    status: string,
  ): Promise<void> {
    for (let attempt = 1; attempt <= this.options.callbackRetries + 1 && !this.closed; attempt++) {
      if (attempt > 1) await this.sleep(this.options.callbackRetryDelayMs * 2 ** (attempt - 2));
      if (this.closed) return;
      const record = (outcome: CallbackAttempt["outcome"], detail: string) => {
        this.attempts.push({ taskId, status, attempt, outcome, detail });
        if (this.attempts.length > 500) this.attempts.shift();
        this.log(`callback ${taskId} ${status} attempt ${attempt}: ${outcome} ${detail}`);
      };
      if (this.faults.failCallback()) {
        record("injected_failure", "callback_failure fault: not sent");
        continue;
      }
      const result = await this.post(url, body, messageId);
      record(result.ok ? "delivered" : "failed", result.detail);
      if (result.ok) return;
    }
  }

  private async post(url: string, body: string, messageId: string): Promise<{ ok: boolean; detail: string }> {
    const headers: Record<string, string> = { "content-type": "application/json; charset=utf-8" };
    if (this.options.webhookSecret) {
      Object.assign(
        headers,
        webhookHeaders(this.options.webhookSecret, messageId, Math.floor(Date.now() / 1000), body),
      );
    }
    const controller = new AbortController();
    this.aborts.add(controller);
    const timeout = setTimeout(() => controller.abort(), this.options.callbackTimeoutMs);
    try {
      const response = await fetch(url, { method: "POST", headers, body, signal: controller.signal });
      await response.arrayBuffer().catch(() => undefined);
      return { ok: response.ok, detail: `HTTP ${response.status}` };
    } catch (error) {
      return { ok: false, detail: (error as Error).message };
    } finally {
      clearTimeout(timeout);
      this.aborts.delete(controller);
    }
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const wake = () => {
        clearTimeout(timer);
        this.sleepers.delete(wake);
        resolve();
      };
      const timer = setTimeout(wake, ms);
      this.sleepers.add(wake);
    });
  }
}
