import path from "node:path";
import { z } from "zod";

const flag = z
  .enum(["1", "0", "true", "false"], { error: "must be 1, 0, true or false" })
  .transform((value) => value === "1" || value === "true");

// Where media lives (DEPLOY.md). Its own schema because the launcher and the migration script check
// it before any DATABASE_URL exists.
const storageEnvSchema = z
  .object({
    STORAGE: z.enum(["local", "s3"], { error: 'must be "local" or "s3"' }).default("local"),
    S3_BUCKET: z
      .string()
      .regex(
        /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/,
        "must be a bucket name (3-63 lowercase letters, digits, dots, dashes)",
      )
      .optional(),
    S3_REGION: z.string().min(1).default("us-east-1"),
    /** For R2, Garage, SeaweedFS, Ceph, MinIO and others; unset means AWS itself. */
    S3_ENDPOINT: z
      .url({ protocol: /^https?$/, error: "must be an http(s) URL such as https://s3.example.com" })
      .optional(),
    S3_ACCESS_KEY_ID: z.string().min(1).optional(),
    S3_SECRET_ACCESS_KEY: z.string().min(1).optional(),
    S3_FORCE_PATH_STYLE: flag.default(false),
    /** Stream media through the studio (with Range) instead of redirecting to presigned URLs. */
    S3_PROXY: flag.default(false),
    /** Lifetime of a presigned media URL: minutes, so a leaked URL soon stops working. */
    S3_URL_TTL_SECONDS: z.coerce.number().int().min(10).max(3600).default(300),
  })
  .superRefine((env, context) => {
    if (env.STORAGE !== "s3") return;
    if (!env.S3_BUCKET)
      context.addIssue({ code: "custom", path: ["S3_BUCKET"], message: "is required when STORAGE=s3" });
    if (Boolean(env.S3_ACCESS_KEY_ID) !== Boolean(env.S3_SECRET_ACCESS_KEY)) {
      const missing = env.S3_ACCESS_KEY_ID ? "S3_SECRET_ACCESS_KEY" : "S3_ACCESS_KEY_ID";
      context.addIssue({
        code: "custom",
        path: [missing],
        message: "is required with the other S3 key (or leave both unset for the SDK's default credentials)",
      });
    }
  });

export type StorageEnv = z.infer<typeof storageEnvSchema>;

/** The storage settings alone (no DATABASE_URL needed); throws naming each bad variable. */
export function storageEnv(source: Record<string, string | undefined> = process.env): StorageEnv {
  return parseOrThrow(storageEnvSchema, source);
}

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

export type ServerEnv = z.infer<typeof serverEnvSchema> & StorageEnv;

let cached: ServerEnv | undefined;

export function serverEnv(): ServerEnv {
  if (cached) return cached;
  cached = { ...parseOrThrow(serverEnvSchema, process.env), ...storageEnv() };
  return cached;
}

function parseOrThrow<T>(schema: z.ZodType<T>, source: Record<string, string | undefined>): T {
  const parsed = schema.safeParse(emptyToUndefined(source));
  if (!parsed.success) {
    const problems = parsed.error.issues
      .map((issue) => `${issue.path.join(".")}: ${issue.message}`)
      .join("; ");
    throw new Error(`Invalid configuration: ${problems}`);
  }
  return parsed.data;
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

function emptyToUndefined(source: Record<string, string | undefined>) {
  return Object.fromEntries(Object.entries(source).filter(([, value]) => value !== ""));
}
