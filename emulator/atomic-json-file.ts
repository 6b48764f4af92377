import { mkdir, readFile, rename, writeFile } from "node:fs/promises";
import path from "node:path";

/**
 * A JSON file that is replaced atomically (write a temp file, then rename), so a crash mid-write
 * leaves the previous state intact. Saves requested while one is waiting share that write.
 */
export class AtomicJsonFile {
  private chain: Promise<void> = Promise.resolve();
  private queued: Promise<void> | null = null;

  constructor(
    readonly filePath: string,
    private readonly snapshot: () => unknown,
  ) {}

  async read(): Promise<unknown | undefined> {
    let text: string;
    try {
      text = await readFile(this.filePath, "utf8");
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
      throw error;
    }
    try {
      return JSON.parse(text);
    } catch (error) {
      throw new Error(`state file ${this.filePath} is not valid JSON: ${(error as Error).message}`);
    }
  }

  save(): Promise<void> {
    if (this.queued) return this.queued;
    const write = this.chain.then(() => {
      this.queued = null;
      return this.writeNow();
    });
    this.queued = write;
    this.chain = write.catch(() => undefined);
    return write;
  }

  private async writeNow(): Promise<void> {
    const json = JSON.stringify(this.snapshot());
    await mkdir(path.dirname(this.filePath), { recursive: true });
    const temp = `${this.filePath}.${process.pid}.tmp`;
    await writeFile(temp, json);
    await rename(temp, this.filePath);
  }
}
