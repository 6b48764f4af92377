// Kling's error codes (docs/KLING_API.md §7) mapped to what the studio should do about them.

export type KlingErrorKind =
  | "auth"
  | "account"
  | "balance"
  | "invalid_parameter"
  | "unknown_model"
  | "not_found"
  | "content_policy"
  | "rate_limit"
  | "concurrency"
  | "server"
  | "network"
  | "timeout"
  | "protocol";

/** never: a person must change something; backoff: try again later; slot: wait for a running task to end. */
export type RetryPolicy = "never" | "backoff" | "slot";

const RETRY: Record<KlingErrorKind, RetryPolicy> = {
  auth: "never",
  account: "never",
  balance: "never",
  invalid_parameter: "never",
  unknown_model: "never",
  not_found: "never",
  content_policy: "never",
  rate_limit: "backoff",
  concurrency: "slot",
  server: "backoff",
  network: "backoff",
  timeout: "backoff",
  protocol: "backoff",
};

export class KlingError extends Error {
  readonly retry: RetryPolicy;
  constructor(
    readonly kind: KlingErrorKind,
    message: string,
    readonly details: { httpStatus?: number; code?: number; field?: string; requestId?: string } = {},
  ) {
    super(message);
    this.name = "KlingError";
    this.retry = RETRY[kind];
  }

  /**
   * Whether a create that failed this way may nevertheless have created the task: no answer, or an
   * answer from behind Kling's front door (5xx). Such a create is never repeated before the task
   * has been looked up by its external_task_id.
   */
  get mayHaveCreated(): boolean {
    return (
      this.kind === "network" || this.kind === "timeout" || this.kind === "server" || this.kind === "protocol"
    );
  }
}

export function errorFromResponse(
  httpStatus: number,
  body: { code?: number; message?: string; request_id?: string } | null,
) {
  const code = body?.code;
  const message = body?.message || `HTTP ${httpStatus}`;
  const details = { httpStatus, code, requestId: body?.request_id };
  const kind = kindFor(httpStatus, code, message);
  const field = kind === "invalid_parameter" ? fieldNamed(message) : undefined;
  return new KlingError(kind, `Kling ${code ?? httpStatus}: ${message}`, { ...details, field });
}

function kindFor(httpStatus: number, code: number | undefined, message: string): KlingErrorKind {
  if (code === undefined) return httpStatus >= 500 ? "server" : "protocol";
  if (code >= 1000 && code <= 1004) return "auth";
  if (code === 1102) return "balance";
  if (code >= 1100 && code <= 1103) return "account";
  if (code === 1200 || code === 1201) return "invalid_parameter";
  if (code === 1203) return /model/i.test(message) ? "unknown_model" : "not_found";
  if (code === 1300 || code === 1301) return "content_policy";
  if (code === 1302) return "rate_limit";
  if (code === 1303) return "concurrency";
  if (code === 1304) return "account";
  if (code >= 5000) return "server";
  return "protocol";
}

const FIELDS = [
  "prompt",
  "negative_prompt",
  "model_name",
  "mode",
  "duration",
  "aspect_ratio",
  "cfg_scale",
  "sound",
  "camera_control",
  "external_task_id",
  "callback_url",
];

/** Kling names the field in free text ("camera_control.config must …"); find it when it does. */
function fieldNamed(message: string): string | undefined {
  const lower = message.toLowerCase();
  return (
    FIELDS.find((field) => lower.includes(field)) ?? (lower.includes("duration") ? "duration" : undefined)
  );
}
