// Client-safe building blocks shared by the feature schemas (`lib/<feature>/<feature>.validation.ts`).
import { z } from "zod";
import { storableString } from "@/lib/http/text";

/** The studio's ids: UUIDs, better-auth's 32-character ids, share tokens. */
export const ID_PATTERN = /^[\w-]{1,64}$/;

/**
 * A row id sent back by the UI; the business function still looks it up within the caller's team.
 * Note: the pattern keeps NUL and other bytes Postgres refuses (a 500) out of every query.
 */
export const idSchema = z
  .string({ error: "An id is required" })
  .min(1, { error: "An id is required" })
  .regex(ID_PATTERN, { error: "That id is not valid (1–64 letters, digits, - or _)" });

export const emailSchema = storableString("Email", { error: "Email is required" })
  .max(254, { error: "Email must be at most 254 characters" })
  .trim()
  .toLowerCase()
  .pipe(z.email({ error: "Email must be a valid address, like name@example.com" }));
