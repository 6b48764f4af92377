import { randomBytes } from "node:crypto";
import { checkRule, type FaultRuleInput } from "./faults";
import type { VideoSize } from "./models";

export const SPEED_PRESETS = {
  /** Looks like a real (very fast) Kling: a short queue, then a few seconds of "generation". */
  demo: { submittedMs: 2_000, processingMs: 6_000 },
  /** For tests: the whole lifecycle in well under a second (plus render time). */
  fast: { submittedMs: 200, processingMs: 500 },
} as const;
export type Speed = keyof typeof SPEED_PRESETS;

export interface EmulatorOptions {
  /** 0 picks a free port. */
  port: number;
  host: string;
  accessKey: string;
  secretKey: string;
  apiKey: string;
  /** Preset for submittedMs / processingMs; explicit values win. */
  speed: Speed;
  /** Time a task stays "submitted" before "processing". */
  submittedMs: number;
  /** Minimum time in "processing"; a task also waits for its video file to exist. */
  processingMs: number;
  /** Seeds ids and fault dice. */
  seed: number;
  /** Persist tasks here (JSON, written atomically); null keeps state in memory. */
  stateFile: string | null;
  /** Rendered videos; default "<state file name>-media/" beside the state file, else a temp dir. */
  mediaDir: string | null;
  videoSize: VideoSize;
  /** How long result URLs work after completion. */
  retentionMs: number;
  concurrencyLimit: number;
  /** Resource-pack units; creates draw them down. */
  balanceUnits: number;
  /** Staleness of remaining_quantity in /account/costs (the real API lags 12 h). */
  costsDelayMs: number;
  blockedWords: string[];
  contentPolicyMode: "reject" | "fail";
  retiredModels: string[];
  /** Enables the /__emulator/* admin endpoints. */
  faultsEnabled: boolean;
  /** Fault rules active from start. */
  faults: FaultRuleInput[];
  /** "whsec_..." ; when set, callbacks carry Standard Webhooks headers. */
  webhookSecret: string | null;
  /** Extra delivery attempts after a failed callback. */
  callbackRetries: number;
  /** Delay before the first retry; doubles each time. */
  callbackRetryDelayMs: number;
  callbackTimeoutMs: number;
  /** Also POST a callback for the initial "submitted" status. */
  callbackOnSubmitted: boolean;
  /** Origin used in result URLs; default the emulator's own URL. */
  publicBaseUrl: string | null;
  /** Renders running at once (each is a child process plus ffmpeg). */
  renderConcurrency: number;
  /** Seconds of clock skew forgiven on JWT nbf/exp. */
  clockSkewSec: number;
  /** Where log lines go; null is silent. */
  logger: ((line: string) => void) | null;
}

export const DAY_MS = 24 * 60 * 60 * 1000;

export function resolveOptions(partial: Partial<EmulatorOptions> = {}): EmulatorOptions {
  const speed = partial.speed ?? "demo";
  if (!(speed in SPEED_PRESETS)) {
    throw new Error(
      `speed must be one of ${Object.keys(SPEED_PRESETS).join(", ")}; got ${JSON.stringify(speed)}`,
    );
  }
  const preset = SPEED_PRESETS[speed];
  const options: EmulatorOptions = {
    port: 4010,
    host: "127.0.0.1",
    accessKey: "",
    secretKey: "",
    apiKey: "",
    speed,
    submittedMs: preset.submittedMs,
    processingMs: preset.processingMs,
    seed: 1,
    stateFile: null,
    mediaDir: null,
    videoSize: "full",
    retentionMs: 30 * DAY_MS,
    concurrencyLimit: 5,
    balanceUnits: 1000,
    costsDelayMs: 0,
    blockedWords: [],
    contentPolicyMode: "reject",
    retiredModels: [],
    faultsEnabled: false,
    faults: [],
    webhookSecret: null,
    callbackRetries: 3,
    callbackRetryDelayMs: 1000,
    callbackTimeoutMs: 10_000,
    callbackOnSubmitted: false,
    publicBaseUrl: null,
    renderConcurrency: 1,
    clockSkewSec: 5,
    logger: null,
    ...withoutUndefined(partial),
  };
  // Unset credentials are made up, so a fresh emulator is never open to an empty bearer token.
  options.accessKey ||= `ak_${randomBytes(12).toString("hex")}`;
  options.secretKey ||= `sk_${randomBytes(24).toString("hex")}`;
  options.apiKey ||= `kling_${randomBytes(24).toString("hex")}`;
  checkOptions(options);
  return options;
}

function checkOptions(o: EmulatorOptions): void {
  integerIn("port", o.port, 0, 65535);
  integerIn("submittedMs", o.submittedMs, 0, DAY_MS);
  integerIn("processingMs", o.processingMs, 0, DAY_MS);
  integerIn("seed", o.seed, 0, Number.MAX_SAFE_INTEGER);
  integerIn("retentionMs", o.retentionMs, 1, 10 * 365 * DAY_MS);
  integerIn("concurrencyLimit", o.concurrencyLimit, 1, 10_000);
  integerIn("costsDelayMs", o.costsDelayMs, 0, 365 * DAY_MS);
  integerIn("callbackRetries", o.callbackRetries, 0, 100);
  integerIn("callbackRetryDelayMs", o.callbackRetryDelayMs, 0, 3_600_000);
  integerIn("callbackTimeoutMs", o.callbackTimeoutMs, 1, 600_000);
  integerIn("renderConcurrency", o.renderConcurrency, 1, 16);
  integerIn("clockSkewSec", o.clockSkewSec, 0, 3600);
  if (!(o.balanceUnits >= 0 && Number.isFinite(o.balanceUnits))) {
    throw new Error(`balanceUnits must be a number >= 0; got ${o.balanceUnits}`);
  }
  if (o.videoSize !== "full" && o.videoSize !== "small") {
    throw new Error(`videoSize must be "full" or "small"; got ${JSON.stringify(o.videoSize)}`);
  }
  if (o.contentPolicyMode !== "reject" && o.contentPolicyMode !== "fail") {
    throw new Error(
      `contentPolicyMode must be "reject" or "fail"; got ${JSON.stringify(o.contentPolicyMode)}`,
    );
  }
  if (o.webhookSecret !== null && !/^whsec_[A-Za-z0-9+/]+={0,2}$/.test(o.webhookSecret)) {
    throw new Error(
      `webhookSecret must look like "whsec_<base64>"; got "${o.webhookSecret.slice(0, 10)}..."`,
    );
  }
  if (o.publicBaseUrl !== null && !/^https?:\/\/[^/]+(\/.*)?$/.test(o.publicBaseUrl)) {
    throw new Error(`publicBaseUrl must be an http(s) URL; got ${JSON.stringify(o.publicBaseUrl)}`);
  }
  for (const rule of o.faults) checkRule(rule);
}

function integerIn(name: string, value: number, min: number, max: number): void {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new Error(`${name} must be an integer in [${min}, ${max}]; got ${JSON.stringify(value)}`);
  }
}

function withoutUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
