/**
 * An error whose message is written for the person using the studio. Anything else is logged and
 * shown as a generic failure. `field` names the form field it concerns, when there is one.
 */
export class UserError extends Error {
  constructor(
    message: string,
    readonly options: { status?: 400 | 401 | 403 | 404 | 409 | 410 | 429; field?: string } = {},
  ) {
    super(message);
    this.name = "UserError";
  }
  get status() {
    return this.options.status ?? 400;
  }
  get field() {
    return this.options.field;
  }
}

export class UnauthenticatedError extends UserError {
  constructor(message = "Sign in to continue.") {
    super(message, { status: 401 });
  }
}

export class ForbiddenError extends UserError {
  constructor(message: string) {
    super(message, { status: 403 });
  }
}

export class NotFoundError extends UserError {
  constructor(message = "Not found.") {
    super(message, { status: 404 });
  }
}

/** What a server action returns: data, or an error message (with the field it belongs to). */
export type ActionResult<T = undefined> =
  | { ok: true; data: T }
  | {
      ok: false;
      error: string;
      field?: string;
      fieldErrors?: Record<string, string>;
      values?: Record<string, string>;
    };

/** First message per field, for forms. */
export function fieldErrors(error: {
  issues: Array<{ path: PropertyKey[]; message: string }>;
}): Record<string, string> {
  const result: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = fieldName(issue.path) || "form";
    // Own keys only: a field named like `constructor` (a template variable) is not already "set".
    if (!Object.hasOwn(result, key)) result[key] = issue.message;
  }
  return result;
}

/**
 * React resets a form after its action runs; failed submissions hand the typed values back so the
 * form can show them again. Passwords are never echoed.
 */
export function submittedValues(formData: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of formData) {
    if (typeof value === "string" && !key.startsWith("$") && !/password/i.test(key)) values[key] = value;
  }
  return values;
}

/** Runs an action body and turns user errors into results; unexpected errors are logged, never shown. */
export async function toActionResult<T>(run: () => Promise<T>): Promise<ActionResult<T>> {
  try {
    return { ok: true, data: await run() };
  } catch (error) {
    if (error instanceof UserError) return { ok: false, error: error.message, field: error.field };
    if (isNextControlFlow(error)) throw error;
    console.error(error);
    return { ok: false, error: "Something went wrong on our side. Please try again." };
  }
}

// redirect() and notFound() work by throwing; they must pass through.
function isNextControlFlow(error: unknown) {
  const digest = (error as { digest?: unknown } | null)?.digest;
  return (
    typeof digest === "string" &&
    (digest.startsWith("NEXT_REDIRECT") || digest.startsWith("NEXT_HTTP_ERROR_FALLBACK"))
  );
}

/** ["shots", 2, "duration"] -> "shots[2].duration": the field name a form and an API client see. */
export function fieldName(path: readonly PropertyKey[]): string {
  return path
    .map((part, index) => (typeof part === "number" ? `[${part}]` : `${index ? "." : ""}${String(part)}`))
    .join("");
}
