// npm run worker — the background worker as its own process (scale-out; DESIGN.md). Needs the same
// DATABASE_URL and Kling settings as the app; with none set it refuses rather than guessing.
import path from "node:path";
import { appConfig } from "../lib/env";
import { surviveLostJobAcknowledgements } from "../lib/jobs/connection-loss";
import { startWorker } from "../lib/jobs/worker";
import { assertStorageReady } from "./lib/storage";

// The worker archives into the storage: a wrong bucket or key fails here, not on the first video.
try {
  console.log(`[worker] storage: ${await assertStorageReady(path.resolve(appConfig().DATA_DIR))}`);
} catch (error) {
  console.error(`Error: ${(error as Error).message}`);
  process.exit(1);
}
surviveLostJobAcknowledgements((line) => console.error(`[worker] ${line}`));
const worker = await startWorker();
console.log("[worker] Ctrl-C to stop");
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, async () => {
    await worker.stop();
    process.exit(0);
  });
}
