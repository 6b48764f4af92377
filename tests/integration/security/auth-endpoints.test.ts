import { toNextJsHandler } from "better-auth/next-js";
import { beforeAll, describe, expect, it } from "vitest";
import { GET, POST } from "../../../app/api/auth/[...all]/route";
import type { Auth } from "../../../lib/auth/auth";
import { getAuth } from "../../../lib/auth/instance";
import { db } from "../../../lib/db";
import { ALLOWED_AUTH_ENDPOINTS, AUTH_BASE_PATH } from "../../../lib/security/auth-endpoints";
import { teamWith } from "../helpers/accounts";
import { appDatabaseForThisFile } from "../helpers/database";

appDatabaseForThisFile();
let auth: Auth;
let fixture: Awaited<ReturnType<typeof teamWith>>;
let sessionToken: string;

beforeAll(async () => {
  auth = getAuth();
  fixture = await teamWith(auth, "Enumerated team", ["viewer"]);
  const session = await auth.api.getSession({ headers: fixture.owner.headers });
  sessionToken = session?.session.token ?? "";
});

/** Every endpoint the installed better-auth (with our plugins) routes, read from the instance. */
function installedEndpoints() {
  return Object.entries(
    auth.api as unknown as Record<string, { path?: string; options?: { method?: unknown } }>,
  )
    .filter(([, endpoint]) => typeof endpoint?.path === "string")
    .map(([name, endpoint]) => {
      const method = endpoint.options?.method;
      const methods = (Array.isArray(method) ? method : [method]).filter(
        (m): m is string => m === "GET" || m === "POST",
      );
      return { name, path: endpoint.path as string, methods: methods.length ? methods : ["GET", "POST"] };
    });
}

function requestFor(method: string, path: string) {
  const concrete = path.replace(/:[a-zA-Z]+/g, fixture.team.id);
  const url = `http://studio.test${AUTH_BASE_PATH}${concrete}?organizationId=${fixture.team.id}`;
  const headers = new Headers(fixture.owner.headers);
  headers.set("origin", "http://studio.test");
  if (method === "GET") return new Request(url, { headers });
  headers.set("content-type", "application/json");
  const body = {
    organizationId: fixture.team.id,
    memberIdOrEmail: fixture.members.viewer.user.email,
    memberId: fixture.members.viewer.memberId,
    role: "owner",
    name: "V".repeat(200),
    slug: "enumerated-team",
    email: "new@enumerated.test",
    data: { name: "B" },
    token: sessionToken,
    newPassword: "aaaaaaaaaa",
    currentPassword: "correct horse 42",
  };
  return new Request(url, { method, headers, body: JSON.stringify(body) });
}

describe("better-auth over HTTP", () => {
  it("finds the endpoints it is meant to close (the enumeration is not empty)", () => {
    const paths = installedEndpoints().map((endpoint) => endpoint.path);
    expect(paths.length).toBeGreaterThan(40);
    expect(paths).toEqual(expect.arrayContaining(["/organization/create", "/list-sessions", "/get-session"]));
  });

  it("without the allow-list, get-session would hand out the session token (control)", async () => {
    const response = await toNextJsHandler(auth).GET(requestFor("GET", "/get-session"));
    expect(response.status).toBe(200);
    expect(await response.text()).toContain(sessionToken);
  });

  it("answers 404 to every endpoint not on the allow-list, and no answer carries a session token", async () => {
    const before = await snapshot();
    const answers: string[] = [];
    for (const endpoint of installedEndpoints()) {
      for (const method of endpoint.methods) {
        const handler = method === "GET" ? GET : POST;
        const response = await handler(requestFor(method, endpoint.path));
        const text = await response.text();
        expect(text).not.toContain(sessionToken);
        expect(response.headers.getSetCookie().join(";")).not.toContain(sessionToken);
        const allowed = ALLOWED_AUTH_ENDPOINTS.has(`${method} ${endpoint.path}`);
        if (!allowed)
          expect([`${method} ${endpoint.path}`, response.status]).toEqual([
            `${method} ${endpoint.path}`,
            404,
          ]);
        answers.push(`${method} ${endpoint.path} ${response.status}`);
      }
    }
    expect(answers.length).toBeGreaterThan(50);
    expect(await snapshot()).toEqual(before);
  });

  it("404s path variants too (trailing slash, double slash, encoded)", async () => {
    for (const path of [
      "/get-session/",
      "//get-session",
      "/%67et-session",
      "/GET-SESSION",
      "/organization/../get-session",
    ]) {
      const response = await GET(
        new Request(`http://studio.test${AUTH_BASE_PATH}${path}`, { headers: fixture.owner.headers }),
      );
      expect([path, response.status]).toEqual([path, 404]);
    }
  });
});

async function snapshot() {
  return {
    teams: await db.organization.findMany({
      select: { id: true, name: true, slug: true },
      orderBy: { id: "asc" },
    }),
    members: await db.member.findMany({
      select: { id: true, role: true, organizationId: true },
      orderBy: { id: "asc" },
    }),
    invitations: await db.invitation.count(),
    users: await db.user.findMany({ select: { id: true, name: true }, orderBy: { id: "asc" } }),
    passwords: await db.account.findMany({ select: { password: true }, orderBy: { id: "asc" } }),
  };
}
