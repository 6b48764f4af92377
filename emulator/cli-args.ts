import { CLI_OPTIONS, type CliOption } from "./cli-options";
import type { FaultRuleInput } from "./faults";
import type { EmulatorOptions } from "./options";

export interface ParsedCli {
  options: Partial<EmulatorOptions>;
  help: boolean;
  quiet: boolean;
}

/** Flags win over environment variables; both fail loudly on a bad value. */
export function parseCli(
  argv: readonly string[],
  env: Readonly<Record<string, string | undefined>>,
): ParsedCli {
  const options: Record<string, unknown> = {};
  const faults: FaultRuleInput[] = [];
  for (const spec of CLI_OPTIONS) {
    const raw = spec.env ? env[spec.env] : undefined;
    if (raw === undefined || raw === "") continue;
    const value = parseValue(spec, raw, `${spec.env}`);
    if (spec.kind === "faults") faults.push(...(value as FaultRuleInput[]));
    else options[spec.key] = value;
  }
  let help = false;
  let quiet = false;
  const flagFaults: FaultRuleInput[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === "--help" || arg === "-h") {
      help = true;
      continue;
    }
    if (arg === "--quiet") {
      quiet = true;
      continue;
    }
    const [flag, inline] = arg.includes("=")
      ? [arg.slice(0, arg.indexOf("=")), arg.slice(arg.indexOf("=") + 1)]
      : [arg, undefined];
    const spec = CLI_OPTIONS.find((candidate) => candidate.flag === flag);
    if (!spec) throw new Error(`unknown option ${arg}; run with --help to see the options`);
    if (spec.kind === "boolean" && inline === undefined) {
      options[spec.key] = true;
      continue;
    }
    const raw = inline ?? argv[++i];
    if (raw === undefined) throw new Error(`${flag} needs a value`);
    const value = parseValue(spec, raw, flag);
    if (spec.kind === "faults") flagFaults.push(...(value as FaultRuleInput[]));
    else options[spec.key] = value;
  }
  const allFaults = flagFaults.length > 0 ? flagFaults : faults;
  if (allFaults.length > 0) options.faults = allFaults;
  return { options: options as Partial<EmulatorOptions>, help, quiet };
}

export function helpText(): string {
  const rows = CLI_OPTIONS.map((spec) => {
    const value = spec.kind === "boolean" ? "" : spec.choices ? ` ${spec.choices.join("|")}` : " <value>";
    const left = `  ${spec.flag}${value}`;
    return `${left.padEnd(36)} ${spec.help}${spec.env ? `  [${spec.env}]` : ""}`;
  });
  return [
    "Kling emulator: a wire-compatible stand-in for the Kling text-to-video API that renders real MP4s.",
    "",
    "Usage: npm run emulator -- [options]",
    "",
    ...rows,
    `${"  --quiet".padEnd(36)} do not log requests`,
    `${"  --help".padEnd(36)} show this help`,
    "",
    "Durations accept ms, s, m, h, d suffixes (plain numbers are milliseconds).",
  ].join("\n");
}

function parseValue(spec: CliOption, raw: string, source: string): unknown {
  const fail = (rule: string) => new Error(`${source} must be ${rule}; got ${JSON.stringify(raw)}`);
  if (spec.choices && !spec.choices.includes(raw)) throw fail(`one of ${spec.choices.join(", ")}`);
  switch (spec.kind) {
    case "integer":
      if (!/^\d+$/.test(raw)) throw fail("a non-negative integer");
      return Number(raw);
    case "number":
      if (!/^\d+(\.\d+)?$/.test(raw)) throw fail("a non-negative number");
      return Number(raw);
    case "duration":
      return parseDuration(raw, fail);
    case "list":
      return raw
        .split(",")
        .map((item) => item.trim())
        .filter(Boolean);
    case "boolean":
      if (!/^(1|0|true|false|yes|no|on|off)$/i.test(raw)) throw fail("1/0, true/false, yes/no or on/off");
      return /^(1|true|yes|on)$/i.test(raw);
    case "faults":
      return raw
        .split(";")
        .map((rule) => rule.trim())
        .filter(Boolean)
        .map((rule) => parseFaultSpec(rule, fail));
    case "string":
      return raw;
  }
}

const DURATION_UNITS: Readonly<Record<string, number>> = {
  ms: 1,
  s: 1000,
  m: 60_000,
  h: 3_600_000,
  d: 86_400_000,
};

export function parseDuration(
  raw: string,
  fail: (rule: string) => Error = (rule) => new Error(`duration must be ${rule}; got ${JSON.stringify(raw)}`),
): number {
  const match = /^(\d+(?:\.\d+)?)(ms|s|m|h|d)?$/.exec(raw.trim());
  if (!match) throw fail("a duration such as 500ms, 10s, 5m, 12h or 30d");
  return Math.round(Number(match[1]) * DURATION_UNITS[match[2] ?? "ms"]);
}

/** "kind=http_500,scope=create,count=2,probability=0.5,latencyMs=300,lostAs=reset,message=..." */
function parseFaultSpec(spec: string, fail: (rule: string) => Error): FaultRuleInput {
  const rule: Record<string, unknown> = {};
  for (const part of spec.split(",")) {
    const [key, ...rest] = part.split("=");
    const value = rest.join("=").trim();
    if (!key || value === "") throw fail('a fault like "kind=http_500,scope=create,count=2"');
    rule[key.trim()] = ["count", "probability", "latencyMs"].includes(key.trim()) ? Number(value) : value;
  }
  if (!rule.kind) throw fail('a fault with a kind, like "kind=http_500"');
  return rule as unknown as FaultRuleInput;
}
