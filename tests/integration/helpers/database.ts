import { randomBytes } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, inject } from "vitest";
import { migrate } from "../../../lib/database/migrate";

export interface TestDatabase {
  url: string;
  name: string;
  drop(): Promise<void>;
}

/** A fresh, empty database on the test server; `migrated: true` applies every migration first. */
export async function createTestDatabase(options: { migrated?: boolean } = {}): Promise<TestDatabase> {
  const adminUrl = inject("postgresAdminUrl");
  const name = `test_${randomBytes(6).toString("hex")}`;
  await withAdmin(adminUrl, (client) => client.query(`CREATE DATABASE ${name}`));
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  if (options.migrated) await migrate({ databaseUrl: url.toString() });
  return {
    url: url.toString(),
    name,
    drop: () =>
      withAdmin(adminUrl, (client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).then(
        () => {},
      ),
  };
}

async function withAdmin<T>(adminUrl: string, run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

/**
 * Points the app's own modules (lib/db, lib/auth) at a fresh migrated database for this test file.
 * Call in beforeAll; the returned function drops the database.
 */
export async function useAppDatabase(): Promise<TestDatabase> {
  const database = await createTestDatabase({ migrated: true });
  process.env.DATABASE_URL = database.url;
  process.env.BETTER_AUTH_SECRET ??= "integration-test-secret-0123456789abcdef";
  // Module-level singletons live on globalThis and may survive from another test file.
  const cached = globalThis as unknown as { prisma?: { $disconnect(): Promise<void> }; auth?: unknown };
  await cached.prisma?.$disconnect();
  cached.prisma = undefined;
  cached.auth = undefined;
  return database;
}

/**
 * `useAppDatabase` for the whole test file: registers the beforeAll that creates it and the afterAll
 * that disconnects the app's client and drops it. Call at the top level before the file's own
 * hooks: its afterAll then runs last (hooks unwind as a stack), after workers and servers stopped.
 * The returned object is usable inside tests and hooks, not at import time.
 */
export function appDatabaseForThisFile(): TestDatabase {
  let database: TestDatabase | undefined;
  beforeAll(async () => {
    database = await useAppDatabase();
  });
  afterAll(async () => {
    const { db } = await import("../../../lib/db");
    await db.$disconnect();
    await database?.drop();
  });
  const current = () => {
    if (!database) throw new Error("the test database exists only inside tests and hooks");
    return database;
  };
  return {
    get url() {
      return current().url;
    },
    get name() {
      return current().name;
    },
    drop: () => current().drop(),
  };
}
