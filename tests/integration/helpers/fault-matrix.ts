import { appendFile, mkdtemp } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { expect } from "vitest";
import {
  type CreatePostCounts,
  type Emulator,
  type EmulatorOptions,
  type FaultRuleInput,
  startEmulator,
} from "../../../emulator/server";
import { getAuth } from "../../../lib/auth/instance";
import { db } from "../../../lib/db";
import { resetServerEnv } from "../../../lib/env";
import { submitGeneration } from "../../../lib/generations/submit";
import { stopBoss } from "../../../lib/jobs/boss";
import { resetKlingClient } from "../../../lib/kling/instance";
import { resetStorage } from "../../../lib/storage";
import { teamWith } from "./accounts";
// Aliased: not a React hook, whatever its name says to the linter.
import { useAppDatabase as freshAppDatabase, type TestDatabase } from "./database";
import { BASE_REQUEST, FAST_PIPELINE_ENV } from "./pipeline";
import { killWorkerChild, spawnWorkerChild, stopWorkerChild, type WorkerChild } from "./worker-child";

/** One row of the fault matrix (and of `npm run bench:faults`). */
export interface CaseResult {
  name: string;
  generations: number;
  /** Create POSTs the emulator received for these generations (a fault may refuse one before it creates). */
  createPosts: number;
  /** POSTs that arrived while the generation's task already existed. */
  duplicates: number;
  /** Made by Kling, not archived. */
  lost: number;
  /** Failed at Kling (0 units charged). */
  klingFailed: number;
  succeedToArchivedMs: { p50: number; p95: number } | null;
  /** Kill cases: from the new process's start to the dead one's rows being taken over. */
  resumeMs?: number;
}

const SETTLE_TIMEOUT_MS = 120_000;

/**
 * The fault matrix: the real worker (`scripts/worker.ts` as a child process) and embedded
 * Postgres against the emulator over HTTP, which counts create POSTs from outside the studio.
 */
export class FaultMatrix {
  private database!: TestDatabase;
  private earlierCounts: CreatePostCounts[] = [];
  emulator!: Emulator;
  worker: WorkerChild | undefined;
  dataDir!: string;
  teamId!: string;
  userId!: string;
  private emulatorOptions!: Partial<EmulatorOptions>;

  static async start(name: string, options: Partial<EmulatorOptions> = {}) {
    const matrix = new FaultMatrix();
    matrix.database = await freshAppDatabase();
    const dir = await mkdtemp(path.join(os.tmpdir(), `kling-matrix-${name}-`));
    matrix.dataDir = path.join(dir, "data");
    matrix.emulatorOptions = {
      port: 0,
      speed: "fast",
      videoSize: "small",
      seed: 13,
      faultsEnabled: true,
      renderConcurrency: 2,
      stateFile: path.join(dir, "emulator.json"),
      ...options,
    };
    matrix.emulator = await startEmulator(matrix.emulatorOptions);
    // A restart must come back where the studio expects it, with the same keys.
    Object.assign(matrix.emulatorOptions, {
      port: Number(new URL(matrix.emulator.url).port),
      accessKey: matrix.emulator.accessKey,
      secretKey: matrix.emulator.secretKey,
      apiKey: matrix.emulator.apiKey,
    });
    Object.assign(process.env, {
      KLING_API_BASE: matrix.emulator.url,
      KLING_ACCESS_KEY: matrix.emulator.accessKey,
      KLING_SECRET_KEY: matrix.emulator.secretKey,
      KLING_BACKEND: "emulator",
      DATA_DIR: matrix.dataDir,
      ...FAST_PIPELINE_ENV,
      KLING_TIMEOUT_SECONDS: "1",
      // Longer than any create latency the matrix injects beyond the client's timeout.
      KLING_CREATE_SETTLE_SECONDS: "5",
      ARCHIVE_DOWNLOAD_IDLE_SECONDS: "2",
    });
    resetServerEnv();
    resetKlingClient();
    resetStorage();
    const { team, owner } = await teamWith(getAuth(), `Matrix ${name}`);
    matrix.teamId = team.id;
    matrix.userId = owner.user.id;
    return matrix;
  }

  get logFile() {
    return path.join(path.dirname(this.dataDir), "worker.log");
  }

  async startWorker(env: Record<string, string> = {}) {
    this.worker = await spawnWorkerChild(this.logFile, env);
    return this.worker;
  }

  async stopWorker() {
    if (this.worker) await stopWorkerChild(this.worker);
    this.worker = undefined;
  }

  /** Stops the emulator (its state file kept), waits, and starts it again on the same port. */
  async restartEmulator(downMs: number) {
    this.earlierCounts.push(this.emulator.createPosts());
    await this.emulator.close();
    await new Promise((resolve) => setTimeout(resolve, downMs));
    this.emulator = await startEmulator(this.emulatorOptions);
  }

  /** Create POST counts summed over every emulator run. */
  createPosts(externalId: string) {
    const all = [...this.earlierCounts, this.emulator.createPosts()];
    const sum = (pick: (counts: CreatePostCounts) => Record<string, number>) =>
      all.reduce((total, counts) => total + (pick(counts)[externalId] ?? 0), 0);
    return {
      received: sum((counts) => counts.byExternalId),
      created: sum((counts) => counts.createdByExternalId),
      duplicates: sum((counts) => counts.duplicatesByExternalId),
    };
  }

