import type { APIRequestContext } from "@playwright/test";
import { expect } from "@playwright/test";
import fc from "fast-check";
import { callAction } from "./actions";
import { hostileString, hostileValue } from "./hostile";
import { joinOverHttp } from "./join";

// The actions whose lucky value would be a real change (a new team, a renamed team, a new name or
// password, an invitation, a template), fuzzed as a throwaway person who joined team A as a viewer
// and then started a team of their own: whatever a run manages to change is theirs alone, and the
// owner's shared session of the e2e run is never used.

/** A form field: one hostile string, or the same name sent several times. */
const formValue = fc.oneof(hostileString, fc.array(hostileString, { minLength: 2, maxLength: 3 }));

export const FORM_ACTIONS = [
  { action: "createTeamAction", page: "/", fields: ["teamName"], scoped: false },
  {
    action: "updateTeamSettingsAction",
    page: "/settings",
    fields: ["name", "monthlyUnitBudget"],
    scoped: true,
  },
  { action: "createInvitationAction", page: "/settings", fields: ["email", "role"], scoped: true },
  { action: "changeDisplayNameAction", page: "/settings", fields: ["name"], scoped: false },
  {
    action: "changePasswordAction",
    page: "/settings",
    fields: ["currentPassword", "newPassword"],
    scoped: false,
  },
] as const;

export interface Throwaway {
  request: APIRequestContext;
  teamId: string;
}

export async function throwawayOwner(
  owner: APIRequestContext,
  baseURL: string,
  teamA: string,
): Promise<Throwaway> {
  const joined = await joinOverHttp(owner, baseURL, { teamId: teamA, role: "viewer", tag: "fuzz" });
  const created = await callAction(joined.request, baseURL, {
    page: "/",
    action: "createTeamAction",
    form: { teamName: "Fuzz Throwaway Team" },
  });
  expect(created.result?.ok, created.body).toBe(true);
  const teamId = (await (await joined.request.get("/api/me")).json()).team.id as string;
  expect(teamId).not.toBe(teamA);
  return { request: joined.request, teamId };
}

/** One run: the form actions with hostile fields, and switchTeam with a hostile team id. */
export const formCall = fc.oneof(
  fc.constantFrom(...FORM_ACTIONS).chain((spec) =>
    fc.record({
      spec: fc.constant(spec),
      values: fc.tuple(...spec.fields.map(() => formValue)),
      hostileTeam: fc.boolean(),
      teamValue: formValue,
    }),
  ),
  fc.record({
    spec: fc.constant({ action: "switchTeamAction", page: "/", fields: ["teamId"], scoped: false } as const),
    values: fc.tuple(hostileValue),
    hostileTeam: fc.constant(false),
    teamValue: fc.constant(""),
  }),
  // Issue 15's prompt library: a lucky name and prompt save a template in the throwaway team.
  fc.record({
    spec: fc.constant({
      action: "createTemplateAction",
      page: "/",
      fields: ["name", "prompt", "negativePrompt", "defaults"],
      scoped: true,
      json: true,
    } as const),
    values: fc.tuple(hostileValue, hostileValue, hostileValue, hostileValue),
    hostileTeam: fc.boolean(),
    teamValue: hostileValue,
  }),
);

export async function runFormCall(
  throwaway: Throwaway,
  baseURL: string,
  { spec, values, hostileTeam, teamValue }: FormCall,
) {
  const fields = Object.fromEntries(spec.fields.map((field, index) => [field, values[index]]));
  const label = `${spec.action} ${JSON.stringify(fields).slice(0, 200)}`;
  if (spec.action === "switchTeamAction") {
    const answer = await callAction(throwaway.request, baseURL, {
      page: spec.page,
      action: spec.action,
      args: [fields],
    });
    return { answer, label, fields: [...spec.fields] as string[] };
  }
  if ("json" in spec) {
    const teamId = hostileTeam ? teamValue : throwaway.teamId;
    const answer = await callAction(throwaway.request, baseURL, {
      page: spec.page,
      action: spec.action,
      args: [{ ...fields, teamId }],
    });
    return { answer, label, fields: [...spec.fields, "teamId"] as string[] };
  }
  const form = fields as Record<string, string | string[]>;
  if (spec.scoped) form.teamId = hostileTeam ? (teamValue as string | string[]) : throwaway.teamId;
  const answer = await callAction(throwaway.request, baseURL, { page: spec.page, action: spec.action, form });
  return { answer, label, fields: [...spec.fields, "teamId"] as string[] };
}

export type FormCall = typeof formCall extends fc.Arbitrary<infer T> ? T : never;
