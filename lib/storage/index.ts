import "server-only";
import { randomUUID } from "node:crypto";
import { createReadStream, type ReadStream } from "node:fs";
import { copyFile, mkdir, rename, rm, stat } from "node:fs/promises";
import path from "node:path";
import { mediaDir } from "@/lib/env";

/** Where stored media lives. Local disk today; S3-compatible storage later behind the same shape. */
export interface Storage {
  /** Moves (or copies) a finished local file to `key`, atomically: readers never see half a file. */
  putFile(key: string, sourcePath: string): Promise<void>;
  size(key: string): Promise<number | null>;
  read(key: string, range?: { start: number; end: number }): ReadStream;
  remove(key: string): Promise<void>;
}

export class LocalDiskStorage implements Storage {
  constructor(private readonly root: string) {}

  async putFile(key: string, sourcePath: string) {
    const target = this.resolve(key);
    await mkdir(path.dirname(target), { recursive: true });
    const temporary = `${target}.tmp-${randomUUID()}`;
    await copyFile(sourcePath, temporary);
    await rename(temporary, target);
  }

  async size(key: string) {
    try {
      return (await stat(this.resolve(key))).size;
    } catch {
      return null;
    }
  }

  read(key: string, range?: { start: number; end: number }) {
    return createReadStream(this.resolve(key), range);
  }

  async remove(key: string) {
    await rm(this.resolve(key), { force: true });
  }

  private resolve(key: string) {
    // Note: keys are built by the studio, never by users; this still refuses any escape from the root.
    const resolved = path.resolve(this.root, key);
    if (!resolved.startsWith(path.resolve(this.root) + path.sep))
      throw new Error(`invalid storage key ${key}`);
    return resolved;
  }
}

let cached: Storage | undefined;

export function getStorage(): Storage {
  cached ??= new LocalDiskStorage(mediaDir());
  return cached;
}

export function resetStorage() {
  cached = undefined;
}
