import { randomBytes } from "node:crypto";
import pg from "pg";
import { appConfig } from "../../lib/env";

/**
 * The installation's session-signing secret: BETTER_AUTH_SECRET when set, otherwise generated once
 * and kept in the database, so every instance sharing the database signs alike and restarts keep
 * everyone signed in. There is no default secret.
 */
export async function ensureAuthSecret(databaseUrl: string): Promise<string> {
  const configured = appConfig().BETTER_AUTH_SECRET;
  if (configured) return configured;
  const client = new pg.Client({ connectionString: databaseUrl });
  client.on("error", () => {}); // a dropped connection fails the query below; it must not crash the launcher
  await client.connect();
  try {
    await client.query(
      `INSERT INTO "AppSetting" (key, value) VALUES ('auth.secret', $1) ON CONFLICT (key) DO NOTHING`,
      [randomBytes(32).toString("base64url")],
    );
    const { rows } = await client.query<{ value: string }>(
      `SELECT value FROM "AppSetting" WHERE key = 'auth.secret'`,
    );
    return rows[0].value;
  } finally {
    await client.end();
  }
}
