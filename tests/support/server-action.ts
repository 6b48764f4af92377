import { readFileSync } from "node:fs";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "../..");

/**
 * Calls a server action of the built app over HTTP, as the browser's form does: POST to a page
 * that uses it with the action's id (from the build's manifest) and the arguments as JSON.
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

  return async (baseUrl: string, cookie: string, args: unknown[]): Promise<string> => {
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
    return text;
  };
}
