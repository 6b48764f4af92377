// The signed-in person's own account (display name, password, sessions): client-safe, shared by
// the account panel and lib/account/actions.ts.
import { z } from "zod";
import { passwordSchema, personNameSchema } from "@/lib/auth/auth.validation";
import { idSchema } from "@/lib/validation";

export const displayNameSchema = z.object({ name: personNameSchema });

export const changePasswordSchema = z
  .object({
    currentPassword: z
      .string({ error: "Current password is required" })
      .min(1, { error: "Current password is required" })
      .max(128, { error: "Current password must be at most 128 characters" }),
    newPassword: passwordSchema,
  })
  .refine((input) => input.currentPassword !== input.newPassword, {
    error: "New password must differ from the current one",
    path: ["newPassword"],
  });

export const endSessionSchema = z.object({ sessionId: idSchema });
