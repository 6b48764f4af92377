import { cp, mkdtemp, readFile, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterEach, describe, expect, it } from "vitest";
import { DEFAULT_MIGRATIONS_DIR, migrate, readMigrations } from "../../lib/database/migrate";
import { createTestDatabase, type TestDatabase } from "./helpers/database";

let database: TestDatabase | undefined;
afterEach(async () => {
  await database?.drop();
  database = undefined;
});

async function query<T extends pg.QueryResultRow>(url: string, sql: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
}

async function copyOfMigrations() {
  const dir = await mkdtemp(path.join(os.tmpdir(), "kling-studio-migrations-"));
  await cp(DEFAULT_MIGRATIONS_DIR, dir, { recursive: true });
  return dir;
}

describe("migrator", () => {
  it("applies every migration to an empty database and records them as Prisma does", async () => {
    database = await createTestDatabase();
    const files = await readMigrations(DEFAULT_MIGRATIONS_DIR);
    const result = await migrate({ databaseUrl: database.url });

    expect(result.applied).toEqual(files.map((file) => file.name));
    const rows = await query<{
      migration_name: string;
      checksum: string;
      finished_at: Date | null;
      applied_steps_count: number;
    }>(
      database.url,
      `SELECT migration_name, checksum, finished_at, applied_steps_count FROM "_prisma_migrations" ORDER BY migration_name`,
    );
    expect(rows.map((row) => row.migration_name)).toEqual(files.map((file) => file.name));
    for (const [index, row] of rows.entries()) {
      expect(row.checksum).toBe(files[index].checksum);
      expect(row.checksum).toMatch(/^[0-9a-f]{64}$/);
      expect(row.finished_at).toBeInstanceOf(Date);
      expect(row.applied_steps_count).toBe(1);
    }
    const tables = await query<{ table_name: string }>(
      database.url,
      `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'`,
    );
    expect(tables.map((table) => table.table_name)).toContain("AppSetting");
  });

  it("is a no-op when run again", async () => {
    database = await createTestDatabase();
    await migrate({ databaseUrl: database.url });
    const second = await migrate({ databaseUrl: database.url });
    expect(second.applied).toEqual([]);
    const [{ count }] = await query<{ count: string }>(
      database.url,
      `SELECT count(*) FROM "_prisma_migrations"`,
    );
    expect(Number(count)).toBe(second.alreadyApplied);
  });

  it("applies each migration once when two migrators race", async () => {
    database = await createTestDatabase();
    const url = database.url;
    const results = await Promise.all([migrate({ databaseUrl: url }), migrate({ databaseUrl: url })]);
    const files = await readMigrations(DEFAULT_MIGRATIONS_DIR);
    expect(results.map((result) => result.applied.length).sort()).toEqual([0, files.length]);
    const rows = await query<{ migration_name: string }>(
      url,
      `SELECT migration_name FROM "_prisma_migrations"`,
    );
    expect(rows).toHaveLength(files.length);
  });

  it("refuses to start when an applied migration's file has changed", async () => {
    database = await createTestDatabase();
    const dir = await copyOfMigrations();
    await migrate({ databaseUrl: database.url, migrationsDir: dir });
    const [first] = await readMigrations(dir);
    const file = path.join(dir, first.name, "migration.sql");
    await writeFile(file, `${await readFile(file, "utf8")}\n-- edited after the fact\n`);

    await expect(migrate({ databaseUrl: database.url, migrationsDir: dir })).rejects.toThrow(
      new RegExp(`Migration ${first.name} was changed after it was applied`),
    );
  });

  it("rolls back a failing migration entirely and names it", async () => {
    database = await createTestDatabase();
    const dir = await copyOfMigrations();
    const broken = path.join(dir, "29991231000000_broken");
    await cp(path.join(dir, (await readMigrations(dir))[0].name), broken, { recursive: true });
    await writeFile(
      path.join(broken, "migration.sql"),
      `CREATE TABLE "Half" (id int);\nSELECT * FROM no_such_table;`,
    );

    await expect(migrate({ databaseUrl: database.url, migrationsDir: dir })).rejects.toThrow(
      /Migration 29991231000000_broken failed and was rolled back: relation "no_such_table" does not exist/,
    );
    const half = await query(
      database.url,
      `SELECT 1 FROM information_schema.tables WHERE table_name = 'Half'`,
    );
    expect(half).toHaveLength(0);
    const recorded = await query(
      database.url,
      `SELECT 1 FROM "_prisma_migrations" WHERE migration_name = '29991231000000_broken'`,
    );
    expect(recorded).toHaveLength(0);
  });
});
