"use server";

import { requireTeam } from "@/lib/auth/session";
import { type ActionResult, toActionResult, UserError } from "@/lib/errors";
import {
  archiveTemplate,
  createTemplate,
  recordTemplateUse,
  updateTemplate,
} from "@/lib/templates/templates";
import { type TemplateInput, templateIdSchema } from "@/lib/templates/templates.validation";

// Inputs are parsed again inside lib/templates (the same zod schema as the form), so a crafted
// call gets the same field messages as the form.

export async function createTemplateAction(input: TemplateInput): Promise<ActionResult<{ id: string }>> {
  return toActionResult(async () => {
    const context = await requireTeam("generation.create");
    return createTemplate({ teamId: context.team.id, userId: context.user.id, input });
  });
}

export async function updateTemplateAction(templateId: string, input: TemplateInput): Promise<ActionResult> {
  return toActionResult(async () => {
    const context = await requireTeam("generation.create");
    await updateTemplate({
      teamId: context.team.id,
      member: { userId: context.user.id, role: context.member.role },
      templateId: parseTemplateId(templateId),
      input,
    });
    return undefined;
  });
}

export async function archiveTemplateAction(templateId: string): Promise<ActionResult> {
  return toActionResult(async () => {
    const context = await requireTeam("generation.create");
    await archiveTemplate({
      teamId: context.team.id,
      member: { userId: context.user.id, role: context.member.role },
      templateId: parseTemplateId(templateId),
    });
    return undefined;
  });
}

export async function recordTemplateUseAction(templateId: string): Promise<ActionResult> {
  return toActionResult(async () => {
    const context = await requireTeam("team.view");
    await recordTemplateUse({ teamId: context.team.id, templateId: parseTemplateId(templateId) });
    return undefined;
  });
}

function parseTemplateId(value: unknown) {
  const parsed = templateIdSchema.safeParse(value);
  if (!parsed.success) throw new UserError(parsed.error.issues[0].message, { field: "templateId" });
  return parsed.data;
}
