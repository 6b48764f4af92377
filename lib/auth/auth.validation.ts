// Account forms (setup, sign-in, invitation sign-up): client-safe, shared by the forms and the actions.
import { z } from "zod";
import { storableString } from "@/lib/http/text";
import { teamNameSchema } from "@/lib/teams/teams.validation";
import { emailSchema } from "@/lib/validation";

export const PASSWORD_MIN = 10;
export const PASSWORD_MAX = 128;

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
