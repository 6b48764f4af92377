import "server-only";
import { createHash, randomUUID } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import pg from "pg";

// Prisma's own advisory-lock key, so `prisma migrate deploy` (where its engine exists) and this
// migrator never run at the same time against one database.
const PRISMA_MIGRATE_LOCK_KEY = 72707369;

export const DEFAULT_MIGRATIONS_DIR = path.join(process.cwd(), "prisma", "migrations");

export class MigrationError extends Error {}

export interface MigrationFile {
  name: string;
  sql: string;
  checksum: string;
}

export interface MigrateResult {
  applied: string[];
  alreadyApplied: number;
}

/**
 * Applies pending hand-written migrations and records them in `_prisma_migrations` exactly as
 * Prisma does (same columns, sha256 checksum), one transaction per migration, under an advisory
 * lock so racing instances apply each migration once.
 */
export async function migrate(options: {
  databaseUrl: string;
  migrationsDir?: string;
  log?: (line: string) => void;
}): Promise<MigrateResult> {
  const migrations = await readMigrations(options.migrationsDir ?? DEFAULT_MIGRATIONS_DIR);
  const client = new pg.Client({ connectionString: options.databaseUrl });
  // Note: a dropped connection fails the running query; without a listener it would also crash the
  // process (an unhandled "error" event) before the launcher could stop the database.
  client.on("error", () => {});
  await client.connect();
  try {
    await client.query("SELECT pg_advisory_lock($1)", [PRISMA_MIGRATE_LOCK_KEY]);
    try {
      await client.query(CREATE_MIGRATIONS_TABLE);
      const applied = await readAppliedMigrations(client);
      checkHistory(migrations, applied);
      const pending = migrations.filter((migration) => !applied.has(migration.name));
      for (const migration of pending) {
        options.log?.(`Applying migration ${migration.name}`);
        await applyMigration(client, migration);
      }
      return { applied: pending.map((migration) => migration.name), alreadyApplied: applied.size };
    } finally {
      await client.query("SELECT pg_advisory_unlock($1)", [PRISMA_MIGRATE_LOCK_KEY]);
    }
  } finally {
    await client.end();
  }
}

export async function readMigrations(migrationsDir: string): Promise<MigrationFile[]> {
  const entries = await readdir(migrationsDir, { withFileTypes: true });
  const names = entries
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
  return Promise.all(
    names.map(async (name) => {
      const sql = await readFile(path.join(migrationsDir, name, "migration.sql"), "utf8");
      return { name, sql, checksum: createHash("sha256").update(sql).digest("hex") };
    }),
  );
}

interface AppliedMigration {
  checksum: string;
  finishedAt: Date | null;
}

async function readAppliedMigrations(client: pg.Client): Promise<Map<string, AppliedMigration>> {
  const { rows } = await client.query<{ migration_name: string; checksum: string; finished_at: Date | null }>(
    `SELECT migration_name, checksum, finished_at FROM "_prisma_migrations"
     WHERE rolled_back_at IS NULL ORDER BY started_at`,
  );
  return new Map(
    rows.map((row) => [row.migration_name, { checksum: row.checksum, finishedAt: row.finished_at }]),
  );
}

function checkHistory(migrations: MigrationFile[], applied: Map<string, AppliedMigration>) {
  const byName = new Map(migrations.map((migration) => [migration.name, migration]));
  for (const [name, record] of applied) {
    if (!record.finishedAt) {
      throw new MigrationError(
        `Migration ${name} started but never finished. Inspect the database, then mark it rolled back in _prisma_migrations.`,
      );
    }
    const file = byName.get(name);
    if (file && file.checksum !== record.checksum) {
      throw new MigrationError(
        `Migration ${name} was changed after it was applied (checksum in database ${record.checksum.slice(0, 12)}…, ` +
          `file ${file.checksum.slice(0, 12)}…). Restore prisma/migrations/${name}/migration.sql and put the change in a new migration.`,
      );
    }
  }
}

async function applyMigration(client: pg.Client, migration: MigrationFile) {
  const id = randomUUID();
  await client.query("BEGIN");
  try {
    await client.query(
      `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at) VALUES ($1, $2, $3, now())`,
      [id, migration.checksum, migration.name],
    );
    await client.query(migration.sql);
    await client.query(
      `UPDATE "_prisma_migrations" SET finished_at = now(), applied_steps_count = 1 WHERE id = $1`,
      [id],
    );
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK");
    const reason = error instanceof Error ? error.message : String(error);
    throw new MigrationError(`Migration ${migration.name} failed and was rolled back: ${reason}`);
  }
}

// Prisma's own definition of its history table.
const CREATE_MIGRATIONS_TABLE = `
CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum"              VARCHAR(64) NOT NULL,
    "finished_at"           TIMESTAMPTZ,
    "migration_name"        VARCHAR(255) NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        TIMESTAMPTZ,
    "started_at"            TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count"   INTEGER NOT NULL DEFAULT 0
)`;
