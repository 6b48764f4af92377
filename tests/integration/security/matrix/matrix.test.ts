import { mkdtemp } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as authRoute } from "../../../../app/api/auth/[...all]/route";
import { GET as galleryRoute } from "../../../../app/api/gallery/route";
import { GET as generationsRoute } from "../../../../app/api/generations/route";
import { GET as healthRoute } from "../../../../app/api/health/route";
import { GET as meRoute } from "../../../../app/api/me/route";
import { GET as mediaRoute } from "../../../../app/api/media/[assetId]/route";
import { GET as commentsRoute } from "../../../../app/api/videos/[id]/comments/route";
import { GET as shareVideoRoute } from "../../../../app/s/[token]/video/route";
import type { Auth } from "../../../../lib/auth/auth";
import { getAuth } from "../../../../lib/auth/instance";
import { type Permission, ROLES, type Role } from "../../../../lib/auth/permissions";
import { resolveTeamContext, type TeamContext } from "../../../../lib/auth/session";
import { db } from "../../../../lib/db";
import { resetServerEnv } from "../../../../lib/env";
import { UserError } from "../../../../lib/errors";
import { submitGeneration } from "../../../../lib/generations/submit";
import { stopBoss } from "../../../../lib/jobs/boss";
import { addComment, rateVideo, setReviewState } from "../../../../lib/review/review";
import { createShareLink, revokeShareLink } from "../../../../lib/share/share";
import { resetStorage } from "../../../../lib/storage";
import { createInvitation, revokeInvitation } from "../../../../lib/teams/invitations";
import { changeMemberRole, removeMember } from "../../../../lib/teams/members";
import { updateTeamSettings } from "../../../../lib/teams/teams";
import { appDatabaseForThisFile } from "../../helpers/database";
import { seedBatches } from "./batch-fixtures";
import { BATCH_ACTS_ON_OWN_TEAM, batchOperations } from "./batch-operations";
import { freshInvitation, freshLink, freshMember, seedVideo, teamOfFive } from "./fixtures";

// The adversarial matrix: two teams with all five roles, plus a signed-out caller. Every route
// handler is called with the caller's real session cookie; every team-scoped action runs the
// wrapper's own check (resolveTeamContext with the team the page was rendered for) and then the
// business function with the other team's or a lower role's ids. Expected results are written
// out here from the README's table, not read from lib/auth/permissions.ts.

appDatabaseForThisFile();
let auth: Auth;
let dataDir: string;
let A: Awaited<ReturnType<typeof teamOfFive>>;
let B: Awaited<ReturnType<typeof teamOfFive>>;
let video: Awaited<ReturnType<typeof seedVideo>>;
let batches: Awaited<ReturnType<typeof seedBatches>>;

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), "kling-matrix-"));
  process.env.DATA_DIR = dataDir;
  resetServerEnv();
  resetStorage();
  auth = getAuth();
  A = await teamOfFive(auth, "Alpha");
  B = await teamOfFive(auth, "Bravo");
  video = await seedVideo(A.teamId, A.members.owner.userId, dataDir);
  batches = await seedBatches(A.teamId, A.members.owner.userId, dataDir);
});
afterAll(async () => {
  await stopBoss();
});

type Column = {
  label: string;
  headers: Headers;
  userId: string;
  role: Role | null;
  renderedTeamId: string | null;
  home: "A" | "B" | null;
};

function columns(): Column[] {
  const own = ROLES.map((role) => ({
    label: `A:${role}`,
    ...A.members[role],
    role,
    renderedTeamId: A.teamId,
    home: "A" as const,
  }));
  const other = ROLES.map((role) => ({
    label: `B:${role}`,
    ...B.members[role],
    role,
    renderedTeamId: B.teamId,
    home: "B" as const,
  }));
  // A member of B who forges A's id as "the team this page was rendered for".
  const forged = {
    label: "B→A",
    ...B.members.owner,
    role: "owner" as Role,
    renderedTeamId: A.teamId,
    home: "B" as const,
  };
  const anonymous = {
    label: "anon",
    headers: new Headers(),
    userId: "",
    role: null,
    renderedTeamId: A.teamId,
    home: null,
  };
  return [anonymous, ...own, ...other, forged];
}

