import { GET as templatesRoute } from "../../../../app/api/templates/route";
import { GET as compareVideoRoute } from "../../../../app/c/[token]/video/[generationId]/route";
import type { Permission, Role } from "../../../../lib/auth/permissions";
import type { TeamContext } from "../../../../lib/auth/session";
import { pickTake } from "../../../../lib/batches/batches";
import { createCompareShareLink, revokeCompareShareLink } from "../../../../lib/batches/compare";
import { submitGenerations } from "../../../../lib/generations/submit";
import {
  archiveTemplate,
  createTemplate,
  recordTemplateUse,
  updateTemplate,
} from "../../../../lib/templates/templates";
import { freshCompareLink, freshTemplate, type seedBatches } from "./batch-fixtures";

// Issue 15's routes and actions in the adversarial matrix (matrix.test.ts runs and judges them).

type Cell = string;
/** matrix.test.ts's column: whoever calls, with their session cookie. */
type Operation<Column extends { headers: Headers }> = {
  name: string;
  allowed: Role[];
  public?: boolean;
  run: (column: Column) => Promise<Cell>;
};

export interface MatrixKit<Column extends { headers: Headers }> {
  action(
    permission: Permission | null,
    work: (context: TeamContext) => Promise<unknown>,
  ): Operation<Column>["run"];
  answer(response: Response, secret?: string): Promise<Cell>;
  route<P extends Record<string, string>>(params?: P): { params: Promise<P> };
  /** Team A, its owner, the remixed video and issue 15's seeds; read when a cell runs. */
  state(): {
    teamId: string;
    ownerId: string;
    videoId: string;
    seeds: Awaited<ReturnType<typeof seedBatches>>;
  };
}

const ALL: Role[] = ["owner", "admin", "creator", "reviewer", "viewer"];
const REVIEWERS: Role[] = ["owner", "admin", "creator", "reviewer"];
const MAKERS: Role[] = ["owner", "admin", "creator"];
const MANAGERS: Role[] = ["owner", "admin"];
const REQUEST = {
  prompt: "a fox",
  model: "kling-v2-5-turbo",
  mode: "std",
  duration: 5,
  aspectRatio: "16:9",
} as const;

/** Actions that take no id of team A: a member of B rendered for B acts on B. */
export const BATCH_ACTS_ON_OWN_TEAM = ["submitCompare", "createTemplate"];

export function batchOperations<Column extends { headers: Headers }>(
  kit: MatrixKit<Column>,
): Operation<Column>[] {
  const { action, answer, route, state } = kit;
  const member = (context: TeamContext) => ({ userId: context.user.id, role: context.member.role });
  return [
    {
      name: "GET /api/templates",
      allowed: ALL,
      run: async (c) =>
        answer(
          await templatesRoute(new Request("http://s.test/api/templates", { headers: c.headers }), route()),
          state().seeds.templateName,
        ),
    },
    {
      name: "GET /c/:token/video/:id (public)",
      allowed: ALL,
      public: true,
      run: async (c) => {
        const { compareToken: token, compareGenerationId: generationId } = state().seeds;
        return answer(
          await compareVideoRoute(
            new Request(`http://s.test/c/${token}/video/${generationId}`, { headers: c.headers }),
            route({ token, generationId }),
          ),
        );
      },
    },
    {
      name: "submitGeneration ×3 takes (remix of A's)",
      allowed: MAKERS,
      run: action("generation.create", (ctx) =>
        submitGenerations({
          teamId: ctx.team.id,
          userId: ctx.user.id,
          inputs: [REQUEST, REQUEST, REQUEST],
          parentId: state().videoId,
          batch: { kind: "takes" },
        }),
      ),
    },
    {
      name: "submitCompare",
      allowed: MAKERS,
      run: action("generation.create", (ctx) =>
        submitGenerations({
          teamId: ctx.team.id,
          userId: ctx.user.id,
          inputs: [REQUEST, { ...REQUEST, model: "kling-v2-6" }],
          batch: { kind: "compare" },
        }),
      ),
    },
    {
      name: "pickTake",
      allowed: REVIEWERS,
      run: action("review.set", (ctx) =>
        pickTake({
          teamId: ctx.team.id,
          batchId: state().seeds.takesBatchId,
          generationId: state().seeds.takeId,
        }),
      ),
    },
    {
      name: "createCompareShareLink",
      allowed: MAKERS,
      run: action("share.manage", (ctx) =>
        createCompareShareLink({
          teamId: ctx.team.id,
          userId: ctx.user.id,
          batchId: state().seeds.compareBatchId,
          expiry: "1d",
        }),
      ),
    },
    {
      name: "revokeCompareShareLink",
      allowed: MAKERS,
      run: action("share.manage", async (ctx) => {
        const { teamId, ownerId, seeds } = state();
        const linkId = await freshCompareLink(teamId, seeds.compareBatchId, ownerId);
        return revokeCompareShareLink({
          teamId: ctx.team.id,
          userId: ctx.user.id,
          batchId: seeds.compareBatchId,
          linkId,
        });
      }),
    },
    {
      name: "createTemplate",
      allowed: MAKERS,
      run: action("generation.create", (ctx) =>
        createTemplate({
          teamId: ctx.team.id,
          userId: ctx.user.id,
          input: { name: "Mine", prompt: "a {thing}" },
        }),
      ),
    },
    {
      // Authored by A's owner: the author and admins may change it, not every creator.
      name: "updateTemplate (owner's)",
      allowed: MANAGERS,
      run: action("generation.create", async (ctx) =>
        updateTemplate({
          teamId: ctx.team.id,
          member: member(ctx),
          templateId: await freshTemplate(state().teamId, state().ownerId),
          input: { name: "Renamed", prompt: "a {thing}" },
        }),
      ),
    },
    {
      name: "archiveTemplate (owner's)",
      allowed: MANAGERS,
      run: action("generation.create", async (ctx) =>
        archiveTemplate({
          teamId: ctx.team.id,
          member: member(ctx),
          templateId: await freshTemplate(state().teamId, state().ownerId),
        }),
      ),
    },
    {
      name: "recordTemplateUse",
      allowed: ALL,
      run: action(null, async (ctx) =>
        recordTemplateUse({
          teamId: ctx.team.id,
          templateId: await freshTemplate(state().teamId, state().ownerId),
        }),
      ),
    },
  ];
}
