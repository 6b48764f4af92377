"use server";

import { z } from "zod";
import { teamAction } from "@/lib/auth/safe-action";
import {
  archiveTemplate,
  createTemplate,
  recordTemplateUse,
  updateTemplate,
} from "@/lib/templates/templates";
import { templateInputSchema } from "@/lib/templates/templates.validation";
import { idSchema } from "@/lib/validation";

const templateIdInput = z.object({ templateId: idSchema });

export const createTemplateAction = teamAction(templateInputSchema, "generation.create", (input, context) =>
  createTemplate({ teamId: context.team.id, userId: context.user.id, input }),
);

/** The author or an admin (checked in lib/templates, within the caller's team). */
export const updateTemplateAction = teamAction(
  templateIdInput.and(templateInputSchema),
  "generation.create",
  async ({ templateId, ...input }, context) => {
    await updateTemplate({
      teamId: context.team.id,
      member: { userId: context.user.id, role: context.member.role },
      templateId,
      input,
    });
  },
);

export const archiveTemplateAction = teamAction(
  templateIdInput,
  "generation.create",
  async ({ templateId }, context) => {
    await archiveTemplate({
      teamId: context.team.id,
      member: { userId: context.user.id, role: context.member.role },
      templateId,
    });
  },
);

/** Anyone in the team may use a template; each use is counted. */
export const recordTemplateUseAction = teamAction(templateIdInput, null, ({ templateId }, context) =>
  recordTemplateUse({ teamId: context.team.id, templateId }),
);
