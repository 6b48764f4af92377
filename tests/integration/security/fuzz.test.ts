import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { GET as authGet, POST as authPost } from "../../../app/api/auth/[...all]/route";
import { GET as galleryRoute } from "../../../app/api/gallery/route";
import { GET as generationsRoute } from "../../../app/api/generations/route";
import { GET as meRoute } from "../../../app/api/me/route";
import { GET as mediaRoute } from "../../../app/api/media/[assetId]/route";
import { GET as commentsRoute } from "../../../app/api/videos/[id]/comments/route";
import { GET as posterRoute } from "../../../app/s/[token]/poster/route";
import { GET as shareVideoRoute } from "../../../app/s/[token]/video/route";
import { setupSchema, signInSchema, signUpWithInviteSchema } from "../../../lib/auth/auth.validation";
import { getAuth } from "../../../lib/auth/instance";
import { ROLES } from "../../../lib/auth/permissions";
import { UserError } from "../../../lib/errors";
import { submitGeneration } from "../../../lib/generations/submit";
import { addComment, rateVideo, setReviewState } from "../../../lib/review/review";
import {
  addCommentSchema,
  rateVideoSchema,
  setReviewStateSchema,
} from "../../../lib/review/review.validation";
import { urlProblem } from "../../../lib/security/request-guard";
import { createShareLink, revokeShareLink } from "../../../lib/share/share";
import { createShareLinkSchema, revokeShareLinkSchema } from "../../../lib/share/share.validation";
import { revokeInvitation } from "../../../lib/teams/invitations";
import { changeMemberRole, removeMember } from "../../../lib/teams/members";
import { switchTeam } from "../../../lib/teams/teams";
import {
  changeRoleSchema,
  createTeamSchema,
  inviteSchema,
  teamNameSchema,
  teamSettingsSchema,
} from "../../../lib/teams/teams.validation";
import { createTemplate, recordTemplateUse, updateTemplate } from "../../../lib/templates/templates";
import { braceProblem, templateInputSchema } from "../../../lib/templates/templates.validation";
import { teamWith } from "../helpers/accounts";
import { appDatabaseForThisFile } from "../helpers/database";

// Note: bounded runs (seeded, so a failure reproduces) keep this suite to seconds on two cores.
const RUNS = { numRuns: 60, seed: 1414 };

appDatabaseForThisFile();
let fixture: Awaited<ReturnType<typeof teamWith>>;

beforeAll(async () => {
  fixture = await teamWith(getAuth(), "Fuzz team", ["admin", "creator", "reviewer", "viewer"]);
});

/** Strings an attacker would try: NUL, lone surrogates, huge, JSON-ish, plus arbitrary code units. */
const hostileString = fc.oneof(
  fc.string({ unit: "binary", maxLength: 40 }),
  fc.constantFrom(
    "\u0000",
    "a\u0000b",
    "\uD800",
    "x\uDFFF",
    "../../etc",
    "%00",
    "'; DROP TABLE x;--",
    "[]",
    "{}",
  ),
  fc.string({ minLength: 3000, maxLength: 6000 }),
);
/** Anything JSON can carry where a scalar is expected: arrays, objects, numbers, null. */
const hostileValue = fc.oneof(
  hostileString,
  fc.array(hostileString, { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 5 }), hostileString, { maxKeys: 2 }),
  fc.double(),
  fc.integer(),
  fc.constant(null),
  fc.constant(undefined),
  fc.boolean(),
);

const QUERY_KEYS = [
  "q",
  "review",
  "model",
  "author",
  "from",
  "to",
  "minRating",
  "sort",
  "cursor",
  "ids",
  "active",
  "download",
];

const queryArb = fc.array(
  fc.tuple(fc.oneof(fc.constantFrom(...QUERY_KEYS), fc.string({ maxLength: 8 })), hostileString),
  { maxLength: 4 },
);

function urlWith(path: string, query: Array<[string, string]>) {
  const url = new URL(path, "http://studio.test");
  for (const [key, value] of query) url.searchParams.append(key, value);
  return url;
}

type Handler = (request: Request, route: { params: Promise<Record<string, string>> }) => Promise<Response>;

/**
 * One request the way the server meets it: the proxy's URL check first, then the handler. The
 * property: never a 5xx, and every 400 names its field.
 */
