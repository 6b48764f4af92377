import { createHash } from "node:crypto";
import { findBlockedWord } from "./content-policy";
import {
  concurrencyExceeded,
  contentPolicyViolation,
  invalidParameter,
  resourceNotFound,
  resourcePackExhausted,
} from "./errors";
import type { Faults } from "./faults";
import { newNumericId } from "./ids";
import type { TaskLifecycle } from "./lifecycle";
import type { MediaUrls } from "./media-urls";
import { DAY_MS, type EmulatorOptions } from "./options";
import { formatUnits, unitsFor } from "./pricing";
import type { SeededRandom } from "./prng";
import type { TaskStore } from "./store";
import { createdTaskJson, type LegacyTask, taskJson } from "./task-json";
import type { TaskRecord } from "./tasks";
import { parseTextToVideoRequest } from "./validation";
import { rejectField } from "./validation-helpers";

const PAGE_NUM = { min: 1, max: 1000, default: 1 };
const PAGE_SIZE = { min: 1, max: 500, default: 30 };
const PACK_LIFETIME_MS = 365 * DAY_MS;

/** The API's business rules, apart from HTTP: handlers parse, this decides. */
export class KlingService {
  constructor(
    private readonly store: TaskStore,
    private readonly lifecycle: TaskLifecycle,
    private readonly options: EmulatorOptions,
    private readonly faults: Faults,
    private readonly ids: SeededRandom,
    private readonly mediaUrls: MediaUrls,
  ) {}

  /** Checks run in the order of KLING_API.md §17.4: account, body, model, policy, balance, concurrency. */
  async createTask(body: unknown): Promise<ReturnType<typeof createdTaskJson>> {
    const remaining = this.store.remainingUnits(this.options.balanceUnits);
    if (remaining <= 0) throw resourcePackExhausted(`the resource pack has ${remaining} units left`);
    const request = parseTextToVideoRequest(body, this.options.retiredModels);
    const external = request.externalTaskId;
    const duplicate = external === null ? undefined : this.store.findByExternalId(external);
    if (duplicate) {
      throw invalidParameter(
        `external_task_id must be unique within the account; got "${external}", already used by task ${duplicate.taskId}`,
      );
    }
    const blocked = findBlockedWord(request, this.options.blockedWords);
    if (blocked !== null && this.options.contentPolicyMode === "reject") {
      throw contentPolicyViolation(
        `The prompt triggered the platform's content security policy (blocked word "${blocked}"); please change the input`,
      );
    }
    const units = unitsFor(request);
    if (units > remaining) {
      throw resourcePackExhausted(
        `this task needs ${formatUnits(units)} units but the resource pack has ${remaining} left`,
      );
    }
    if (this.store.activeCount() >= this.options.concurrencyLimit) throw concurrencyExceeded();

    const now = Date.now();
    const task: TaskRecord = {
      taskId: newNumericId(this.ids, (id) => this.store.hasVideoOrTaskId(id)),
      externalTaskId: external,
      status: "submitted",
      statusMessage: "",
      createdAt: now,
      updatedAt: now,
      processingAt: null,
      completedAt: null,
      expiresAt: null,
      request,
      units,
      videoId: "",
      plannedFailure:
        blocked !== null
          ? `Failure to pass the risk control system: the content triggered the platform's content security policy (blocked word "${blocked}")`
          : this.faults.failTask(),
      sequence: this.store.nextSequence(),
    };
    task.videoId = newNumericId(this.ids, (id) => id === task.taskId || this.store.hasVideoOrTaskId(id));
    await this.store.insert(task);
    this.lifecycle.begin(task);
    return createdTaskJson(task);
  }

