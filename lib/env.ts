import "server-only";
import path from "node:path";
import { z } from "zod";

// Every environment variable the studio reads, in one schema (README "Configuration" prints the
// same list). Parsed, so a bad value fails with the variable's name instead of a silent fallback
// deep inside a request. The launcher, the worker and the scripts read it through the same helpers.

const seconds = (fallback: number) =>
  z.coerce.number().positive({ error: "must be a number of seconds > 0" }).default(fallback);
const count = (fallback: number) =>
  z.coerce
    .number()
    .int({ error: "must be a whole number" })
    .min(1, { error: "must be at least 1" })
    .default(fallback);

const flag = z
  .enum(["1", "0", "true", "false"], { error: "must be 1, 0, true or false" })
  .transform((value) => value === "1" || value === "true");

// Where media lives (DEPLOY.md). Its own schema (zod cannot extend a refined object), joined into
// serverEnv(); the launcher and the migration script check it before any DATABASE_URL exists.
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
  return parse(storageEnvSchema, source);
}

const configSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  /** Unset: the launcher starts an embedded PostgreSQL and sets it for the app. */
  DATABASE_URL: z.string().min(1).optional(),
  DATA_DIR: z.string().default(".data"),
  KLING_API_BASE: z.url().optional(),
  KLING_ACCESS_KEY: z.string().min(1).optional(),
  KLING_SECRET_KEY: z.string().min(1).optional(),
  KLING_API_KEY: z.string().min(1).optional(),
  KLING_WEBHOOK_SECRET: z.string().startsWith("whsec_").optional(),
  /** Set by the launcher: "emulator" when it started the bundled Kling emulator. */
  KLING_BACKEND: z.enum(["emulator", "live"]).optional(),
  /** JSON overriding models and prices (lib/kling/catalog.ts). */
  KLING_CATALOG_FILE: z.string().min(1).optional(),
  PUBLIC_URL: z.url().optional(),
  /** Hops of trusted reverse proxy in front of the studio; X-Forwarded-* is ignored without one. */
  TRUST_PROXY: z
    .enum(["0", "1", "false", "true"], { error: "TRUST_PROXY must be 1 (a reverse proxy is in front) or 0" })
    .transform((value) => value === "1" || value === "true")
    .default(false),
  /** Per-member limits (lib/security/rate-limit.ts): generations per 10 minutes, share links per hour. */
  MEMBER_GENERATE_LIMIT: z.coerce.number().int().min(1).default(20),
  MEMBER_SHARE_LIMIT: z.coerce.number().int().min(1).default(30),
  /** Signs sessions; the launcher generates one per installation and keeps it in the database. */
  BETTER_AUTH_SECRET: z.string().min(32).optional(),
  /** `external`: the web server runs no worker; `npm run worker` processes do the work. */
  WORKER: z.enum(["in-process", "external"]).default("in-process"),
  // Pipeline timings (lib/generations/settings.ts); tests shorten them.
  KLING_POLL_INTERVAL_SECONDS: seconds(5),
  KLING_TASK_DEADLINE_SECONDS: seconds(60 * 60),
  WORKER_HEARTBEAT_SECONDS: seconds(1),
  WORKER_STALE_SECONDS: seconds(5),
  KLING_RETRY_BASE_SECONDS: seconds(2),
  KLING_RETRY_MAX_SECONDS: seconds(60),
  KLING_MAX_SUBMIT_ATTEMPTS: count(10),
  KLING_TIMEOUT_SECONDS: seconds(30),
  KLING_CREATE_SETTLE_SECONDS: seconds(90),
  KLING_RETENTION_SECONDS: seconds(30 * 86_400),
  KLING_LATE_CHECKS_PER_TICK: count(20),
  ARCHIVE_RETRY_MAX_SECONDS: seconds(60 * 60),
  ARCHIVE_DOWNLOAD_IDLE_SECONDS: seconds(60),
  ARCHIVE_MAX_VIDEO_BYTES: count(2 * 1024 ** 3),
  FFPROBE_TIMEOUT_SECONDS: seconds(30),
  FFMPEG_TIMEOUT_SECONDS: seconds(120),
  // The launcher's emulator (scripts/lib/kling.ts).
  EMULATOR_PORT: z.coerce.number().int().min(0).max(65535).default(0),
  EMULATOR_SPEED: z.enum(["demo", "fast"]).default("demo"),
  EMULATOR_SIZE: z.enum(["full", "small"]).default("full"),
  /** `1`: the /__emulator/* admin API (tests read what the emulator received); off by default. */
  EMULATOR_ADMIN: z.enum(["0", "1"]).default("0"),
});

