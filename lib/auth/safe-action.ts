import "server-only";
import { z } from "zod";
import type { Permission } from "@/lib/auth/permissions";
import { getViewer, requireTeam, type TeamContext, type Viewer } from "@/lib/auth/session";
import {
  type ActionResult,
  fieldErrors,
  fieldName,
  submittedValues,
  toActionResult,
  UnauthenticatedError,
  UserError,
} from "@/lib/errors";
import { idSchema } from "@/lib/validation";

const teamScopeSchema = z.object({ teamId: idSchema });

// The one way a server action is written: parse the input with its zod schema, resolve who is
// calling (and refuse with 401/403), run the business function, and shape the result. No action
// reads or coerces its arguments by hand.

/**
 * What every team-scoped action carries besides its own fields: the team the page was rendered
 * for (components/team-scope.tsx adds it).
 */
export interface TeamScope {
  teamId: string;
}

/** A schema, or a function building one per call (e.g. from the catalog in effect). */
type SchemaSource<S extends z.ZodType> = S | (() => S);

type Handler<S extends z.ZodType, C, R> = (input: z.output<S>, context: C) => Promise<R>;

/** An action for a member of the current team whose role has `permission` (any member when null). */
export function teamAction<S extends z.ZodType, R>(
  schema: SchemaSource<S>,
  permission: Permission | null,
  handler: Handler<S, TeamContext, R>,
) {
  return (input: z.input<S> & TeamScope): Promise<ActionResult<R>> =>
    run(schema, input, () => requireRenderedTeam(input, permission), handler);
}

/** An action for anyone signed in, team or not (creating or switching teams, accepting an invitation). */
export function viewerAction<S extends z.ZodType, R>(
  schema: SchemaSource<S>,
  handler: Handler<S, Viewer, R>,
) {
  return (input: z.input<S>): Promise<ActionResult<R>> => run(schema, input, requireViewer, handler);
}

/** An action anyone may call (setting up the studio, signing in). */
export function publicAction<S extends z.ZodType, R>(
  schema: SchemaSource<S>,
  handler: Handler<S, undefined, R>,
) {
  return (input: z.input<S>): Promise<ActionResult<R>> => run(schema, input, async () => undefined, handler);
}

/**
 * The same action behind a `<form action>` (useActionState): the fields come from the FormData,
 * a failure reports every field's message and hands back what was typed (never passwords).
 */
export function formAction<Input, R>(action: (input: Input) => Promise<ActionResult<R>>) {
  return async (_previous: unknown, formData: FormData): Promise<ActionResult<R>> => {
    // The action's schema parses these strings; nothing reads them unparsed.
    const result = await action(Object.fromEntries(formData) as Input);
    if (result.ok) return result;
    return {
      ...result,
      error: result.fieldErrors ? "Check the highlighted fields" : result.error,
      values: submittedValues(formData),
    };
  };
}

async function run<S extends z.ZodType, C, R>(
  source: SchemaSource<S>,
  input: unknown,
  resolve: () => Promise<C>,
  handler: Handler<S, C, R>,
): Promise<ActionResult<R>> {
  const schema = typeof source === "function" ? source() : source;
  const parsed = schema.safeParse(input);
  if (!parsed.success) {
    const [first] = parsed.error.issues;
    return {
      ok: false,
      error: first.message,
      field: first.path.length ? fieldName(first.path) : undefined,
      fieldErrors: fieldErrors(parsed.error),
    };
  }
  return toActionResult(async () => handler(parsed.data, await resolve()));
}

/**
 * Note: the action runs for the team the page showed, never for whatever team the session has
 * switched to since (another tab), so a Generate click is billed to the team on screen; and it is
 * refused when the caller is no longer a member there with the needed role.
 */
async function requireRenderedTeam(input: unknown, permission: Permission | null) {
  const scope = teamScopeSchema.safeParse(input);
  if (!scope.success) {
    throw new UserError("teamId: the team this page was shown for is missing; reload the page.", {
      status: 400,
      field: "teamId",
    });
  }
  return requireTeam(permission ?? undefined, scope.data.teamId);
}

async function requireViewer() {
  const viewer = await getViewer();
  if (!viewer) throw new UnauthenticatedError();
  return viewer;
}
