import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getAuth } from "../../lib/auth/instance";
import { db } from "../../lib/db";
import { buildSubmitGenerationSchema } from "../../lib/generations/request";
import { newSubmissionKey } from "../../lib/generations/submission-key";
import { submitGeneration } from "../../lib/generations/submit";
import { stopBoss } from "../../lib/jobs/boss";
import { getCatalog } from "../../lib/kling/catalog";
import { teamWith } from "./helpers/accounts";
import { appDatabaseForThisFile } from "./helpers/database";
import { BASE_REQUEST } from "./helpers/pipeline";

// One Generate action, one generation: a double click or a retried POST carries the same key.
appDatabaseForThisFile();
beforeAll(async () => {});
afterAll(async () => {
  await stopBoss();
});

describe("idempotent submit", () => {
  it("the same key for the same team yields the same generation, even five at once", async () => {
    const { team, owner } = await teamWith(getAuth(), "Idempotent team");
    const idempotencyKey = newSubmissionKey();
    const submit = () =>
      submitGeneration({ teamId: team.id, userId: owner.user.id, input: BASE_REQUEST, idempotencyKey });
    const results = await Promise.all(Array.from({ length: 5 }, submit));
    expect(new Set(results.map((result) => result.id)).size).toBe(1);
    expect(results.filter((result) => !result.repeated)).toHaveLength(1);
    expect(await db.generation.count({ where: { teamId: team.id } })).toBe(1);

    // Another Generate action (a new key) is another generation; no key at all, too.
    await submitGeneration({
      teamId: team.id,
      userId: owner.user.id,
      input: BASE_REQUEST,
      idempotencyKey: newSubmissionKey(),
    });
    await submitGeneration({ teamId: team.id, userId: owner.user.id, input: BASE_REQUEST });
    expect(await db.generation.count({ where: { teamId: team.id } })).toBe(3);

    // Keys are per team: the same key elsewhere is that team's own generation.
    const other = await teamWith(getAuth(), "Other idempotent team");
    const theirs = await submitGeneration({
      teamId: other.team.id,
      userId: other.owner.user.id,
      input: BASE_REQUEST,
      idempotencyKey,
    });
    expect(theirs.id).not.toBe(results[0].id);
  });

  it("refuses a key that is not a UUID (400 from the action's schema, never a 500)", () => {
    const parsed = buildSubmitGenerationSchema(getCatalog()).safeParse({
      ...BASE_REQUEST,
      idempotencyKey: "x'; --",
    });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((issue) => issue.message)).toContain("The submission key must be a UUID");
  });
});