async function expectNamedOrFine(
  handler: Handler,
  url: URL,
  params: Record<string, string>,
  headers: Headers,
) {
  const problem = urlProblem(url);
  // A URL the proxy refuses never reaches the handler: the 400 itself must name the field.
  if (problem) {
    expect(problem.field.length).toBeGreaterThan(0);
    expect(problem.message.startsWith(problem.field)).toBe(true);
    return;
  }
  const response = await handler(new Request(url, { headers }), { params: Promise.resolve(params) });
  expect(response.status, `${url.pathname}${url.search}`).toBeLessThan(500);
  if (response.status === 400 && response.headers.get("content-type")?.includes("json")) {
    const body = await response.json();
    expect(typeof body.field, JSON.stringify(body)).toBe("string");
  }
}

describe("route handlers under fuzzed input: never a 500, a 400 always names the field", () => {
  const routes: Array<[string, Handler, (segment: string) => Record<string, string>]> = [
    ["/api/gallery", galleryRoute as Handler, () => ({})],
    ["/api/generations", generationsRoute as Handler, () => ({})],
    ["/api/me", meRoute as Handler, () => ({})],
    ["/api/media/", mediaRoute as Handler, (segment) => ({ assetId: segment })],
    ["/api/videos/", commentsRoute as Handler, (segment) => ({ id: segment })],
    ["/s/", shareVideoRoute as Handler, (segment) => ({ token: segment })],
    ["/s/", posterRoute as Handler, (segment) => ({ token: segment })],
  ];
  for (const [path, handler, paramsFor] of routes) {
    it(`${path}${handler === posterRoute ? " (poster)" : ""}`, async () => {
      await fc.assert(
        fc.asyncProperty(hostileString, queryArb, fc.boolean(), async (segment, query, signedIn) => {
          // A browser sends a lone surrogate as U+FFFD; Next hands the route the decoded segment.
          const encoded = encodeURIComponent(wellFormed(segment));
          const url = urlWith(`${path}${path.endsWith("/") ? encoded : ""}`, query);
          const headers = signedIn ? fixture.members.viewer.headers : new Headers();
          await expectNamedOrFine(handler, url, paramsFor(decodeURIComponent(encoded)), headers);
        }),
        RUNS,
      );
    });
  }

  it("/api/auth/* answers 404 to anything", async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ maxLength: 30 }), hostileString, async (path, body) => {
        const url = `http://studio.test/api/auth/${encodeURIComponent(path)}`;
        expect((await authGet(new Request(url))).status).toBe(404);
        const post = new Request(url, { method: "POST", body, headers: fixture.owner.headers });
        expect((await authPost(post)).status).toBe(404);
      }),
      { ...RUNS, numRuns: 30 },
    );
  });
});

