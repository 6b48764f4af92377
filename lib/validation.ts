// Client-safe building blocks shared by the feature schemas (`lib/<feature>/<feature>.validation.ts`).
import { z } from "zod";

/** A row id sent back by the UI; the business function still looks it up within the caller's team. */
export const idSchema = z
  .string({ error: "An id is required" })
  .min(1, { error: "An id is required" })
  .max(100, { error: "That id is not valid" });

export const emailSchema = z
  .string({ error: "Email is required" })
  .trim()
  .toLowerCase()
  .pipe(z.email({ error: "Email must be a valid address, like name@example.com" }));
