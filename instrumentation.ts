// Next.js start-up hook: runs the background worker inside the server process unless it runs
// separately (WORKER=external, e.g. several `npm run worker` processes).
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.WORKER === "external") return;
  if (!process.env.DATABASE_URL || !process.env.KLING_API_BASE) return; // `next build`, or not launched by scripts/launch.ts
  const { startWorker } = await import("@/lib/jobs/worker");
  await startWorker();
}
