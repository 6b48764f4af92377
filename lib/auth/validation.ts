import { z } from "zod";
import { ROLES } from "@/lib/auth/permissions";
import { storableString } from "@/lib/http/text";

export const PASSWORD_MIN = 10;
export const PASSWORD_MAX = 128;

export const emailSchema = storableString("Email", { error: "Email is required" })
  .max(254, { error: "Email must be at most 254 characters" })
  .trim()
  .toLowerCase()
  .pipe(z.email({ error: "Email must be a valid address, like name@example.com" }));

export const personNameSchema = storableString("Name", { error: "Name is required" })
  .trim()
  .min(1, { error: "Name is required" })
  .max(80, { error: "Name must be at most 80 characters" });

export const passwordSchema = z
  .string({ error: "Password is required" })
  .min(PASSWORD_MIN, { error: `Password must be at least ${PASSWORD_MIN} characters` })
  .max(PASSWORD_MAX, { error: `Password must be at most ${PASSWORD_MAX} characters` })
  .refine((password) => /\p{L}/u.test(password) && /[^\p{L}]/u.test(password), {
    error: "Password must mix letters with digits or symbols",
  })
  .refine((password) => new Set(password).size >= 5, {
    error: "Password must use at least 5 different characters",
  });

export const teamNameSchema = storableString("Team name", { error: "Team name is required" })
  .trim()
  .min(2, { error: "Team name must be at least 2 characters" })
  .max(60, { error: "Team name must be at most 60 characters" });

export const setupSchema = z.object({
  name: personNameSchema,
  email: emailSchema,
  password: passwordSchema,
  teamName: teamNameSchema,
});

export const signInSchema = z.object({
  email: emailSchema,
  password: z.string().min(1, { error: "Password is required" }),
});

export const signUpWithInviteSchema = z.object({
  name: personNameSchema,
  password: passwordSchema,
});

export const inviteSchema = z.object({
  email: emailSchema,
  role: z.enum(ROLES, { error: `Role must be one of ${ROLES.join(", ")}` }),
});

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