const ALL: Role[] = [...ROLES];
const REVIEWERS: Role[] = ["owner", "admin", "creator", "reviewer"];
const MAKERS: Role[] = ["owner", "admin", "creator"];
const MANAGERS: Role[] = ["owner", "admin"];

type Cell = string; // "200", "401", "403", "404", "200∅" (answered, but nothing of team A in it)
type Operation = {
  name: string;
  /** Roles of team A allowed; B's members and anon never are (except public share media). */
  allowed: Role[];
  public?: boolean;
  run: (column: Column) => Promise<Cell>;
};

const route = <P extends Record<string, string>>(params = {} as P) => ({ params: Promise.resolve(params) });

async function answer(response: Response, secret?: string): Promise<Cell> {
  if (response.status === 200 && secret && !(await response.clone().text()).includes(secret)) return "200∅";
  return String(response.status);
}

/** A team action as teamAction runs it: the wrapper's check, then the business function. */
function action(
  permission: Permission | null,
  work: (context: TeamContext, column: Column) => Promise<unknown>,
) {
  return async (column: Column): Promise<Cell> => {
    try {
      const context = await resolveTeamContext(
        column.headers,
        permission ?? undefined,
        column.renderedTeamId ?? undefined,
      );
      await work(context, column);
      // An allow in the caller's own other team (B acting on B) is not an allow on A's things.
      return context.team.id === A.teamId ? "200" : "200(own)";
    } catch (error) {
      if (error instanceof UserError) return String(error.status);
      throw error;
    }
  };
}

