import { beforeAll, describe, expect, it } from "vitest";
import { GET as gallery } from "../../../app/api/gallery/route";
import { personNameSchema } from "../../../lib/auth/auth.validation";
import { getAuth } from "../../../lib/auth/instance";
import { commentSchema } from "../../../lib/review/review.validation";
import { teamNameSchema } from "../../../lib/teams/teams.validation";
import { emailSchema } from "../../../lib/validation";
import { teamWith } from "../helpers/accounts";
import { appDatabaseForThisFile } from "../helpers/database";

appDatabaseForThisFile();
let fixture: Awaited<ReturnType<typeof teamWith>>;

beforeAll(async () => {
  fixture = await teamWith(getAuth(), "Input team");
});

const route = { params: Promise.resolve({}) };
const cursorOf = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");

describe("garbage gallery cursors: 400 naming the cursor, never a 500", () => {
  it.each([
    ["not base64 json", "%%%"],
    ["a rating that is not a number", cursorOf({ r: "x", c: "2026-01-01T00:00:00.000Z", i: "abc" })],
    ["a NUL in the id", cursorOf({ c: "2026-01-01T00:00:00.000Z", i: "a\u0000b" })],
    ["an id that is an array", cursorOf({ c: "2026-01-01T00:00:00.000Z", i: ["a"] })],
    ["a date that is not a date", cursorOf({ c: "yesterday", i: "abc" })],
    ["null", cursorOf(null)],
  ])("%s", async (_name, cursor) => {
    for (const sort of ["newest", "oldest", "rating"]) {
      const url = `http://studio.test/api/gallery?sort=${sort}&cursor=${encodeURIComponent(cursor)}`;
      const response = await gallery(new Request(url, { headers: fixture.owner.headers }), route);
      expect(response.status).toBe(400);
      expect(await response.json()).toEqual({
        error: expect.stringContaining("cursor: not a cursor this gallery handed out"),
        field: "cursor",
      });
    }
  });
});

describe("text that cannot be stored is refused by name", () => {
  it.each([
    ["Team name", teamNameSchema, "Team\u0000A"],
    ["Name", personNameSchema, "Ada\u0000"],
    ["Email", emailSchema, "a\u0000@b.test"],
  ])("%s", (label, schema, value) => {
    const result = schema.safeParse(value);
    expect(result.error?.issues[0].message).toBe(`${label} must not contain NUL characters`);
  });

  it("a comment with a lone surrogate, and a 100 kB invitation email", () => {
    const comment = commentSchema.safeParse({ body: "nice \uD83D cut" });
    expect(comment.error?.issues[0]).toMatchObject({
      path: ["body"],
      message: "Comment must be valid Unicode (it holds a lone surrogate)",
    });
    const email = emailSchema.safeParse(`${"a".repeat(100_000)}@example.test`);
    expect(email.error?.issues[0].message).toBe("Email must be at most 254 characters");
  });
});
