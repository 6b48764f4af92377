import { z } from "zod";
import { UserError } from "@/lib/errors";
import { ID_PATTERN } from "@/lib/validation";

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Why a string cannot be stored in Postgres text (NUL, lone surrogates), or null when it can. */
export function unstorableReason(value: string): string | null {
  if (value.includes("\u0000")) return "must not contain NUL characters";
  if (LONE_SURROGATE.test(value)) return "must be valid Unicode (it holds a lone surrogate)";
  return null;
}

/**
 * A string Postgres can store, checked before any other rule so the message names the real
 * problem. Note: without it a NUL byte reaches Postgres and comes back as error 22021, a 500.
 */
export function storableString(label: string, params?: { error?: string }) {
  return z
    .string(params)
    .refine((value) => !value.includes("\u0000"), {
      error: `${label} must not contain NUL characters`,
      abort: true,
    })
    .refine((value) => !LONE_SURROGATE.test(value), {
      error: `${label} must be valid Unicode (it holds a lone surrogate)`,
      abort: true,
    });
}

/**
 * An id the browser sent (a member, video, link or invitation): the studio's ids are UUIDs or
 * better-auth's 32-character ids, so anything else is refused by name before it reaches a query.
 */
export function requireId(value: unknown, field: string): string {
  if (typeof value === "string" && ID_PATTERN.test(value)) return value;
  throw new UserError(`${field} must be an id (1–64 letters, digits, - or _)`, { status: 400, field });
}
