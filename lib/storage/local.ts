import "server-only";
import { randomUUID } from "node:crypto";
import { createReadStream } from "node:fs";
import { copyFile, mkdir, rename, rm, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import type { Readable } from "node:stream";
import type { ByteRange, Storage } from "@/lib/storage";
import { StorageConfigError } from "@/lib/storage/errors";

/** Media under DATA_DIR/media: the zero-config default for one machine. */
export class LocalDiskStorage implements Storage {
  readonly description: string;

  constructor(private readonly root: string) {
    this.description = `local disk at ${root}`;
  }

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

  async read(key: string, range?: ByteRange): Promise<Readable> {
    return createReadStream(this.resolve(key), range);
  }

  async remove(key: string) {
    await rm(this.resolve(key), { force: true });
  }

  async check() {
    const probe = path.join(this.root, `.write-check-${randomUUID()}`);
    try {
      await mkdir(this.root, { recursive: true });
      await writeFile(probe, "");
      await rm(probe);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? "error";
      throw new StorageConfigError("DATA_DIR", `media directory ${this.root} is not writable (${code})`);
    }
  }

  private resolve(key: string) {
    // Note: keys are built by the studio, never by users; this still refuses any escape from the root.
    const resolved = path.resolve(this.root, key);
    if (!resolved.startsWith(path.resolve(this.root) + path.sep))
      throw new Error(`invalid storage key ${key}`);
    return resolved;
  }
}
