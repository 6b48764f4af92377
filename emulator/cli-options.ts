import type { EmulatorOptions } from "./options";

type OptionKey = keyof EmulatorOptions;
export type ValueKind = "integer" | "number" | "duration" | "string" | "list" | "boolean" | "faults";

export interface CliOption {
  flag: string;
  env: string | null;
  key: OptionKey;
  kind: ValueKind;
  help: string;
  choices?: readonly string[];
}

/** One table drives parsing, env fallback and --help, so they cannot drift apart. */
export const CLI_OPTIONS: readonly CliOption[] = [
  {
    flag: "--port",
    env: "EMULATOR_PORT",
    key: "port",
    kind: "integer",
    help: "port to listen on, 0 = any free port (default 4010)",
  },
  {
    flag: "--host",
    env: "EMULATOR_HOST",
    key: "host",
    kind: "string",
    help: "interface to bind (default 127.0.0.1)",
  },
  {
    flag: "--access-key",
    env: "KLING_ACCESS_KEY",
    key: "accessKey",
    kind: "string",
    help: "JWT access key (iss); made up when unset",
  },
  {
    flag: "--secret-key",
    env: "KLING_SECRET_KEY",
    key: "secretKey",
    kind: "string",
    help: "JWT HS256 secret key; made up when unset",
  },
  {
    flag: "--api-key",
    env: "KLING_API_KEY",
    key: "apiKey",
    kind: "string",
    help: "static bearer API key; made up when unset",
  },
  {
    flag: "--speed",
    env: "EMULATOR_SPEED",
    key: "speed",
    kind: "string",
    choices: ["demo", "fast"],
    help: "timing preset: demo (2 s + 6 s) or fast (200 ms + 500 ms) (default demo)",
  },
  {
    flag: "--submitted-ms",
    env: "EMULATOR_SUBMITTED_MS",
    key: "submittedMs",
    kind: "duration",
    help: "time in submitted before processing, e.g. 2s (overrides --speed)",
  },
  {
    flag: "--processing-ms",
    env: "EMULATOR_PROCESSING_MS",
    key: "processingMs",
    kind: "duration",
    help: "minimum time in processing, e.g. 6s (overrides --speed)",
  },
  {
    flag: "--seed",
    env: "EMULATOR_SEED",
    key: "seed",
    kind: "integer",
    help: "seed for ids and fault dice (default 1)",
  },
  {
    flag: "--state",
    env: "EMULATOR_STATE_FILE",
    key: "stateFile",
    kind: "string",
    help: "persist tasks to this JSON file (default: memory only)",
  },
  {
    flag: "--media-dir",
    env: "EMULATOR_MEDIA_DIR",
    key: "mediaDir",
    kind: "string",
    help: "where videos go (default <state>-media/ or a temp dir)",
  },
  {
    flag: "--size",
    env: "EMULATOR_VIDEO_SIZE",
    key: "videoSize",
    kind: "string",
    choices: ["full", "small"],
    help: "full (720p/1080p/4K) or small (a quarter) (default full)",
  },
  {
    flag: "--retention",
    env: "EMULATOR_RETENTION",
    key: "retentionMs",
    kind: "duration",
    help: "result URL lifetime after completion, e.g. 30d, 10s (default 30d)",
  },
  {
    flag: "--concurrency",
    env: "EMULATOR_CONCURRENCY",
    key: "concurrencyLimit",
    kind: "integer",
    help: "parallel tasks before 429/1303 (default 5)",
  },
  {
    flag: "--balance",
    env: "EMULATOR_BALANCE",
    key: "balanceUnits",
    kind: "number",
    help: "resource pack units (default 1000)",
  },
  {
    flag: "--costs-delay",
    env: "EMULATOR_COSTS_DELAY",
    key: "costsDelayMs",
    kind: "duration",
    help: "lag of remaining_quantity in /account/costs, e.g. 12h (default 0)",
  },
  {
    flag: "--blocked-words",
    env: "EMULATOR_BLOCKED_WORDS",
    key: "blockedWords",
    kind: "list",
    help: "comma-separated words that trip the content policy",
  },
  {
    flag: "--content-policy",
    env: "EMULATOR_CONTENT_POLICY",
    key: "contentPolicyMode",
    kind: "string",
    choices: ["reject", "fail"],
    help: "reject = 400/1301 at create, fail = task fails later (default reject)",
  },
  {
    flag: "--retired-models",
    env: "EMULATOR_RETIRED_MODELS",
    key: "retiredModels",
    kind: "list",
    help: "comma-separated model names answered as discontinued (404/1203)",
  },
  {
    flag: "--faults",
    env: "EMULATOR_FAULTS",
    key: "faultsEnabled",
    kind: "boolean",
    help: "enable the /__emulator/* admin endpoints (EMULATOR_FAULTS=1)",
  },
  {
    flag: "--fault",
    env: "EMULATOR_FAULT_RULES",
    key: "faults",
    kind: "faults",
    help: 'fault rule active from start, e.g. "kind=http_500,scope=create,count=2" (repeatable; env: rules separated by ";")',
  },
  {
    flag: "--webhook-secret",
    env: "EMULATOR_WEBHOOK_SECRET",
    key: "webhookSecret",
    kind: "string",
    help: "whsec_... secret: sign callbacks with Standard Webhooks headers",
  },
  {
    flag: "--callback-retries",
    env: "EMULATOR_CALLBACK_RETRIES",
    key: "callbackRetries",
    kind: "integer",
    help: "extra attempts after a failed callback (default 3)",
  },
  {
    flag: "--callback-retry-delay",
    env: "EMULATOR_CALLBACK_RETRY_DELAY",
    key: "callbackRetryDelayMs",
    kind: "duration",
    help: "first retry delay, doubling (default 1s)",
  },
  {
    flag: "--callback-timeout",
    env: "EMULATOR_CALLBACK_TIMEOUT",
    key: "callbackTimeoutMs",
    kind: "duration",
    help: "per-attempt timeout (default 10s)",
  },
  {
    flag: "--callback-on-submitted",
    env: "EMULATOR_CALLBACK_ON_SUBMITTED",
    key: "callbackOnSubmitted",
    kind: "boolean",
    help: "also call back for the initial submitted status",
  },
  {
    flag: "--public-url",
    env: "EMULATOR_PUBLIC_URL",
    key: "publicBaseUrl",
    kind: "string",
    help: "origin used in result URLs (default: the emulator's own URL)",
  },
  {
    flag: "--render-concurrency",
    env: "EMULATOR_RENDER_CONCURRENCY",
    key: "renderConcurrency",
    kind: "integer",
    help: "videos rendered at once (default 1)",
  },
  {
    flag: "--clock-skew",
    env: "EMULATOR_CLOCK_SKEW",
    key: "clockSkewSec",
    kind: "integer",
    help: "seconds of JWT nbf/exp leeway (default 5)",
  },
];
