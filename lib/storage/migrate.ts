import "server-only";
import { createHash } from "node:crypto";
import { createWriteStream } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { Transform } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { Storage } from "@/lib/storage";

/** What the migration needs of an asset row: where it lives and what it must be. */
export interface AssetRecord {
  id: string;
  storageKey: string;
  sizeBytes: bigint;
  sha256: string;
}

export type AssetOutcome = "copied" | "present" | "failed";

export interface MigrationProgress {
  done: number;
  total: number;
  copied: number;
  present: number;
  failed: number;
  bytesCopied: number;
}

export interface MigrationSummary extends MigrationProgress {
  failures: Array<{ id: string; storageKey: string; reason: string }>;
}

/**
 * Copies every asset from one storage to another and proves each copy: size and sha256 of what the
 * target holds must equal the asset row. Idempotent and resumable: an asset the target already
 * holds intact is left alone, and a copy is only visible once complete (putFile is atomic), so an
 * interrupted run is simply run again. The source is never changed.
 */
export async function migrateAssets(options: {
  from: Storage;
  to: Storage;
  assets: AssetRecord[];
  concurrency?: number;
  onProgress?: (progress: MigrationProgress) => void;
}): Promise<MigrationSummary> {
  const summary: MigrationSummary = {
    done: 0,
    total: options.assets.length,
    copied: 0,
    present: 0,
    failed: 0,
    bytesCopied: 0,
    failures: [],
  };
  const workDir = await mkdtemp(path.join(os.tmpdir(), "kling-storage-migrate-"));
  const queue = [...options.assets];
  const worker = async () => {
    for (let asset = queue.shift(); asset; asset = queue.shift()) {
      try {
        const outcome = await migrateOne(options.from, options.to, asset, workDir);
        summary[outcome] += 1;
        if (outcome === "copied") summary.bytesCopied += Number(asset.sizeBytes);
      } catch (error) {
        summary.failed += 1;
        summary.failures.push({
          id: asset.id,
          storageKey: asset.storageKey,
          reason: (error as Error).message,
        });
      }
      summary.done += 1;
      options.onProgress?.({ ...summary });
    }
  };
  try {
    await Promise.all(Array.from({ length: options.concurrency ?? 4 }, worker));
  } finally {
    await rm(workDir, { recursive: true, force: true });
  }
  return summary;
}

async function migrateOne(
  from: Storage,
  to: Storage,
  asset: AssetRecord,
  workDir: string,
): Promise<AssetOutcome> {
  const expected = { size: Number(asset.sizeBytes), sha256: asset.sha256 };
  if ((await to.size(asset.storageKey)) === expected.size) {
    const present = await digest(to, asset.storageKey);
    if (present.sha256 === expected.sha256) return "present";
  }
  if ((await from.size(asset.storageKey)) === null) throw new Error("missing from the source storage");
  const file = path.join(workDir, asset.id);
  try {
    const source = await digest(from, asset.storageKey, file);
    if (source.size !== expected.size || source.sha256 !== expected.sha256) {
      throw new Error(
        `the source copy differs from the record (size ${source.size} vs ${expected.size}, sha256 ${source.sha256.slice(0, 12)}… vs ${expected.sha256.slice(0, 12)}…); not copied`,
      );
    }
    await to.putFile(asset.storageKey, file);
  } finally {
    await rm(file, { force: true });
  }
  const copy = await digest(to, asset.storageKey);
  if (copy.size !== expected.size || copy.sha256 !== expected.sha256) {
    throw new Error(
      `the copy in the target does not verify (size ${copy.size}, sha256 ${copy.sha256.slice(0, 12)}…)`,
    );
  }
  return "copied";
}

/** Size and sha256 of a stored object, read in full; optionally kept in a local file. */
async function digest(storage: Storage, key: string, keepAs?: string) {
  const hash = createHash("sha256");
  let size = 0;
  const meter = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      hash.update(chunk);
      size += chunk.length;
      done(null, keepAs ? chunk : undefined);
    },
  });
  const stream = await storage.read(key);
  if (keepAs) await pipeline(stream, meter, createWriteStream(keepAs));
  else
    await pipeline(stream, meter, async (chunks) => {
      for await (const _ of chunks);
    });
  return { size, sha256: hash.digest("hex") };
}
