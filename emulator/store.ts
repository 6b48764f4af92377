import { randomBytes } from "node:crypto";
import { AtomicJsonFile } from "./atomic-json-file";
import { isActive, type LedgerEntry, type TaskRecord } from "./tasks";

const STATE_VERSION = 1;

interface StateFileContents {
  version: number;
  urlSigningKey: string;
  packPurchasedAt: number;
  sequence: number;
  tasks: TaskRecord[];
  ledger: LedgerEntry[];
}

/** Tasks and the unit ledger, in memory, optionally mirrored to a state file. */
export class TaskStore {
  private readonly tasks = new Map<string, TaskRecord>();
  private readonly byExternalId = new Map<string, string>();
  private ledger: LedgerEntry[] = [];
  private sequence = 0;
  private file: AtomicJsonFile | null = null;
  /** Signs result URLs; persisted so URLs handed out before a restart keep working. */
  urlSigningKey = randomBytes(32).toString("hex");
  /** When the emulated resource pack was bought. */
  packPurchasedAt = Date.now();

  static async open(stateFile: string | null): Promise<TaskStore> {
    const store = new TaskStore();
    if (!stateFile) return store;
    store.file = new AtomicJsonFile(stateFile, () => store.contents());
    const saved = await store.file.read();
    if (saved === undefined) {
      await store.file.save();
    } else {
      store.load(saved as StateFileContents, stateFile);
    }
    return store;
  }

  get(taskId: string): TaskRecord | undefined {
    return this.tasks.get(taskId);
  }

  /** The path form accepts either id (KLING_API.md §5.1); task ids win over external ids. */
  findByIdOrExternalId(id: string): TaskRecord | undefined {
    return this.tasks.get(id) ?? this.findByExternalId(id);
  }

  findByExternalId(externalTaskId: string): TaskRecord | undefined {
    const taskId = this.byExternalId.get(externalTaskId);
    return taskId === undefined ? undefined : this.tasks.get(taskId);
  }

  hasVideoOrTaskId(id: string): boolean {
    if (this.tasks.has(id)) return true;
    for (const task of this.tasks.values()) if (task.videoId === id) return true;
    return false;
  }

  findByVideoId(videoId: string): TaskRecord | undefined {
    for (const task of this.tasks.values()) if (task.videoId === videoId) return task;
    return undefined;
  }

  nextSequence(): number {
    this.sequence += 1;
    return this.sequence;
  }

  /** Adds a task and its unit reservation, and persists both before returning. */
  async insert(task: TaskRecord): Promise<void> {
    this.tasks.set(task.taskId, task);
    if (task.externalTaskId !== null) this.byExternalId.set(task.externalTaskId, task.taskId);
    this.ledger.push({ at: task.createdAt, delta: -task.units, taskId: task.taskId });
    await this.save();
  }

  /** Several at once, persisted once (filler tasks for tests). */
  async insertMany(tasks: TaskRecord[]): Promise<void> {
    for (const task of tasks) {
      this.tasks.set(task.taskId, task);
      if (task.externalTaskId !== null) this.byExternalId.set(task.externalTaskId, task.taskId);
      this.ledger.push({ at: task.createdAt, delta: -task.units, taskId: task.taskId });
    }
    await this.save();
  }

  refund(task: TaskRecord, at: number): void {
    this.ledger.push({ at, delta: task.units, taskId: task.taskId });
  }

  /** Newest first; pages are 1-based. */
  list(pageNum: number, pageSize: number): TaskRecord[] {
    const newestFirst = [...this.tasks.values()].sort(
      (a, b) => b.createdAt - a.createdAt || b.sequence - a.sequence,
    );
    return newestFirst.slice((pageNum - 1) * pageSize, pageNum * pageSize);
  }

  all(): TaskRecord[] {
    return [...this.tasks.values()];
  }

  activeCount(): number {
    let count = 0;
    for (const task of this.tasks.values()) if (isActive(task)) count += 1;
    return count;
  }

  /** Units left counting ledger entries up to asOf (the costs endpoint may lag). */
  remainingUnits(totalUnits: number, asOf = Number.POSITIVE_INFINITY): number {
    let remaining = totalUnits;
    for (const entry of this.ledger) if (entry.at <= asOf) remaining += entry.delta;
    return Math.round(remaining * 100) / 100;
  }

  save(): Promise<void> {
    return this.file ? this.file.save() : Promise.resolve();
  }

  private contents(): StateFileContents {
    return {
      version: STATE_VERSION,
      urlSigningKey: this.urlSigningKey,
      packPurchasedAt: this.packPurchasedAt,
      sequence: this.sequence,
      tasks: this.all(),
      ledger: this.ledger,
    };
  }

  private load(saved: StateFileContents, stateFile: string): void {
    if (saved?.version !== STATE_VERSION || !Array.isArray(saved.tasks)) {
      throw new Error(
        `state file ${stateFile} must be an emulator state of version ${STATE_VERSION}; got version ${JSON.stringify(saved?.version)}`,
      );
    }
    this.urlSigningKey = saved.urlSigningKey;
    this.packPurchasedAt = saved.packPurchasedAt;
    this.sequence = saved.sequence;
    this.ledger = saved.ledger ?? [];
    for (const task of saved.tasks) {
      this.tasks.set(task.taskId, task);
      if (task.externalTaskId !== null) this.byExternalId.set(task.externalTaskId, task.taskId);
    }
  }
}
