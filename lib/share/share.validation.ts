// Share link options: client-safe, so the share dialog offers exactly what lib/share/share.ts accepts.
import { z } from "zod";
import { idSchema } from "@/lib/validation";

/** Days until a link expires (null: never), in the order the dialog offers them. */
export const SHARE_EXPIRIES = { "1d": 1, "7d": 7, "30d": 30, never: null } as const;
export type ShareExpiry = keyof typeof SHARE_EXPIRIES;
export const SHARE_EXPIRY_LABELS: Record<ShareExpiry, string> = {
  "1d": "in 1 day",
  "7d": "in 7 days",
  "30d": "in 30 days",
  never: "never",
};
export const DEFAULT_SHARE_EXPIRY: ShareExpiry = "7d";

const SHARE_EXPIRY_KEYS = Object.keys(SHARE_EXPIRIES) as [ShareExpiry, ...ShareExpiry[]];
export const shareExpirySchema = z.enum(SHARE_EXPIRY_KEYS, {
  error: `Expiry must be one of ${SHARE_EXPIRY_KEYS.join(", ")}`,
});

export const createShareLinkSchema = z.object({
  generationId: idSchema,
  expiry: shareExpirySchema,
  hidePrompt: z.boolean({ error: "Hide prompt must be true or false" }).default(false),
});
export const revokeShareLinkSchema = z.object({ generationId: idSchema, linkId: idSchema });
