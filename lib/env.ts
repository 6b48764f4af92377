import "server-only";
import path from "node:path";
import { z } from "zod";

// Server-only configuration (DESIGN.md "Configuration"). Parsed once, so a bad value fails at
// start-up with the variable's name instead of deep inside a request.
const serverEnvSchema = z.object({
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  DATABASE_URL: z
    .string()
    .min(1, "DATABASE_URL is required (the launcher sets it for the embedded database)"),
  DATA_DIR: z.string().default(".data"),
  KLING_API_BASE: z.url().optional(),
  KLING_ACCESS_KEY: z.string().min(1).optional(),
  KLING_SECRET_KEY: z.string().min(1).optional(),
  KLING_API_KEY: z.string().min(1).optional(),
  KLING_WEBHOOK_SECRET: z.string().startsWith("whsec_").optional(),
  /** Set by the launcher: "emulator" when it started the bundled Kling emulator. */
  KLING_BACKEND: z.enum(["emulator", "live"]).optional(),
  PUBLIC_URL: z.url().optional(),
  /** Signs sessions; the launcher generates one per installation and keeps it in the database. */
  BETTER_AUTH_SECRET: z.string().min(32).optional(),
});

export type ServerEnv = z.infer<typeof serverEnvSchema>;

let cached: ServerEnv | undefined;

export function serverEnv(): ServerEnv {
  if (cached) return cached;
  const parsed = serverEnvSchema.safeParse(emptyToUndefined(process.env));
  if (!parsed.success) {
    const problems = parsed.error.issues
      .map((issue) => `${issue.path.join(".")}: ${issue.message}`)
      .join("; ");
    throw new Error(`Invalid configuration: ${problems}`);
  }
  cached = parsed.data;
  return cached;
}

/** Tests re-point the studio at another database or emulator. */
export function resetServerEnv() {
  cached = undefined;
}

export const LIVE_KLING_API_BASE = "https://api-singapore.klingai.com";

/** Where the Kling API is, and how we authenticate; undefined when nothing is configured. */
export function klingConfig(env: ServerEnv = serverEnv()) {
  const hasKeys = Boolean(env.KLING_API_KEY || (env.KLING_ACCESS_KEY && env.KLING_SECRET_KEY));
  if (!hasKeys) return undefined;
  return {
    baseUrl: (env.KLING_API_BASE ?? LIVE_KLING_API_BASE).replace(/\/+$/, ""),
    accessKey: env.KLING_ACCESS_KEY,
    secretKey: env.KLING_SECRET_KEY,
    apiKey: env.KLING_API_KEY,
    backend: env.KLING_BACKEND ?? "live",
  };
}

export function mediaDir(env: ServerEnv = serverEnv()) {
  return path.resolve(env.DATA_DIR, "media");
}

function emptyToUndefined(source: NodeJS.ProcessEnv) {
  return Object.fromEntries(Object.entries(source).filter(([, value]) => value !== ""));
}
