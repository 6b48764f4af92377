import { mkdtemp, readdir, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { type FaultRuleInput, startEmulator } from "../../emulator/server";
import { findFreePort } from "../../lib/database/embedded";
import { startKlingRecorder } from "./kling-recorder";
import { type StudioProcess, startWebInstance, startWorkerProcess, waitForHealthy } from "./processes";
import { serverAction } from "./server-action";

export interface Web {
  name: string;
  url: string;
  port: number;
  process: StudioProcess;
}

/**
 * Several web instances (`next start`, WORKER=external) and `npm run worker` processes around one
 * PostgreSQL, one storage and one Kling emulator (behind a recorder that counts every call), each
 * process with its own scratch DATA_DIR so nothing is shared through a disk.
 */
export async function startCluster(options: {
  databaseUrl: string;
  authSecret: string;
  storageEnv: Record<string, string>;
  webInstances: number;
  workers: number;
  faults?: FaultRuleInput[];
  generations: number;
  seed?: number;
}) {
  const emulator = await startEmulator({
    port: 0,
    speed: "fast",
    videoSize: "small",
    // Note: a fresh seed per cluster: two clusters on one database (the benchmark) must not be
    // handed the same Kling task ids, which the studio keeps unique.
    seed: options.seed ?? Math.floor(Math.random() * 2 ** 31),
    concurrencyLimit: options.generations,
    balanceUnits: 1_000_000,
    faults: options.faults ?? [],
  });
  const recorder = await startKlingRecorder(emulator.url);
  const scratch: string[] = [];
  const scratchDir = async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), "kling-cluster-"));
    scratch.push(dir);
    return dir;
  };
  const env = {
    DATABASE_URL: options.databaseUrl,
    BETTER_AUTH_SECRET: options.authSecret,
    KLING_API_BASE: recorder.url,
    KLING_ACCESS_KEY: emulator.accessKey,
    KLING_SECRET_KEY: emulator.secretKey,
    KLING_API_KEY: "",
    KLING_BACKEND: "emulator",
    KLING_POLL_INTERVAL_SECONDS: "0.25",
    JOB_LEASE_SECONDS: "5",
    KLING_RETRY_BASE_SECONDS: "0.25",
    KLING_RETRY_MAX_SECONDS: "1",
    PUBLIC_URL: "",
    // One member submits every generation of the run: far past the default 20 per 10 minutes.
    MEMBER_GENERATE_LIMIT: String(Math.max(20, options.generations * 2)),
    ...options.storageEnv,
  };
  const webs: Web[] = [];
  const workers: StudioProcess[] = [];
  const startWeb = async (name: string, port?: number) => {
    const chosen = port ?? (await findFreePort());
    const web = {
      name,
      port: chosen,
      url: `http://127.0.0.1:${chosen}`,
      process: startWebInstance(name, chosen, { ...env, DATA_DIR: await scratchDir() }),
    };
    webs.push(web);
    await waitForHealthy(web.url, web.process);
    return web;
  };
  const startWorker = async (name: string) => {
    const worker = startWorkerProcess(name, { ...env, DATA_DIR: await scratchDir() });
    workers.push(worker);
    await worker.waitFor(/\[worker\] started/);
    return worker;
  };
  const stop = async () => {
    await Promise.all([...webs.map((web) => web.process.stop()), ...workers.map((worker) => worker.stop())]);
    await recorder.close();
    await emulator.close();
    for (const dir of scratch) await rm(dir, { recursive: true, force: true });
  };
  try {
    await Promise.all([
      ...Array.from({ length: options.webInstances }, (_, index) => startWeb(`web-${index + 1}`)),
      ...Array.from({ length: options.workers }, (_, index) => startWorker(`worker-${index + 1}`)),
    ]);
  } catch (error) {
    // Nobody else holds these processes yet: a failed start must not leave servers running.
    await Promise.allSettled(webs.map((web) => web.process.stop()));
    await stop();
    throw error;
  }
  const submitAction = serverAction("submitGenerationAction");

  return {
    emulator,
    recorder,
    env,
    webs,
    workers,
    startWeb,
    startWorker,
    /**
     * Submits one generation through a web instance's server action, for the team the page was
     * rendered for (`teamId`, as the studio's form sends it); returns its id.
     */
    async submit(
      web: Web,
      cookie: string,
      input: Record<string, unknown> & { teamId: string },
    ): Promise<string> {
      const answer = await submitAction(web.url, cookie, [input]);
      // Generate answers every generation it started (one here: no takes).
      const [id] = answer.ok ? ((answer.data as { ids?: string[] }).ids ?? []) : [];
      if (!id) throw new Error(`${web.name} refused the generation: ${JSON.stringify(answer).slice(0, 400)}`);
      return id;
    },
    /** Files any process wrote under its scratch DATA_DIR/media (must stay none with STORAGE=s3). */
    async localMediaFiles() {
      const found: string[] = [];
      for (const dir of scratch) {
        const media = path.join(dir, "media");
        const entries = await readdir(media, { recursive: true }).catch(() => []);
        found.push(...entries.map((entry) => path.join(media, String(entry))));
      }
      return found;
    },
    stop,
  };
}

export type Cluster = Awaited<ReturnType<typeof startCluster>>;

/** SIGKILL: no shutdown hook runs, leases and the poller lock are left to expire or drop. */
export async function killHard(process: StudioProcess) {
  process.child.kill("SIGKILL");
  await process.exited;
}
