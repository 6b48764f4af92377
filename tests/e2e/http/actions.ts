import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import type { APIRequestContext } from "@playwright/test";
import { type ActionResultJson, actionResultOf } from "../../support/server-action";

// Server actions invoked the way Next's client does: POST to a page that uses the action, the
// action id (from the build's server-reference manifest) in `Next-Action`, the argument array
// encoded as React's encodeReply does, and the browser's Origin. Nothing here imports the app.

const MANIFEST = path.join(import.meta.dirname, "../../../.next/server/server-reference-manifest.json");

// React's own encoder, the one Next's client calls (app-call-server), so the body is byte for byte
// what a browser sends.
const { encodeReply } = createRequire(import.meta.url)(
  "next/dist/compiled/react-server-dom-webpack/client.edge.js",
) as { encodeReply: (value: unknown) => Promise<string | FormData> };

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
  result?: ActionResultJson;
  body: string;
}

/**
 * `args` go through encodeReply as they are (teamAction/viewerAction take one object: a JSON text
 * body). `form` is for formAction, which useActionState calls with (previousState, formData):
 * encodeReply turns that into a multipart body.
 */
export async function callAction(
  request: APIRequestContext,
  baseURL: string,
  call: { page: string; action: string; args?: unknown[]; form?: Record<string, string | string[]> },
): Promise<ActionAnswer> {
  const headers = { "next-action": actionId(call.action), accept: "text/x-component", origin: baseURL };
  let args = call.args ?? [];
  if (call.form) {
    const formData = new FormData();
    // A list is the same field sent several times, as a form with repeated names does.
    for (const [key, value] of Object.entries(call.form))
      for (const each of Array.isArray(value) ? value : [value]) formData.append(key, each);
    args = [undefined, formData];
  }
  const encoded = await encodeReply(args);
  const response =
    typeof encoded === "string"
      ? await request.post(call.page, {
          headers: { ...headers, "content-type": "text/plain;charset=UTF-8" },
          maxRedirects: 0,
          data: encoded,
        })
      : await request.post(call.page, {
          headers,
          maxRedirects: 0,
          // The FormData itself, not an object: the fields must precede the root "0" as in a
          // browser, since the server resolves the root as soon as it streams past it.
          multipart: encoded,
        });
  const body = await response.text();
  return { status: response.status(), result: actionResultOf(body), body };
}
