import { randomUUID } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "../../lib/db";
import { transition } from "../../lib/generations/lease";
import { GENERATION_STATUSES, IllegalTransitionError } from "../../lib/generations/lifecycle";
import { createTeam } from "../../lib/teams/teams";
import { appDatabaseForThisFile } from "./helpers/database";

const database = appDatabaseForThisFile();
let client: pg.Client;
let teamId: string;
let userId: string;

beforeAll(async () => {
  client = new pg.Client({ connectionString: database.url });
  await client.connect();
  userId = randomUUID();
  await db.user.create({ data: { id: userId, name: "Ada", email: "ada@lifecycle.test" } });
  teamId = (await createTeam({ userId, name: "Lifecycle" })).id;
});
afterAll(async () => {
  await client.end();
});

async function insertGeneration(status: string) {
  const id = randomUUID();
  await client.query(
    `INSERT INTO "generation" (id, "teamId", "authorId", status, request, prompt, model, mode, duration, "aspectRatio", "estimatedUnits", "updatedAt")
     VALUES ($1, $2, $3, $4, '{}', 'a fox', 'kling-v2-5-turbo', 'std', 5, '16:9', 1, now())`,
    [id, teamId, userId, status],
  );
  return id;
}

describe("the generation status column", () => {
  it("accepts every status of the lifecycle module, and the CHECK constraint lists exactly those", async () => {
    for (const status of GENERATION_STATUSES) await insertGeneration(status);
    const { rows } = await client.query<{ definition: string }>(
      `SELECT pg_get_constraintdef(oid) AS definition FROM pg_constraint WHERE conname = 'generation_status_check'`,
    );
    expect(rows).toHaveLength(1);
    const listed = [...rows[0].definition.matchAll(/'([^']+)'::text/g)].map((match) => match[1]);
    expect(listed.sort()).toEqual([...GENERATION_STATUSES].sort());
  });

  it("refuses a status the lifecycle does not know", async () => {
    await expect(insertGeneration("finished")).rejects.toThrow(/generation_status_check/);
    const id = await insertGeneration("queued");
    await expect(client.query(`UPDATE "generation" SET status = 'done' WHERE id = $1`, [id])).rejects.toThrow(
      /generation_status_check/,
    );
  });
});

describe("transition() against the database", () => {
  it("moves a row along an allowed edge, once", async () => {
    const id = await insertGeneration("processing");
    expect(await transition(id, ["processing"], { status: "timed_out", errorMessage: "late" })).toBe(true);
    expect(await transition(id, ["processing"], { status: "timed_out" })).toBe(false);
    const row = await db.generation.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ status: "timed_out", errorMessage: "late", leaseOwner: null });
  });

  it("refuses an edge the table does not have and leaves the row alone", async () => {
    const id = await insertGeneration("archived");
    // A status that arrived as a plain string gets past the types; the run-time check still holds.
    const target = "queued" as string as "archived";
    await expect(transition(id, ["archived"], { status: target })).rejects.toThrow(IllegalTransitionError);
    expect((await db.generation.findUniqueOrThrow({ where: { id } })).status).toBe("archived");
  });
});
