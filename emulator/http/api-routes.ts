import type { RouteKind } from "../faults";

export interface ApiRoute {
  kind: RouteKind;
  /** The task id or external id from the path, for the single-task query. */
  pathId?: string;
}

export type RouteMatch = { route: ApiRoute } | { wrongMethod: string } | { unknown: true };

const TEXT2VIDEO = "/v1/videos/text2video";

/** Maps method + path to an API route (KLING_API.md §4, §5, §13.1). */
export function matchApiRoute(method: string, pathname: string, query: URLSearchParams): RouteMatch {
  const path = pathname.length > 1 ? pathname.replace(/\/+$/, "") : pathname;
  if (path === TEXT2VIDEO) {
    if (method === "POST") return { route: { kind: "create" } };
    if (method === "GET") return { route: { kind: query.has("external_task_id") ? "query" : "list" } };
    return { wrongMethod: `${method} ${TEXT2VIDEO} (use POST to create, GET to list)` };
  }
  if (path.startsWith(`${TEXT2VIDEO}/`)) {
    const id = safeDecode(path.slice(TEXT2VIDEO.length + 1));
    if (id.includes("/")) return { unknown: true };
    if (method === "GET") return { route: { kind: "query", pathId: id } };
    return { wrongMethod: `${method} ${TEXT2VIDEO}/{id} (use GET)` };
  }
  if (path === "/account/costs") {
    if (method === "GET") return { route: { kind: "account" } };
    return { wrongMethod: `${method} /account/costs (use GET)` };
  }
  return { unknown: true };
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