const serverEnvSchema = configSchema.extend({
  DATABASE_URL: z
    .string()
    .min(1, "DATABASE_URL is required (the launcher sets it for the embedded database)"),
});

export type AppConfig = z.infer<typeof configSchema>;
export type ServerEnv = z.infer<typeof serverEnvSchema> & StorageEnv;

/**
 * The configuration as it is right now, read afresh on every call: for the launcher and scripts
 * (before any database exists) and for the pipeline timings, which tests change between steps.
 */
export function appConfig(source: Record<string, string | undefined> = process.env): AppConfig {
  return parse(configSchema, source);
}

let cached: ServerEnv | undefined;

/** The running app's configuration (a database is required); parsed once. */
export function serverEnv(): ServerEnv {
  cached ??= { ...parse(serverEnvSchema, process.env), ...storageEnv() };
  return cached;
}

/** Tests re-point the studio at another database or emulator. */
export function resetServerEnv() {
  cached = undefined;
}

let proxyCached: { https: boolean; development: boolean } | undefined;

/**
 * What proxy.ts needs on every request, parsed once through the same schema. The proxy runs
 * before any database exists for some requests (health during start-up), so it reads appConfig,
 * not serverEnv. NODE_ENV is Next's own (inlined at build), not a studio setting, so it is not in
 * the schema.
 */
export function proxyEnv() {
  proxyCached ??= {
    https: appConfig().PUBLIC_URL?.startsWith("https://") ?? false,
    development: process.env.NODE_ENV === "development",
  };
  return proxyCached;
}

export const LIVE_KLING_API_BASE = "https://api-singapore.klingai.com";

/** Kling keys are configured: an API key, or an access key with its secret key. */
export function hasKlingKeys(
  env: Pick<AppConfig, "KLING_API_KEY" | "KLING_ACCESS_KEY" | "KLING_SECRET_KEY">,
) {
  return Boolean(env.KLING_API_KEY || (env.KLING_ACCESS_KEY && env.KLING_SECRET_KEY));
}

/** Where the Kling API is, and how we authenticate; undefined when nothing is configured. */
export function klingConfig(env: AppConfig = serverEnv()) {
  if (!hasKlingKeys(env)) return undefined;
  return {
    baseUrl: (env.KLING_API_BASE ?? LIVE_KLING_API_BASE).replace(/\/+$/, ""),
    accessKey: env.KLING_ACCESS_KEY,
    secretKey: env.KLING_SECRET_KEY,
    apiKey: env.KLING_API_KEY,
    backend: env.KLING_BACKEND ?? "live",
  };
}

export function mediaDir(env: AppConfig = serverEnv()) {
  return path.resolve(env.DATA_DIR, "media");
}

function parse<S extends z.ZodType>(schema: S, source: Record<string, string | undefined>): z.output<S> {
  // An empty variable counts as unset (`DATABASE_URL= npm start` means "use the embedded one").
  const values = Object.fromEntries(Object.entries(source).filter(([, value]) => value !== ""));
  const parsed = schema.safeParse(values);
  if (!parsed.success) {
    const problems = parsed.error.issues
      .map((issue) => `${issue.path.join(".")}: ${issue.message}`)
      .join("; ");
    throw new Error(`Invalid configuration: ${problems}`);
  }
  return parsed.data;
}
