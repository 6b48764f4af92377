import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { startEmbeddedPostgres } from "../../lib/database/embedded";

declare module "vitest" {
  export interface ProvidedContext {
    /** Admin URL of the throwaway PostgreSQL server; each test file creates its own database on it. */
    postgresAdminUrl: string;
  }
}

// One throwaway PostgreSQL server for the whole run (TEST_DATABASE_URL to use an existing one).
export default async function setup(project: TestProject) {
  if (process.env.TEST_DATABASE_URL) {
    project.provide("postgresAdminUrl", process.env.TEST_DATABASE_URL);
    return;
  }
  const dataDir = await mkdtemp(path.join(os.tmpdir(), "kling-studio-test-db-"));
  const postgres = await startEmbeddedPostgres({ dataDir });
  project.provide("postgresAdminUrl", postgres.url);
  return async () => {
    await postgres.stop();
    await rm(dataDir, { recursive: true, force: true });
  };
}
