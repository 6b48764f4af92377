import type { SeededRandom } from "./prng";

export const FAULT_KINDS = [
  "http_500",
  "http_503",
  "http_504",
  "http_404",
  "rate_limit",
  "latency",
  "reset",
  "response_lost",
  "callback_failure",
  "task_failure",
  "link_expired",
  "stall",
] as const;
export type FaultKind = (typeof FAULT_KINDS)[number];

export const FAULT_SCOPES = ["create", "query", "list", "account", "media", "all"] as const;
export type FaultScope = (typeof FAULT_SCOPES)[number];
/**
 * The route kinds a request can belong to. Scope "all" matches every API route but not "media":
 * the result files are Kling's CDN, a different host, and fail on their own.
 */
export type RouteKind = Exclude<FaultScope, "all">;

export interface FaultRuleInput {
  kind: FaultKind;
  /** Which API routes the rule matches; default "all". Not used by callback_failure and task_failure. */
  scope?: FaultScope;
  /** Fire on the next N matches, then retire. Without count (and without probability) a rule fires forever. */
  count?: number;
  /** Fire on each match with this probability (seeded PRNG). Combined with count: at most N firings. */
  probability?: number;
  /** For "latency": added delay in ms (default 1000). */
  latencyMs?: number;
  /** For "response_lost": after creating/answering, return 504/5002 (default) or reset the socket. */
  lostAs?: "504" | "reset";
  /** For "task_failure": the task_status_msg of the failed task. */
  message?: string;
  /**
   * Scope "media" only: `count` applies to each result file separately ("503 six times, then
   * 200" for every video), instead of to all requests together.
   */
  eachTarget?: boolean;
}

export interface FaultRule extends FaultRuleInput {
  id: string;
  scope: FaultScope;
  /** How many times the rule has fired. */
  fired: number;
  /** With eachTarget: firings per target. */
  firedFor?: Record<string, number>;
}

/** Programmatic twin of the /__emulator/faults admin endpoint. */
export interface FaultController {
  /** Appends one rule; returns it with its id. */
  add(rule: FaultRuleInput): FaultRule;
  /** Replaces every rule. */
  set(rules: FaultRuleInput[]): FaultRule[];
  list(): FaultRule[];
  remove(id: string): boolean;
  clear(): void;
}

/** What the router must do to one request. */
export interface RequestFaults {
  latencyMs: number;
  /** The terminating fault, if any: answer with an error, reset, or lose the response. */
  action: FaultRule | null;
}

export class Faults implements FaultController {
  private rules: FaultRule[] = [];
  private nextId = 1;

  constructor(private readonly random: SeededRandom) {}

  add(input: FaultRuleInput): FaultRule {
    const rule: FaultRule = { ...checkRule(input), id: String(this.nextId++), fired: 0 };
    this.rules.push(rule);
    return { ...rule };
  }

  set(inputs: FaultRuleInput[]): FaultRule[] {
    const checked = inputs.map(checkRule);
    this.rules = [];
    return checked.map((rule) => this.add(rule));
  }

  list(): FaultRule[] {
    return this.rules.map((rule) => ({ ...rule }));
  }

  remove(id: string): boolean {
    const before = this.rules.length;
    this.rules = this.rules.filter((rule) => rule.id !== id);
    return this.rules.length !== before;
  }

  clear(): void {
    this.rules = [];
  }

  /** Decides, and consumes, the faults for one request of the given route kind (and target file). */
  forRequest(route: RouteKind, target?: string): RequestFaults {
    let latencyMs = 0;
    let action: FaultRule | null = null;
    for (const rule of this.matching(route)) {
      if (rule.kind === "latency") {
        if (this.fires(rule, target)) latencyMs += rule.latencyMs ?? 1000;
      } else if (!action && this.fires(rule, target)) {
        action = { ...rule };
      }
    }
    this.retireSpent();
    return { latencyMs, action };
  }

