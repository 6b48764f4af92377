import "server-only";
import PgBoss from "pg-boss";
import { serverEnv } from "@/lib/env";

export const QUEUES = {
  submit: "generation-submit",
  archive: "generation-archive",
  refresh: "generation-refresh",
} as const;

const globalForBoss = globalThis as unknown as { boss?: Promise<PgBoss> };

/** The process's pg-boss (its tables live in the `pgboss` schema of the studio's database). */
export function getBoss(): Promise<PgBoss> {
  globalForBoss.boss ??= (async () => {
    const boss = new PgBoss({ connectionString: serverEnv().DATABASE_URL, schema: "pgboss", max: 4 });
    // One line, not the whole pg client dump (a dropped connection is routine and retried).
    boss.on("error", (error) => console.error(`[jobs] ${error.message}`));
    await boss.start();
    for (const name of Object.values(QUEUES)) {
      // "short" + a per-generation singletonKey: at most one *waiting* job per generation, so the
      // poll tick can re-enqueue freely. Not "stately": a job left active by a killed worker would
      // then block every fetch of the queue until it expires. Duplicates would be harmless anyway
      // (every step is a compare-and-set on the row), just wasteful.
      await retryOnDeadlock(() =>
        boss.createQueue(name, {
          name,
          policy: "short",
          retryLimit: 3,
          retryDelay: 2,
          retryBackoff: true,
          expireInSeconds: 300,
        }),
      );
    }
    return boss;
  })().catch((error) => {
    globalForBoss.boss = undefined;
    throw error;
  });
  return globalForBoss.boss;
}

export async function stopBoss() {
  const boss = globalForBoss.boss;
  globalForBoss.boss = undefined;
  if (boss) await (await boss).stop({ graceful: true, wait: true, timeout: 10_000 });
}

// Several workers starting at once against a new database each create the queues (pg-boss makes
// a partition table per queue); Postgres then aborts all but one with a deadlock. The survivor's
// queue exists on retry, so retrying is enough.
async function retryOnDeadlock(create: () => Promise<void>) {
  for (let attempt = 1; ; attempt++) {
    try {
      return await create();
    } catch (error) {
      if ((error as { code?: string }).code !== "40P01" || attempt >= 5) throw error;
      await new Promise((resolve) => setTimeout(resolve, 50 * attempt + Math.random() * 100));
    }
  }
}
