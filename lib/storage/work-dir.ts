import "server-only";
import { randomUUID } from "node:crypto";
import { mkdir, readdir, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { serverEnv } from "@/lib/env";

// Working files (downloads in progress, posters) live under DATA_DIR/work, in one folder per
// process: "<host>-<pid>-<random>". Same disk as the media store, and a folder whose process is
// gone can be recognised and swept.

function workRoot() {
  return path.resolve(serverEnv().DATA_DIR, "work");
}

/** A fresh folder for one step; remove it when done (what a crash leaves is swept on start). */
export async function makeWorkDir(): Promise<string> {
  const dir = path.join(workRoot(), `${os.hostname()}-${process.pid}-${randomUUID()}`);
  await mkdir(dir, { recursive: true });
  return dir;
}

/** Removes the folders of processes on this host that no longer run; returns how many. */
export async function sweepDeadWorkDirs(): Promise<number> {
  let names: string[];
  try {
    names = await readdir(workRoot());
  } catch {
    return 0;
  }
  const prefix = `${os.hostname()}-`;
  let swept = 0;
  for (const name of names) {
    if (!name.startsWith(prefix)) continue;
    const pid = Number(name.slice(prefix.length).split("-")[0]);
    if (!Number.isInteger(pid) || pid === process.pid || isRunning(pid)) continue;
    await rm(path.join(workRoot(), name), { recursive: true, force: true });
    swept++;
  }
  return swept;
}

function isRunning(pid: number) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}
