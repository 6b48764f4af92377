import { invalidParameter, type KlingError } from "./errors";

// Messages follow one shape so a developer can fix the request from the message alone:
// "<field> must <rule>; got <value>".
export function rejectField(field: string, rule: string, value: unknown): KlingError {
  return invalidParameter(`${field} must ${rule}; got ${describeValue(value)}`);
}

export function describeValue(value: unknown): string {
  if (value === undefined) return "nothing";
  if (typeof value === "string") {
    const shown = value.length > 60 ? `${value.slice(0, 57)}...` : value;
    return `"${shown}" (string)`;
  }
  if (typeof value === "number") return `${value} (number)`;
  const json = JSON.stringify(value) ?? String(value);
  const shown = json.length > 80 ? `${json.slice(0, 77)}...` : json;
  return Array.isArray(value) ? `array ${shown}` : `${value === null ? "" : `${typeof value} `}${shown}`;
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Length in Unicode code points, so an emoji counts as one character as a user would expect. */
export function characterCount(text: string): number {
  return [...text].length;
}

export function optionalString(
  body: Record<string, unknown>,
  field: string,
  maxChars: number,
): string | undefined {
  const value = body[field];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== "string") throw rejectField(field, "be a string", value);
  const count = characterCount(value);
  if (count > maxChars) {
    throw invalidParameter(`${field} must be at most ${maxChars} characters; got ${count} characters`);
  }
  return value;
}

export function optionalEnum<T extends string>(
  body: Record<string, unknown>,
  field: string,
  allowed: readonly T[],
): T | undefined {
  const value = body[field];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== "string" || !allowed.includes(value as T)) {
    throw rejectField(field, `be one of ${allowed.map((v) => `"${v}"`).join(", ")}`, value);
  }
  return value as T;
}

/**
 * Durations are strings in every official example ("5"); integer numbers are accepted too because
 * the real server is a Java service that coerces them (see README, "Choices").
 */
export function parseSeconds(field: string, value: unknown): number {
  const text = typeof value === "number" ? String(value) : value;
  if (typeof text !== "string" || !/^\d{1,3}$/.test(text)) {
    throw rejectField(field, 'be a whole number of seconds as a string such as "5"', value);
  }
  return Number(text);
}
