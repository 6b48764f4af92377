import { type ChildProcess, spawn } from "node:child_process";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "../..");

export interface StudioProcess {
  name: string;
  child: ChildProcess;
  output(): string;
  exited: Promise<number | null>;
  /** Resolves once the output matches; rejects if the process exits first. */
  waitFor(pattern: RegExp): Promise<void>;
  stop(): Promise<void>;
}

/** `next start` on a port: one stateless web instance (its worker runs elsewhere: WORKER=external). */
export function startWebInstance(name: string, port: number, env: Record<string, string>) {
  return spawnStudio(
    name,
    [path.join(root, "node_modules/next/dist/bin/next"), "start", "-p", String(port)],
    {
      ...env,
      PORT: String(port),
      WORKER: "external",
    },
  );
}

/** `npm run worker`: one background worker process. */
export function startWorkerProcess(name: string, env: Record<string, string>) {
  return spawnStudio(
    name,
    ["--conditions=react-server", "--import", "tsx", path.join(root, "scripts/worker.ts")],
    env,
  );
}

function spawnStudio(name: string, args: string[], env: Record<string, string>): StudioProcess {
  const child = spawn(process.execPath, args, {
    cwd: root,
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  const append = (chunk: Buffer) => {
    output += chunk.toString();
  };
  child.stdout?.on("data", append);
  child.stderr?.on("data", append);
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  return {
    name,
    child,
    output: () => output,
    exited,
    waitFor: (pattern) =>
      new Promise((resolve, reject) => {
        const timer = setInterval(() => {
          if (pattern.test(output)) {
            clearInterval(timer);
            resolve();
          }
        }, 50);
        void exited.then((code) => {
          clearInterval(timer);
          if (!pattern.test(output))
            reject(new Error(`${name} exited (${code}) before ${pattern}:\n${output}`));
        });
      }),
    stop: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), 10_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** Polls a web instance's /api/health until it answers 200. */
export async function waitForHealthy(baseUrl: string, process: StudioProcess) {
  for (;;) {
    if (process.child.exitCode !== null) throw new Error(`${process.name} exited:\n${process.output()}`);
    const response = await fetch(`${baseUrl}/api/health`).catch(() => undefined);
    if (response?.status === 200) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}
