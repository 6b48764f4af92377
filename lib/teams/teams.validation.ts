// Team forms and actions (name, budget, invitations, roles): client-safe, shared by the settings
// forms and lib/teams/actions.ts.
import { z } from "zod";
import { ROLES } from "@/lib/auth/permissions";
import { storableString } from "@/lib/http/text";
import { emailSchema, idSchema } from "@/lib/validation";

export const teamNameSchema = storableString("Team name", { error: "Team name is required" })
  .trim()
  .min(2, { error: "Team name must be at least 2 characters" })
  .max(60, { error: "Team name must be at most 60 characters" });

export const budgetSchema = z
  .string()
  .trim()
  .transform((value, context) => {
    if (value === "") return null;
    const units = Number(value);
    if (!Number.isFinite(units) || units < 0 || units > 1_000_000_000) {
      context.addIssue({
        code: "custom",
        message: "Monthly budget must be empty (no limit) or a number of units ≥ 0",
      });
      return z.NEVER;
    }
    return Math.round(units * 100) / 100;
  });

export const roleSchema = z.enum(ROLES, { error: `Role must be one of ${ROLES.join(", ")}` });

export const createTeamSchema = z.object({ teamName: teamNameSchema });
export const switchTeamSchema = z.object({ teamId: idSchema });
export const teamSettingsSchema = z.object({
  name: teamNameSchema,
  monthlyUnitBudget: budgetSchema.prefault(""),
});
export const inviteSchema = z.object({ email: emailSchema, role: roleSchema });
export const invitationIdSchema = z.object({ invitationId: idSchema });
export const changeRoleSchema = z.object({ memberId: idSchema, role: roleSchema });
export const memberIdSchema = z.object({ memberId: idSchema });
