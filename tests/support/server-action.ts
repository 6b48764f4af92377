import { readFileSync } from "node:fs";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "../..");

/** What a teamAction answers: lib/errors.ts ActionResult, as JSON. */
export interface ActionResultJson {
  ok: boolean;
  data?: unknown;
  error?: string;
  field?: string;
  fieldErrors?: Record<string, string>;
}

/**
 * Calls a server action of the built app over HTTP, as the browser's form does: POST to a page
 * that uses it with the action's id (from the build's manifest) and the arguments as JSON.
 * Answers the action's own result, read out of the RSC stream.
 */
export function serverAction(exportedName: string) {
  const manifest = JSON.parse(
    readFileSync(path.join(root, ".next/server/server-reference-manifest.json"), "utf8"),
  ) as {
    node: Record<string, { workers: Record<string, unknown>; exportedName?: string }>;
  };
  const entry = Object.entries(manifest.node).find(([, action]) => action.exportedName === exportedName);
  if (!entry) throw new Error(`no server action ${exportedName} in the build`);
  const [actionId, action] = entry;
  const page = Object.keys(action.workers).find((worker) => !worker.includes("["));
  if (!page) throw new Error(`server action ${exportedName} is used by no static page`);
  const pagePath = `/${page
    .replace(/^app\//, "")
    .replace(/\(\w+\)\/?/g, "")
    .replace(/\/?page$/, "")}`;

  return async (baseUrl: string, cookie: string, args: unknown[]): Promise<ActionResultJson> => {
    const response = await fetch(`${baseUrl}${pagePath}`, {
      method: "POST",
      headers: {
        cookie,
        origin: baseUrl,
        accept: "text/x-component",
        "content-type": "text/plain;charset=UTF-8",
        "next-action": actionId,
      },
      body: JSON.stringify(args),
    });
    const text = await response.text();
    if (!response.ok)
      throw new Error(`${exportedName} via ${baseUrl}: HTTP ${response.status} ${text.slice(0, 300)}`);
    const result = actionResultOf(text);
    if (!result) throw new Error(`${exportedName} via ${baseUrl}: no action result in ${text.slice(0, 300)}`);
    return result;
  };
}

/**
 * The answer is React's flight stream: `row:json` lines, and text rows `row:T<hex byte length>,<text>`
 * with no newline after them (React outlines long strings so: a 5 kB field echoed back in a form's
 * `values`, which hid the result row when the stream was split at newlines). An action that
 * revalidates the page (Generate does) sends the page's new tree in the same answer, so the result
 * is found as the row holding an ActionResult, never by its position or a regex over the whole text.
 */
export function actionResultOf(body: string): ActionResultJson | undefined {
  for (const json of flightRows(Buffer.from(body, "utf8"))) {
    if (!json.startsWith("{") || !json.includes('"ok":')) continue;
    try {
      const value = JSON.parse(json);
      if (typeof value?.ok === "boolean") return value;
    } catch {
      // Not an ActionResult row; keep looking.
    }
  }
  return undefined;
}

/** The stream's JSON rows, text rows skipped by their byte length. */
function flightRows(raw: Buffer) {
  const rows: string[] = [];
  let at = 0;
  while (at < raw.length) {
    const colon = raw.indexOf(0x3a, at);
    if (colon < 0) break;
    if (raw[colon + 1] === 0x54 /* T */) {
      const comma = raw.indexOf(0x2c, colon);
      at = comma + 1 + Number.parseInt(raw.subarray(colon + 2, comma).toString("latin1"), 16);
      continue;
    }
    const newline = raw.indexOf(0x0a, colon);
    const end = newline < 0 ? raw.length : newline;
    rows.push(raw.subarray(colon + 1, end).toString("utf8"));
    at = end + 1;
  }
  return rows;
}