const OPERATIONS: Operation[] = [
  {
    name: "GET /api/me",
    allowed: ALL,
    run: async (c) =>
      answer(await meRoute(new Request("http://s.test/api/me", { headers: c.headers }), route()), A.teamId),
  },
  {
    name: "GET /api/gallery",
    allowed: ALL,
    run: async (c) =>
      answer(
        await galleryRoute(new Request("http://s.test/api/gallery", { headers: c.headers }), route()),
        video.generationId,
      ),
  },
  {
    name: "GET /api/generations?ids=A's",
    allowed: ALL,
    run: async (c) =>
      answer(
        await generationsRoute(
          new Request(`http://s.test/api/generations?ids=${video.generationId}`, { headers: c.headers }),
          route(),
        ),
        video.generationId,
      ),
  },
  {
    name: "GET /api/media/A's asset",
    allowed: ALL,
    run: async (c) =>
      answer(
        await mediaRoute(
          new Request(`http://s.test/api/media/${video.assetId}`, { headers: c.headers }),
          route({ assetId: video.assetId }),
        ),
      ),
  },
  {
    name: "GET /api/videos/A's/comments",
    allowed: ALL,
    run: async (c) =>
      answer(
        await commentsRoute(
          new Request(`http://s.test/api/videos/${video.generationId}/comments`, { headers: c.headers }),
          route({ id: video.generationId }),
        ),
      ),
  },
  {
    name: "GET /s/:token/video (public)",
    allowed: ALL,
    public: true,
    run: async (c) =>
      answer(
        await shareVideoRoute(
          new Request(`http://s.test/s/${video.shareToken}/video`, { headers: c.headers }),
          route({ token: video.shareToken }),
        ),
      ),
  },
  {
    name: "GET /api/health details",
    allowed: MANAGERS,
    run: async (c) => {
      const body = await (
        await healthRoute(new Request("http://s.test/api/health", { headers: c.headers }))
      ).json();
      // Details are the "allow"; B's owner and admin get details about their own studio, never A's.
      return "db" in body ? (c.home === "A" ? "200" : "200(own)") : "200∅";
    },
  },
  {
    name: "GET /api/auth/get-session",
    allowed: [],
    run: async (c) =>
      answer(await authRoute(new Request("http://s.test/api/auth/get-session", { headers: c.headers }))),
  },
  {
    name: "submitGeneration",
    allowed: MAKERS,
    run: action("generation.create", (ctx) =>
      submitGeneration({
        teamId: ctx.team.id,
        userId: ctx.user.id,
        input: { prompt: "a fox", model: "kling-v2-5-turbo", mode: "std", duration: 5, aspectRatio: "16:9" },
        parentId: video.generationId,
      }),
    ),
  },
  {
    name: "setReviewState",
    allowed: REVIEWERS,
    run: action("review.set", (ctx) =>
      setReviewState({
        teamId: ctx.team.id,
        actorId: ctx.user.id,
        generationId: video.generationId,
        state: "approved",
      }),
    ),
  },
  {
    name: "rateVideo",
    allowed: REVIEWERS,
    run: action("review.set", (ctx) =>
      rateVideo({ teamId: ctx.team.id, userId: ctx.user.id, generationId: video.generationId, stars: 4 }),
    ),
  },
  {
    name: "addComment",
    allowed: ALL,
    run: action("comment.create", (ctx) =>
      addComment({
        teamId: ctx.team.id,
        authorId: ctx.user.id,
        generationId: video.generationId,
        input: { body: "hi", timecodeSeconds: 1 },
      }),
    ),
  },
  {
    name: "createShareLink",
    allowed: MAKERS,
    run: action("share.manage", (ctx) =>
      createShareLink({
        teamId: ctx.team.id,
        userId: ctx.user.id,
        generationId: video.generationId,
        expiry: "1d",
        hidePrompt: true,
      }),
    ),
  },
  {
    name: "revokeShareLink",
    allowed: MAKERS,
    run: action("share.manage", async (ctx) =>
      revokeShareLink({
        teamId: ctx.team.id,
        userId: ctx.user.id,
        linkId: await freshLink(A.teamId, video.generationId, A.members.owner.userId),
      }),
    ),
  },
  {
    name: "updateTeamSettings",
    allowed: MANAGERS,
    run: action("team.update", (ctx) =>
      updateTeamSettings({ teamId: ctx.team.id, name: "Alpha", monthlyUnitBudget: null }),
    ),
  },
  {
    name: "createInvitation",
    allowed: MANAGERS,
    run: action("member.manage", (ctx) =>
      createInvitation({
        teamId: ctx.team.id,
        inviterId: ctx.user.id,
        actorRole: ctx.member.role,
        email: `${crypto.randomUUID()}@new.test`,
        role: "viewer",
      }),
    ),
  },
  {
    name: "revokeInvitation",
    allowed: MANAGERS,
    run: action("member.manage", async (ctx) =>
      revokeInvitation({
        teamId: ctx.team.id,
        invitationId: await freshInvitation(A.teamId, A.members.owner.userId),
      }),
    ),
  },
  {
    name: "changeMemberRole →creator",
    allowed: MANAGERS,
    run: action("member.manage", async (ctx) =>
      changeMemberRole({
        teamId: ctx.team.id,
        actorRole: ctx.member.role,
        memberId: await freshMember(auth, A.teamId),
        role: "creator",
      }),
    ),
  },
  {
    name: "changeMemberRole →owner",
    allowed: ["owner"],
    run: action("member.manage", async (ctx) =>
      changeMemberRole({
        teamId: ctx.team.id,
        actorRole: ctx.member.role,
        memberId: await freshMember(auth, A.teamId),
        role: "owner",
      }),
    ),
  },
  {
    name: "removeMember",
    allowed: MANAGERS,
    run: action("member.manage", async (ctx) =>
      removeMember({
        teamId: ctx.team.id,
        actorRole: ctx.member.role,
        memberId: await freshMember(auth, A.teamId),
      }),
    ),
  },
  ...batchOperations({
    action,
    answer,
    route,
    state: () => ({
      teamId: A.teamId,
      ownerId: A.members.owner.userId,
      videoId: video.generationId,
      seeds: batches,
    }),
  }),
];

