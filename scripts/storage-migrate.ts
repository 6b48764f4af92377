// npm run storage:migrate -- --to s3 | --to local — copies every stored video and poster between
// local disk (DATA_DIR/media) and the S3 bucket (S3_*), verifying size and sha256 of each copy.
// Resumable and idempotent: run it again after an interruption, or after switching STORAGE, to
// pick up what was archived meanwhile. It never deletes anything from the source.
import path from "node:path";
import pg from "pg";
import { startEmbeddedPostgres } from "../lib/database/embedded";
import { appConfig, storageEnv } from "../lib/env";
import { StorageConfigError } from "../lib/storage/errors";
import { LocalDiskStorage } from "../lib/storage/local";
import { type AssetRecord, type MigrationProgress, migrateAssets } from "../lib/storage/migrate";
import { S3Storage, s3Settings } from "../lib/storage/s3";
import { acquireDataDirLock } from "./lib/lock";

const cleanups: Array<() => Promise<void> | void> = [];

main()
  .then(async (code) => {
    await cleanup();
    process.exit(code);
  })
  .catch(async (error) => {
    console.error(`Error: ${error instanceof StorageConfigError ? error.message : (error as Error).message}`);
    await cleanup();
    process.exit(1);
  });

async function main(): Promise<number> {
  const direction = argument("--to");
  if (direction !== "s3" && direction !== "local") {
    throw new Error("Usage: npm run storage:migrate -- --to s3   (or --to local to copy back)");
  }
  let env: ReturnType<typeof storageEnv>;
  try {
    // The bucket is needed in both directions, whatever STORAGE says today.
    env = storageEnv({ ...process.env, STORAGE: "s3" });
  } catch (error) {
    throw new Error((error as Error).message.replace(/^Invalid configuration: /, ""));
  }
  const dataDir = path.resolve(appConfig().DATA_DIR);
  const local = new LocalDiskStorage(path.join(dataDir, "media"));
  const bucket = new S3Storage(s3Settings(env));
  const [from, to] = direction === "s3" ? [local, bucket] : [bucket, local];
  await to.check();

  const assets = await loadAssets(dataDir);
  console.log(`Copying ${assets.length} asset(s) from ${from.description} to ${to.description}…`);
  const progress = progressPrinter();
  const summary = await migrateAssets({ from, to, assets, onProgress: progress });
  progress.end();
  console.log(
    `Done: ${summary.copied} copied (${megabytes(summary.bytesCopied)}), ${summary.present} already there and verified, ${summary.failed} failed, of ${summary.total}.`,
  );
  for (const failure of summary.failures) console.log(`  failed ${failure.storageKey}: ${failure.reason}`);
  if (summary.failed > 0) {
    console.log("Fix the failures above and run the same command again; finished copies are kept.");
    return 1;
  }
  console.log(
    direction === "s3"
      ? "Next: set STORAGE=s3 on every instance and worker, restart them, then run this once more to copy anything archived in between."
      : "Next: set STORAGE=local (or unset it), restart, then run this once more to copy anything archived in between.",
  );
  return 0;
}

/** Every asset row, from DATABASE_URL or (single machine) the embedded database under DATA_DIR. */
async function loadAssets(dataDir: string): Promise<AssetRecord[]> {
  let url = appConfig().DATABASE_URL;
  if (!url) {
    // The lock also proves the studio is stopped: the embedded database has one owner at a time.
    cleanups.push(acquireDataDirLock(dataDir));
    const embedded = await startEmbeddedPostgres({ dataDir });
    cleanups.push(() => embedded.stop());
    url = embedded.url;
  }
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{
      id: string;
      storageKey: string;
      sizeBytes: string;
      sha256: string;
    }>(
      `SELECT "id", "storageKey", "sizeBytes"::text AS "sizeBytes", "sha256" FROM "asset" ORDER BY "createdAt", "id"`,
    );
    return rows.map((row) => ({ ...row, sizeBytes: BigInt(row.sizeBytes) }));
  } finally {
    await client.end();
  }
}

/** One line that updates in place on a terminal; a line per 10 % in logs. */
function progressPrinter() {
  const tty = process.stdout.isTTY;
  let lastTenth = -1;
  let printed = false;
  const print = (progress: MigrationProgress) => {
    const percent = progress.total ? Math.floor((progress.done / progress.total) * 100) : 100;
    const line = `[${progress.done}/${progress.total}] ${percent}%  copied ${progress.copied}, already there ${progress.present}, failed ${progress.failed}  (${megabytes(progress.bytesCopied)})`;
    if (tty) {
      process.stdout.write(`\r${line}\u001b[K`);
      printed = true;
    } else if (Math.floor(percent / 10) > lastTenth) {
      lastTenth = Math.floor(percent / 10);
      console.log(line);
    }
  };
  return Object.assign(print, {
    end: () => {
      if (printed) process.stdout.write("\n");
    },
  });
}

function argument(name: string) {
  const index = process.argv.indexOf(name);
  if (index >= 0) return process.argv[index + 1];
  return process.argv.find((arg) => arg.startsWith(`${name}=`))?.slice(name.length + 1);
}

const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

async function cleanup() {
  for (const step of cleanups.reverse()) await step();
}
