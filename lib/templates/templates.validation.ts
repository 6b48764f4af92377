// Client-safe rules for the team prompt library: the template form, the "fill variables" form and
// the server all use these, so a bad template gets the same field message everywhere.
import { z } from "zod";
import { PROMPT_MAX } from "@/lib/generations/request";
import { storableString } from "@/lib/http/text";

export const TEMPLATE_NAME_MAX = 80;
export const VARIABLE_VALUE_MAX = 500;
/** A {variable}: a letter, then letters, digits, spaces, _ or -; up to 40 characters. */
const VARIABLE_PATTERN = /\{([A-Za-z][\w -]{0,39})\}/g;

/** The variables of a template prompt, in order of first appearance, each once. */
export function templateVariables(prompt: string): string[] {
  const names: string[] = [];
  for (const match of prompt.matchAll(VARIABLE_PATTERN)) {
    const name = match[1].trim();
    if (!names.includes(name)) names.push(name);
  }
  return names;
}

/** The prompt with every {variable} replaced by its value (a missing value leaves the {variable}). */
export function fillTemplate(prompt: string, values: Record<string, string>): string {
  return prompt.replace(VARIABLE_PATTERN, (whole, name: string) => values[name.trim()] ?? whole);
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
      }),
    negativePrompt: storableString("Negative prompt")
      .trim()
      .max(PROMPT_MAX, { error: `Negative prompt must be at most ${PROMPT_MAX} characters` })
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
    // Only variables the prompt really has keep a default; trimmed, empty ones are dropped.
    const defaults: Record<string, string> = {};
    for (const name of templateVariables(template.prompt)) {
      const value = template.defaults[name]?.trim();
      if (value) defaults[name] = value;
    }
    return { ...template, defaults };
  });
export type TemplateInput = z.input<typeof templateInputSchema>;

/** The values typed for a template's variables: each one required, and the result must fit Kling's limit. */
export function fillValuesSchema(prompt: string) {
  const names = templateVariables(prompt);
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
      const filled = fillTemplate(prompt, values as Record<string, string>);
      if (filled.length > PROMPT_MAX)
        context.addIssue({
          code: "custom",
          path: [names.at(-1) ?? "form"],
          message: `The filled prompt would have ${filled.length} characters; Kling takes at most ${PROMPT_MAX}`,
        });
    });
}