  /** True when the next callback delivery attempt must fail. */
  failCallback(): boolean {
    return this.takeSpecial("callback_failure") !== null;
  }

  /** A task_status_msg when the task being created must fail, else null. */
  failTask(): string | null {
    const rule = this.takeSpecial("task_failure");
    return rule
      ? (rule.message ?? "Video generation failed due to an internal error (injected fault)")
      : null;
  }

  private takeSpecial(kind: "callback_failure" | "task_failure"): FaultRule | null {
    const rule = this.rules.find((candidate) => candidate.kind === kind && this.fires(candidate));
    this.retireSpent();
    return rule ? { ...rule } : null;
  }

  private matching(route: RouteKind): FaultRule[] {
    return this.rules.filter(
      (rule) =>
        rule.kind !== "callback_failure" &&
        rule.kind !== "task_failure" &&
        (rule.scope === route || (rule.scope === "all" && route !== "media")),
    );
  }

  /** Rolls the dice (only for probabilistic rules, so next-N rules never consume randomness). */
  private fires(rule: FaultRule, target?: string): boolean {
    const perTarget = rule.eachTarget && target !== undefined;
    if (perTarget && rule.count !== undefined && (rule.firedFor?.[target] ?? 0) >= rule.count) return false;
    if (rule.probability !== undefined && this.random.next() >= rule.probability) return false;
    rule.fired += 1;
    if (perTarget) {
      rule.firedFor ??= {};
      rule.firedFor[target] = (rule.firedFor[target] ?? 0) + 1;
    }
    return true;
  }

  /** Per-target rules never retire: every new file gets its own count. */
  private retireSpent(): void {
    this.rules = this.rules.filter(
      (rule) => rule.eachTarget || rule.count === undefined || rule.fired < rule.count,
    );
  }
}

/** Validates a rule from a flag, the admin endpoint or code, naming the field, value and rule. */
export function checkRule(input: FaultRuleInput): FaultRuleInput & { scope: FaultScope } {
  if (typeof input !== "object" || input === null) {
    throw new Error(`fault rule must be an object; got ${JSON.stringify(input)}`);
  }
  if (!FAULT_KINDS.includes(input.kind)) {
    throw new Error(`fault kind must be one of ${FAULT_KINDS.join(", ")}; got ${JSON.stringify(input.kind)}`);
  }
  const scope = input.scope ?? "all";
  if (!FAULT_SCOPES.includes(scope)) {
    throw new Error(
      `fault scope must be one of ${FAULT_SCOPES.join(", ")}; got ${JSON.stringify(input.scope)}`,
    );
  }
  if (input.count !== undefined && (!Number.isInteger(input.count) || input.count < 1)) {
    throw new Error(`fault count must be a positive integer; got ${JSON.stringify(input.count)}`);
  }
  const p = input.probability;
  if (p !== undefined && (typeof p !== "number" || !(p >= 0 && p <= 1))) {
    throw new Error(`fault probability must be a number in [0, 1]; got ${JSON.stringify(p)}`);
  }
  const latency = input.latencyMs;
  if (latency !== undefined && (!Number.isInteger(latency) || latency < 0 || latency > 600_000)) {
    throw new Error(`fault latencyMs must be an integer in [0, 600000]; got ${JSON.stringify(latency)}`);
  }
  if (input.lostAs !== undefined && input.lostAs !== "504" && input.lostAs !== "reset") {
    throw new Error(`fault lostAs must be "504" or "reset"; got ${JSON.stringify(input.lostAs)}`);
  }
  if (input.eachTarget !== undefined && (typeof input.eachTarget !== "boolean" || input.scope !== "media")) {
    throw new Error(
      `fault eachTarget must be a boolean, with scope "media"; got ${JSON.stringify(input.eachTarget)}`,
    );
  }
  if (input.message !== undefined && typeof input.message !== "string") {
    throw new Error(`fault message must be a string; got ${JSON.stringify(input.message)}`);
  }
  return { ...input, scope };
}