/** Actions that take no id of team A: a member of B rendered for B acts on B. */
const ACTS_ON_OWN_TEAM = ["updateTeamSettings", "createInvitation", ...BATCH_ACTS_ON_OWN_TEAM];

/** What a refusal must look like, and whether a cell is an (unexpected) allow. */
function expected(operation: Operation, column: Column): string[] {
  if (operation.public) return ["200"];
  if (operation.name === "GET /api/auth/get-session") return ["404"];
  if (column.home === null) return operation.name === "GET /api/health details" ? ["200∅"] : ["401"];
  if (operation.name === "GET /api/health details") {
    const manager = column.role && MANAGERS.includes(column.role);
    return [manager ? (column.home === "A" ? "200" : "200(own)") : "200∅"];
  }
  if (column.home === "A") return operation.allowed.includes(column.role as Role) ? ["200"] : ["403"];
  // Team B: another team's things are not found; a forged rendered team or a missing role is refused.
  if (operation.name.startsWith("GET ")) return ["200∅", "404"];
  if (column.label === "B→A") return ["403"];
  if (ACTS_ON_OWN_TEAM.includes(operation.name))
    return operation.allowed.includes(column.role as Role) ? ["200(own)"] : ["403"];
  return ["403", "404"];
}

describe("adversarial matrix: two teams × five roles × every route and action", () => {
  it("has 0 unexpected allows and every refusal reveals nothing", async () => {
    const cols = columns();
    const rows: string[][] = [];
    const problems: string[] = [];
    let unexpectedAllows = 0;
    for (const operation of OPERATIONS) {
      const row = [operation.name];
      for (const column of cols) {
        const cell = await operation.run(column);
        const wanted = expected(operation, column);
        const ok = wanted.includes(cell);
        if (!ok && cell === "200") unexpectedAllows++;
        if (!ok)
          problems.push(`${operation.name} as ${column.label}: got ${cell}, expected ${wanted.join(" or ")}`);
        // A member of B reaching A's ids must get 404 where B's role would allow the action.
        if (
          column.label.startsWith("B:") &&
          !operation.name.startsWith("GET ") &&
          operation.allowed.includes(column.role as Role) &&
          !ACTS_ON_OWN_TEAM.includes(operation.name)
        ) {
          if (cell !== "404")
            problems.push(`${operation.name} as ${column.label}: another team's id must be 404, got ${cell}`);
        }
        row.push(ok ? cell : `${cell}!`);
      }
      rows.push(row);
    }
    printMatrix(["operation", ...cols.map((column) => column.label)], rows, unexpectedAllows);
    expect(problems).toEqual([]);
    expect(unexpectedAllows).toBe(0);
    // Team A's state shows only its own members' doing: B changed nothing of A.
    expect(
      await db.comment.count({
        where: { generationId: video.generationId, author: { email: { endsWith: "@bravo.test" } } },
      }),
    ).toBe(0);
  });
});

function printMatrix(header: string[], rows: string[][], unexpectedAllows: number) {
  const widths = header.map((_, index) => Math.max(...[header, ...rows].map((row) => row[index].length)));
  const line = (row: string[]) => row.map((cell, index) => cell.padEnd(widths[index])).join(" | ");
  const cells = rows.length * (header.length - 1);
  console.log(
    [
      line(header),
      widths.map((width) => "-".repeat(width)).join("-|-"),
      ...rows.map(line),
      `${rows.length} operations × ${header.length - 1} callers = ${cells} cells; unexpected allows: ${unexpectedAllows}`,
    ].join("\n"),
  );
}
