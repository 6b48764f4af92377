// npm run worker — the background worker as its own process (scale-out; DESIGN.md). Needs the same
// DATABASE_URL and Kling settings as the app; with none set it refuses rather than guessing.
import { startWorker } from "../lib/jobs/worker";

const worker = await startWorker();
console.log("[worker] Ctrl-C to stop");
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, async () => {
    await worker.stop();
    process.exit(0);
  });
}
