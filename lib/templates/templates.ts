import "server-only";
import { randomUUID } from "node:crypto";
import type { Role } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import { ForbiddenError, NotFoundError, UserError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { requireId } from "@/lib/http/text";
import { type TemplateInput, templateInputSchema } from "@/lib/templates/templates.validation";

/** Author and admins may change a template; everyone in the team may use it. */
export function canEditTemplate(member: { userId: string; role: Role }, template: { authorId: string }) {
  return template.authorId === member.userId || member.role === "owner" || member.role === "admin";
}

export async function createTemplate(options: { teamId: string; userId: string; input: TemplateInput }) {
  const template = parseTemplate(options.input);
  return db.promptTemplate.create({
    data: { id: randomUUID(), teamId: options.teamId, authorId: options.userId, ...template },
    select: { id: true },
  });
}

export async function updateTemplate(options: {
  teamId: string;
  member: { userId: string; role: Role };
  templateId: string;
  input: TemplateInput;
}) {
  await editableTemplate(options);
  const template = parseTemplate(options.input);
  await db.promptTemplate.update({
    where: { id: options.templateId, teamId: options.teamId },
    data: template,
  });
}

export async function archiveTemplate(options: {
  teamId: string;
  member: { userId: string; role: Role };
  templateId: string;
}) {
  await editableTemplate(options);
  await db.promptTemplate.update({
    where: { id: options.templateId, teamId: options.teamId },
    data: { archivedAt: new Date() },
  });
}

/** Counts one use (someone filled the editor from it); archived templates cannot be used. */
export async function recordTemplateUse(options: { teamId: string; templateId: string }) {
  const { count } = await db.promptTemplate.updateMany({
    where: { id: requireId(options.templateId, "templateId"), teamId: options.teamId, archivedAt: null },
    data: { useCount: { increment: 1 } },
  });
  if (count === 0) throw new NotFoundError("That template does not exist in this team (or was archived).");
}

/** The team's live templates, most used first; `q` searches name and prompt. */
export async function listTemplates(options: {
  teamId: string;
  member: { userId: string; role: Role };
  q?: string;
}) {
  const q = options.q?.trim().slice(0, 200);
  const where: Prisma.PromptTemplateWhereInput = {
    teamId: options.teamId,
    archivedAt: null,
    ...(q
      ? {
          OR: [
            { name: { contains: q, mode: "insensitive" } },
            { prompt: { contains: q, mode: "insensitive" } },
          ],
        }
      : {}),
  };
  const rows = await db.promptTemplate.findMany({
    where,
    orderBy: [{ useCount: "desc" }, { createdAt: "desc" }],
    take: 100,
    include: { author: { select: { id: true, name: true } } },
  });
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    prompt: row.prompt,
    negativePrompt: row.negativePrompt,
    defaults: row.defaults as Record<string, string>,
    useCount: row.useCount,
    author: row.author,
    createdAt: row.createdAt.toISOString(),
    canEdit: canEditTemplate(options.member, row),
  }));
}

export type TemplateSummary = Awaited<ReturnType<typeof listTemplates>>[number];
/** GET /api/templates answers this (app/api/templates/route.ts). */
export interface GetTemplatesResponse {
  templates: TemplateSummary[];
}

async function editableTemplate(options: {
  teamId: string;
  member: { userId: string; role: Role };
  templateId: string;
}) {
  // The actions check the id too; a caller that skips them still gets a 400, not Prisma's error.
  const template = await db.promptTemplate.findFirst({
    where: { id: requireId(options.templateId, "templateId"), teamId: options.teamId, archivedAt: null },
    select: { authorId: true },
  });
  if (!template) throw new NotFoundError("That template does not exist in this team (or was archived).");
  if (!canEditTemplate(options.member, template))
    throw new ForbiddenError("Only the template's author or a team admin can change or archive it.");
}

function parseTemplate(input: TemplateInput) {
  const parsed = templateInputSchema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new UserError(issue.message, { field: issue.path.map(String).join(".") || undefined });
  }
  return parsed.data;
}
