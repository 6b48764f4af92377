// Next.js start-up hook: runs the background worker inside the server process unless it runs
// separately (WORKER=external, e.g. several `npm run worker` processes).
export async function register() {
  // NEXT_RUNTIME is Next's own (nodejs or edge), not configuration; lib/env.ts is Node-only.
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { appConfig } = await import("@/lib/env");
  const config = appConfig();
  if (config.WORKER === "external") return;
  if (!config.DATABASE_URL || !config.KLING_API_BASE) return; // `next build`, or not launched by scripts/launch.ts
  const { startWorker } = await import("@/lib/jobs/worker");
  await startWorker();
}
