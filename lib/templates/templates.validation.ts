// Client-safe rules for the team prompt library: the template form, the "fill variables" form and
// the server all use these, so a bad template gets the same field message everywhere.
import { z } from "zod";
import { PROMPT_MAX } from "@/lib/generations/request";
import { storableString } from "@/lib/http/text";

export const TEMPLATE_NAME_MAX = 80;
export const VARIABLE_VALUE_MAX = 500;
export const VARIABLE_NAME_MAX = 40;
/** A {variable}: a letter, then letters, digits or _; at most 40 characters. */
const VARIABLE_PATTERN = /\{([A-Za-z][A-Za-z0-9_]{0,39})\}/g;
const VARIABLE_NAME = /^[A-Za-z][A-Za-z0-9_]*$/;
const VARIABLE_RULE = `names start with a letter and use letters, digits and _ (at most ${VARIABLE_NAME_MAX})`;

/**
 * The variables of a template (its prompt, then its negative prompt), in order of first
 * appearance, each once: one list to ask for, whichever text a variable is in.
 */
export function templateVariables(...texts: string[]): string[] {
  const names: string[] = [];
  for (const text of texts)
    for (const match of text.matchAll(VARIABLE_PATTERN)) if (!names.includes(match[1])) names.push(match[1]);
  return names;
}

/** The text with every {variable} replaced by its value (a missing value leaves the {variable}). */
export function fillTemplate(text: string, values: Record<string, string>): string {
  return text.replace(VARIABLE_PATTERN, (whole, name: string) => ownValue(values, name) ?? whole);
}

/**
 * Why a template text's braces are wrong, or null: every "{" must close into a {variable} before
 * any other brace, and no "}" may stand alone. Otherwise `{1x}` or a forgotten "}" would go to
 * Kling as literal text instead of being asked for.
 */
export function braceProblem(label: string, text: string): string | null {
  for (let at = 0; at < text.length; at++) {
    if (text[at] === "}")
      return `${label}: "}" at character ${at + 1} has no "{" before it: braces only wrap a variable, as in {subject}`;
    if (text[at] !== "{") continue;
    const close = text.indexOf("}", at + 1);
    const open = text.indexOf("{", at + 1);
    if (close === -1 || (open !== -1 && open < close)) {
      const until = close === -1 ? "is never closed" : `is not closed before the next "{"`;
      return `${label}: "{" at character ${at + 1} ${until} (${quoted(text.slice(at, open === -1 ? undefined : open))}): write each variable as {name}`;
    }
    const name = text.slice(at + 1, close);
    if (!VARIABLE_NAME.test(name) || name.length > VARIABLE_NAME_MAX) {
      const length = name.length > VARIABLE_NAME_MAX ? `; this one has ${name.length}` : "";
      const token = name.length > 50 ? `{${Array.from(name).slice(0, 45).join("")}…}` : `{${name}}`;
      return `${label}: "${token}" is not a variable: ${VARIABLE_RULE}${length}`;
    }
    at = close;
  }
  return null;
}

/** A piece of the text in quotes, cut short so a message stays readable. */
function quoted(piece: string) {
  const chars = Array.from(piece);
  return `"${chars.length > 50 ? `${chars.slice(0, 45).join("")}…` : piece}"`;
}

/** The value a record holds for a key of its own (never one inherited, like `constructor`). */
export function ownValue(record: Record<string, string>, key: string): string | undefined {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}

function bracesCheck(label: string) {
  return (text: string, context: z.RefinementCtx) => {
    const problem = braceProblem(label, text);
    if (problem) context.addIssue({ code: "custom", message: problem, input: text });
  };
}

export const templateInputSchema = z
  .object({
    name: storableString("Name", { error: "Name is required" })
      .trim()
      .min(1, { error: "Name is required" })
      .max(TEMPLATE_NAME_MAX, {
        error: (issue) =>
          `Name must be at most ${TEMPLATE_NAME_MAX} characters; got ${String(issue.input).length}`,
      }),
    prompt: storableString("Prompt", { error: "Prompt is required" })
      .trim()
      .min(1, { error: "Prompt is required" })
      .max(PROMPT_MAX, {
        error: (issue) =>
          `Prompt must be at most ${PROMPT_MAX} characters; got ${String(issue.input).length}`,
      })
      .superRefine(bracesCheck("Prompt")),
    negativePrompt: storableString("Negative prompt")
      .trim()
      .max(PROMPT_MAX, { error: `Negative prompt must be at most ${PROMPT_MAX} characters` })
      .superRefine(bracesCheck("Negative prompt"))
      .default(""),
    defaults: z
      .record(
        storableString("A variable name"),
        storableString("A default").max(VARIABLE_VALUE_MAX, {
          error: `A default must be at most ${VARIABLE_VALUE_MAX} characters`,
        }),
      )
      .default({}),
  })
  .transform((template) => {
    // Only variables the prompt or negative prompt really has keep a default; trimmed, empty ones
    // are dropped.
    const defaults: Record<string, string> = {};
    for (const name of templateVariables(template.prompt, template.negativePrompt)) {
      const value = ownValue(template.defaults, name)?.trim();
      if (value) defaults[name] = value;
    }
    return { ...template, defaults };
  });
export type TemplateInput = z.input<typeof templateInputSchema>;

/**
 * The values typed for a template's variables (of its prompt and negative prompt, each asked
 * once): each one required, and both filled texts must fit Kling's limit.
 */
export function fillValuesSchema(template: { prompt: string; negativePrompt: string }) {
  const names = templateVariables(template.prompt, template.negativePrompt);
  return z
    .object(
      Object.fromEntries(
        names.map((name) => [
          name,
          z
            .string({ error: `${name} is required` })
            .trim()
            .min(1, { error: `${name} is required` })
            .max(VARIABLE_VALUE_MAX, { error: `${name} must be at most ${VARIABLE_VALUE_MAX} characters` }),
        ]),
      ),
    )
    .superRefine((values, context) => {
      const texts = [
        ["prompt", template.prompt],
        ["negative prompt", template.negativePrompt],
      ] as const;
      for (const [label, text] of texts) {
        const filled = fillTemplate(text, values as Record<string, string>);
        if (filled.length > PROMPT_MAX)
          context.addIssue({
            code: "custom",
            // At the last variable of that text: the one most likely to have made it too long.
            path: [templateVariables(text).at(-1) ?? "form"],
            message: `The filled ${label} would have ${filled.length} characters; Kling takes at most ${PROMPT_MAX}`,
          });
      }
    });
}