  async submit(count: number, prompt: string) {
    const ids: string[] = [];
    for (let index = 0; index < count; index++) {
      const input = { ...BASE_REQUEST, prompt: `${prompt} #${index + 1}` };
      ids.push((await submitGeneration({ teamId: this.teamId, userId: this.userId, input })).id);
    }
    return ids;
  }

  /** Waits until no generation is still moving; a row that never settles fails the case. */
  async settle(ids: string[], timeoutMs = SETTLE_TIMEOUT_MS) {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const rows = await db.generation
        .findMany({ where: { id: { in: ids } }, select: { id: true, status: true } })
        .catch(() => null); // the database-drop case
      const moving = rows?.filter((row) => !["archived", "failed"].includes(row.status));
      if (moving && moving.length === 0) return;
      if (Date.now() > deadline) {
        throw new Error(
          `stuck after ${timeoutMs / 1000} s: ${moving?.map((row) => `${row.id} ${row.status}`).join(", ")} (worker log: ${this.logFile})`,
        );
      }
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }

  /**
   * The promises, counted from outside: one task and no duplicate POST per generation; every
   * generation archived with its files, or failed with 0 units where Kling failed it; none held.
   */
  async verify(name: string, ids: string[], extra: Partial<CaseResult> = {}): Promise<CaseResult> {
    const rows = await db.generation.findMany({ where: { id: { in: ids } }, include: { assets: true } });
    const tasks = new Map(this.emulator.tasks().map((task) => [task.externalTaskId, task]));
    let createPosts = 0;
    let duplicates = 0;
    let lost = 0;
    let klingFailed = 0;
    const latencies: number[] = [];
    for (const row of rows) {
      const posts = this.createPosts(row.id);
      createPosts += posts.received;
      duplicates += posts.duplicates;
      expect({ id: row.id, created: posts.created, duplicates: posts.duplicates }).toEqual({
        id: row.id,
        created: 1,
        duplicates: 0,
      });
      expect(this.emulator.tasks().filter((task) => task.externalTaskId === row.id)).toHaveLength(1);
      const task = tasks.get(row.id);
      expect(row.leaseOwner).toBeNull();
      if (task?.status === "failed") {
        klingFailed++;
        expect({ status: row.status, charged: Number(row.chargedUnits) }).toEqual({
          status: "failed",
          charged: 0,
        });
        continue;
      }
      if (row.status !== "archived") lost++;
      expect({ id: row.id, status: row.status, error: row.errorMessage }).toEqual({
        id: row.id,
        status: "archived",
        error: null,
      });
      expect(row.assets.map((asset) => asset.kind).sort()).toEqual(["poster", "video"]);
      if (row.archivedAt && task?.completedAt) latencies.push(row.archivedAt.getTime() - task.completedAt);
    }
    expect(rows).toHaveLength(ids.length);
    const result: CaseResult = {
      name,
      generations: ids.length,
      createPosts,
      duplicates,
      lost,
      klingFailed,
      succeedToArchivedMs: latencies.length ? percentiles(latencies) : null,
      ...extra,
    };
    console.log(`[fault matrix] ${JSON.stringify(result)}`);
    if (process.env.FAULT_MATRIX_REPORT)
      await appendFile(process.env.FAULT_MATRIX_REPORT, `${JSON.stringify(result)}\n`);
    return result;
  }

  /** Submits `count` generations under `faults`, runs `during`, settles and verifies. */
  async run(
    name: string,
    options: {
      count?: number;
      faults?: FaultRuleInput[];
      during?: (ids: string[]) => Promise<Partial<CaseResult> | undefined>;
    } = {},
  ) {
    this.emulator.faults.set(options.faults ?? []);
    try {
      const ids = await this.submit(options.count ?? 10, name);
      const extra = (await options.during?.(ids)) ?? {};
      await this.settle(ids);
      return await this.verify(name, ids, extra);
    } finally {
      this.emulator.faults.clear();
    }
  }

  /**
   * Once the worker holds one of `ids` in `status`, SIGKILLs it and starts a new one; returns the
   * time from that start until every row the dead one held was taken over.
   */
  async killWhileHolding(ids: string[], status: string): Promise<number> {
    const dead = this.worker as WorkerChild;
    await this.until(ids, (rows) => rows.some((row) => row.leaseOwner === dead.id && row.status === status));
    await killWorkerChild(dead);
    const held = await db.generation.count({ where: { leaseOwner: dead.id } });
    expect(held).toBeGreaterThan(0); // the kill really left work behind
    const started = Date.now();
    await this.startWorker();
    const deadline = started + 60_000;
    while ((await db.generation.count({ where: { leaseOwner: dead.id } })) > 0) {
      if (Date.now() > deadline) throw new Error("the dead worker's rows were never taken over");
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    return Date.now() - started;
  }

  /** Waits for `predicate` over the given rows (the rows as the database has them now). */
  async until(
    ids: string[],
    predicate: (rows: Array<{ status: string; leaseOwner: string | null }>) => boolean,
  ) {
    const deadline = Date.now() + 60_000;
    for (;;) {
      const rows = await db.generation.findMany({
        where: { id: { in: ids } },
        select: { status: true, leaseOwner: true },
      });
      if (predicate(rows)) return;
      if (Date.now() > deadline) throw new Error(`condition not reached: ${JSON.stringify(rows)}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  async close() {
    await this.stopWorker();
    await stopBoss();
    await this.emulator?.close();
    await db.$disconnect();
    await this.database?.drop();
  }
}

function percentiles(values: number[]) {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
  return { p50: at(0.5), p95: at(0.95) };
}
