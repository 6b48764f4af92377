import { readFileSync } from "node:fs";
import path from "node:path";
import type { APIRequestContext } from "@playwright/test";

// Server actions invoked the way Next's client does: POST to a page that uses the action, the
// action id (from the build's server-reference manifest) in `Next-Action`, the argument array
// encoded as React's encodeReply does, and the browser's Origin. Nothing here imports the app.

const MANIFEST = path.join(import.meta.dirname, "../../../.next/server/server-reference-manifest.json");

type Manifest = { node: Record<string, { exportedName?: string; filename?: string }> };

/** The build's id for an exported action; read per call because the build happens at server start. */
export function actionId(exportedName: string): string {
  const manifest = JSON.parse(readFileSync(MANIFEST, "utf8")) as Manifest;
  const found = Object.entries(manifest.node).find(([, entry]) => entry.exportedName === exportedName);
  if (!found) throw new Error(`${exportedName} is not in the build's server-reference manifest`);
  return found[0];
}

export interface ActionAnswer {
  status: number;
  /** The action's ActionResult ({ok, error, field, …}), when the answer carried one. */
  result?: { ok: boolean; error?: string; field?: string; fieldErrors?: Record<string, string> };
  body: string;
}

/**
 * `args` are plain JSON (teamAction/viewerAction take one object): encodeReply sends them as a
 * JSON text body. `form` is for formAction (useActionState calls it with (previousState,
 * formData)): encodeReply sends a multipart body whose root "0" refers to the FormData as "$K1"
 * and whose fields are prefixed "1_".
 */
export async function callAction(
  request: APIRequestContext,
  baseURL: string,
  call: { page: string; action: string; args?: unknown[]; form?: Record<string, string> },
): Promise<ActionAnswer> {
  const headers = {
    "next-action": actionId(call.action),
    accept: "text/x-component",
    origin: baseURL,
  };
  const response = call.form
    ? await request.post(call.page, {
        headers,
        maxRedirects: 0,
        multipart: {
          "0": JSON.stringify(["$undefined", "$K1"]),
          ...Object.fromEntries(Object.entries(call.form).map(([key, value]) => [`1_${key}`, value])),
        },
      })
    : await request.post(call.page, {
        headers: { ...headers, "content-type": "text/plain;charset=UTF-8" },
        maxRedirects: 0,
        data: JSON.stringify(call.args ?? []),
      });
  const body = await response.text();
  return { status: response.status(), result: parseResult(body), body };
}

/** The RSC answer is `row:json` lines; the action's return value is the row holding `"ok":`. */
function parseResult(body: string): ActionAnswer["result"] {
  for (const line of body.split("\n")) {
    const json = line.slice(line.indexOf(":") + 1);
    if (!json.startsWith("{") || !json.includes('"ok":')) continue;
    try {
      const value = JSON.parse(json);
      if (typeof value?.ok === "boolean") return value;
    } catch {
      // Not a JSON row (a text chunk); keep looking.
    }
  }
  return undefined;
}
