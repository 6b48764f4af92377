import { randomUUID } from "node:crypto";
import { type APIRequestContext, expect, request as playwrightRequest } from "@playwright/test";
import type { Role } from "../../../lib/auth/permissions";
import { callAction } from "./actions";

// Joining a team the way the invite page does it, over HTTP: an admin's createInvitation on
// Settings, then the newcomer's signUpWithInvite on /invite/:id (which signs them in). Quicker than
// the browser flow (http/members.ts) for the matrix's throwaway members.

export interface Joined {
  email: string;
  request: APIRequestContext;
}

export async function inviteOverHttp(
  inviter: APIRequestContext,
  baseURL: string,
  invite: { teamId: string; email: string; role: Role },
) {
  const answer = await callAction(inviter, baseURL, {
    page: "/settings",
    action: "createInvitationAction",
    form: invite,
  });
  expect(answer.result?.ok, answer.body).toBe(true);
  return String((answer.result as { data?: { path?: string } }).data?.path)
    .split("/")
    .pop() as string;
}

export async function joinOverHttp(
  inviter: APIRequestContext,
  baseURL: string,
  options: { teamId: string; role: Role; tag: string },
): Promise<Joined> {
  const email = `${options.tag}-${randomUUID().slice(0, 8)}@matrix.test`;
  const invitationId = await inviteOverHttp(inviter, baseURL, {
    teamId: options.teamId,
    email,
    role: options.role,
  });
  const request = await playwrightRequest.newContext({ baseURL, storageState: { cookies: [], origins: [] } });
  const joined = await callAction(request, baseURL, {
    page: `/invite/${invitationId}`,
    action: "signUpWithInviteAction",
    form: { invitationId, name: `Matrix ${options.tag}`, password: `matrix ${options.tag} pass 9` },
  });
  expect(joined.status, joined.body).toBeLessThan(400);
  const me = await request.get("/api/me");
  expect(me.status(), await me.text()).toBe(200);
  expect((await me.json()).team.id).toBe(options.teamId);
  return { email, request };
}
