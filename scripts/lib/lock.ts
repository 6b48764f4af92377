import { closeSync, openSync, readFileSync, rmSync, writeSync } from "node:fs";
import path from "node:path";
import { isAlive } from "../../lib/database/embedded";
import { LaunchError } from "./errors";

/**
 * One launcher per data directory: a second one would start a second postmaster on the same
 * cluster (PostgreSQL refuses, but only after we have printed confusing errors) and share media.
 */
export function acquireDataDirLock(dataDir: string): () => void {
  const lockFile = path.join(dataDir, "studio.lock");
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(lockFile, "wx");
      writeSync(fd, String(process.pid));
      closeSync(fd);
      return () => {
        if (readPid(lockFile) === process.pid) rmSync(lockFile, { force: true });
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const owner = readPid(lockFile);
      if (owner && owner !== process.pid && isAlive(owner)) {
        throw new LaunchError(
          `Kling Studio is already running with DATA_DIR=${dataDir} (pid ${owner}). Stop it first, or use another DATA_DIR.`,
        );
      }
      rmSync(lockFile, { force: true }); // left by a launcher that was killed
    }
  }
  throw new LaunchError(`Could not lock ${lockFile}; another launcher is starting with the same DATA_DIR.`);
}

function readPid(lockFile: string): number | undefined {
  try {
    return Number(readFileSync(lockFile, "utf8").trim()) || undefined;
  } catch {
    return undefined;
  }
}