  /**
   * Admin, for tests: `count` finished (failed, free) tasks created now, without rendering, so a
   * real task can be pushed off the first list page (500 newer tasks) cheaply.
   */
  async addFillerTasks(count: number, template: TaskRecord["request"]): Promise<number> {
    const now = Date.now();
    const tasks: TaskRecord[] = [];
    for (let index = 0; index < count; index++) {
      const task: TaskRecord = {
        taskId: newNumericId(this.ids, (id) => this.store.hasVideoOrTaskId(id)),
        externalTaskId: null,
        status: "failed",
        statusMessage: "filler task (emulator admin)",
        createdAt: now,
        updatedAt: now,
        processingAt: null,
        completedAt: now,
        expiresAt: null,
        request: template,
        units: 0,
        videoId: "",
        plannedFailure: null,
        sequence: this.store.nextSequence(),
      };
      task.videoId = newNumericId(this.ids, (id) => id === task.taskId || this.store.hasVideoOrTaskId(id));
      tasks.push(task);
    }
    await this.store.insertMany(tasks);
    return tasks.length;
  }

  getTask(id: string): LegacyTask {
    const task = this.store.findByIdOrExternalId(id);
    if (!task) throw resourceNotFound(`task not found: no task has task_id or external_task_id "${id}"`);
    return taskJson(task, this.mediaUrls);
  }

  getTaskByExternalId(externalTaskId: string): LegacyTask {
    const task = this.store.findByExternalId(externalTaskId);
    if (!task) throw resourceNotFound(`task not found: no task has external_task_id "${externalTaskId}"`);
    return taskJson(task, this.mediaUrls);
  }

  listTasks(query: URLSearchParams): LegacyTask[] {
    const pageNum = integerParam(query, "pageNum", PAGE_NUM);
    const pageSize = integerParam(query, "pageSize", PAGE_SIZE);
    return this.store.list(pageNum, pageSize).map((task) => taskJson(task, this.mediaUrls));
  }

  /** GET /account/costs (KLING_API.md §13.1): one resource pack, with its data.code/msg wrapper. */
  accountCosts(query: URLSearchParams) {
    const startTime = requiredMillis(query, "start_time");
    const endTime = requiredMillis(query, "end_time");
    if (startTime > endTime) {
      throw invalidParameter(
        `start_time must not be after end_time; got start_time=${startTime}, end_time=${endTime}`,
      );
    }
    const now = Date.now();
    const total = this.options.balanceUnits;
    const remaining = this.store.remainingUnits(total, now - this.options.costsDelayMs);
    const purchased = this.store.packPurchasedAt;
    const pack = {
      resource_pack_name: `Video Generation - ${total.toLocaleString("en-US")} units (emulator)`,
      resource_pack_id: createHash("sha256")
        .update(`pack:${this.store.urlSigningKey}`)
        .digest("hex")
        .slice(0, 32),
      resource_pack_type: "decreasing_total",
      total_quantity: total,
      remaining_quantity: Math.max(0, remaining),
      purchase_time: purchased,
      effective_time: purchased,
      invalid_time: purchased + PACK_LIFETIME_MS,
      status: now >= purchased + PACK_LIFETIME_MS ? "expired" : remaining <= 0 ? "runOut" : "online",
    };
    const name = query.get("resource_pack_name");
    const overlaps = pack.effective_time <= endTime && pack.invalid_time >= startTime;
    const packs = overlaps && (name === null || name === pack.resource_pack_name) ? [pack] : [];
    return { code: 0, msg: "SUCCEED", resource_pack_subscribe_infos: packs };
  }
}

function integerParam(
  query: URLSearchParams,
  name: string,
  range: { min: number; max: number; default: number },
): number {
  const raw = query.get(name);
  if (raw === null || raw === "") return range.default;
  const value = Number(raw);
  if (!/^-?\d+$/.test(raw) || value < range.min || value > range.max) {
    throw rejectField(name, `be an integer in [${range.min}, ${range.max}]`, raw);
  }
  return value;
}

function requiredMillis(query: URLSearchParams, name: string): number {
  const raw = query.get(name);
  if (raw === null || raw === "") {
    throw invalidParameter(`${name} is required: a Unix timestamp in milliseconds; got nothing`);
  }
  if (!/^\d{1,16}$/.test(raw)) throw rejectField(name, "be a Unix timestamp in milliseconds", raw);
  return Number(raw);
}