describe("action inputs under fuzzed values: refused with a named field, never an unexpected error", () => {
  const schemas = {
    signIn: [signInSchema, ["email", "password"]],
    setup: [setupSchema, ["name", "email", "password", "teamName"]],
    signUpWithInvite: [signUpWithInviteSchema, ["name", "password"]],
    invite: [inviteSchema, ["email", "role"]],
    createTeam: [createTeamSchema, ["teamName"]],
    teamSettings: [teamSettingsSchema, ["name", "monthlyUnitBudget"]],
    changeRole: [changeRoleSchema, ["memberId", "role"]],
    addComment: [addCommentSchema, ["generationId", "body", "timecodeSeconds"]],
    rateVideo: [rateVideoSchema, ["generationId", "stars"]],
    setReviewState: [setReviewStateSchema, ["generationId", "state"]],
    createShareLink: [createShareLinkSchema, ["generationId", "expiry", "hidePrompt"]],
    revokeShareLink: [revokeShareLinkSchema, ["generationId", "linkId"]],
  } as const;
  for (const [name, [schema, fields]] of Object.entries(schemas)) {
    it(`${name} form`, () => {
      fc.assert(
        fc.property(fc.record(Object.fromEntries(fields.map((field) => [field, hostileValue]))), (input) => {
          const result = schema.safeParse(input);
          if (result.success) return;
          for (const issue of result.error.issues) {
            expect(fields as readonly string[]).toContain(String(issue.path[0]));
            expect(issue.message.length).toBeGreaterThan(0);
          }
        }),
        { ...RUNS, numRuns: 200 },
      );
    });
  }

  // Issue 15: template texts made of braces, name-ish pieces and Object property names, so that
  // "{1x}", an unclosed "{" and "{constructor}" all come up.
  const templateText = fc.oneof(
    fc.string({
      unit: fc.constantFrom("{", "}", "a", "Z", "1", "_", " ", "-", "constructor", "__proto__", "toString"),
      maxLength: 24,
    }),
    hostileValue,
  );
  const templateDefaults = fc.oneof(
    hostileValue,
    fc.dictionary(fc.constantFrom("a", "Z", "constructor", "toString", "__proto__"), hostileValue, {
      maxKeys: 3,
    }),
  );

  it("template form", () => {
    fc.assert(
      fc.property(
        fc.record({
          name: hostileValue,
          prompt: templateText,
          negativePrompt: templateText,
          defaults: templateDefaults,
        }),
        (input) => {
          const result = templateInputSchema.safeParse(input);
          if (result.success) {
            // Whatever is accepted has only well-formed {variables}.
            expect(braceProblem("Prompt", result.data.prompt)).toBeNull();
            expect(braceProblem("Negative prompt", result.data.negativePrompt)).toBeNull();
            for (const value of Object.values(result.data.defaults)) expect(typeof value).toBe("string");
            return;
          }
          for (const issue of result.error.issues) {
            expect(["name", "prompt", "negativePrompt", "defaults"]).toContain(String(issue.path[0]));
            expect(issue.message.length).toBeGreaterThan(0);
          }
        },
      ),
      { ...RUNS, numRuns: 300 },
    );
  });

  it("team name", () => {
    fc.assert(
      fc.property(hostileValue, (value) => {
        const result = teamNameSchema.safeParse(value);
        if (!result.success) expect(result.error.issues[0].message).toMatch(/^Team name/);
      }),
      { ...RUNS, numRuns: 200 },
    );
  });

  const context = () => ({ teamId: fixture.team.id, userId: fixture.owner.user.id });
  const operations: Record<string, (value: unknown, other: unknown) => Promise<unknown>> = {
    submitGeneration: (value, other) =>
      submitGeneration({ ...context(), input: { prompt: value, model: other } as never, parentId: null }),
    submitGenerationParent: (value) =>
      submitGeneration({
        ...context(),
        input: { prompt: "a fox", model: "kling-v2-5-turbo", mode: "std", duration: 5, aspectRatio: "16:9" },
        // A falsy parent means "no parent" and would really queue a generation.
        parentId: (value || "\u0000") as string,
      }),
    addComment: (value, other) =>
      addComment({
        teamId: fixture.team.id,
        authorId: fixture.owner.user.id,
        generationId: other as string,
        input: { body: value, timecodeSeconds: 1 } as never,
      }),
    setReviewState: (value, other) =>
      setReviewState({
        teamId: fixture.team.id,
        actorId: fixture.owner.user.id,
        generationId: other as string,
        state: value as never,
      }),
    rateVideo: (value, other) =>
      rateVideo({ ...context(), generationId: other as string, stars: value as number }),
    createShareLink: (value, other) =>
      createShareLink({
        ...context(),
        generationId: other as string,
        expiry: value as never,
        hidePrompt: false,
      }),
    revokeShareLink: (value) => revokeShareLink({ ...context(), linkId: value as string }),
    revokeInvitation: (value) => revokeInvitation({ teamId: fixture.team.id, invitationId: value as string }),
    changeMemberRole: (value, other) =>
      changeMemberRole({
        teamId: fixture.team.id,
        actorRole: "owner",
        memberId: other as string,
        role: value as never,
      }),
    removeMember: (value) =>
      removeMember({ teamId: fixture.team.id, actorRole: "owner", memberId: value as string }),
    createTemplate: (value, other) =>
      createTemplate({
        ...context(),
        input: { name: "Fuzz template", prompt: value, negativePrompt: other, defaults: other } as never,
      }),
    updateTemplate: (value, other) =>
      updateTemplate({
        teamId: fixture.team.id,
        member: { userId: fixture.owner.user.id, role: "owner" },
        templateId: other as string,
        input: { name: "Fuzz template", prompt: value } as never,
      }),
    recordTemplateUse: (value) => recordTemplateUse({ teamId: fixture.team.id, templateId: value as string }),
    switchTeam: (value) =>
      switchTeam({ sessionId: "no-session", userId: fixture.owner.user.id, teamId: value as string }),
  };
  for (const [name, operation] of Object.entries(operations)) {
    it(name, async () => {
      await fc.assert(
        fc.asyncProperty(
          hostileValue,
          fc.oneof(hostileValue, fc.constantFrom(...ROLES)),
          async (value, other) => {
            try {
              await operation(value, other);
            } catch (error) {
              // Only user-facing refusals: a 4xx with a message (and a field for bad input).
              expect(error, String(error)).toBeInstanceOf(UserError);
              const refusal = error as UserError;
              expect(refusal.status).toBeLessThan(500);
              if (refusal.status === 400) expect(refusal.field, refusal.message).toBeTruthy();
            }
          },
        ),
        { ...RUNS, numRuns: 40 },
      );
    });
  }
});

function wellFormed(value: string) {
  return value.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, "\uFFFD");
}
