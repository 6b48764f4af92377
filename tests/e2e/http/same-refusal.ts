import type { APIResponse } from "@playwright/test";
import type { ActionAnswer } from "./actions";

// "A refusal reveals nothing": another team's real id must get the answer a random nonexistent id
// gets: the same status, content type, redirect and body, once ids and per-response nonces are
// written out of both.

export const NONEXISTENT = "cmatrixnonexistent000000";

export interface Comparison {
  surface: string;
  caller: string;
  same: boolean;
  real: string;
  missing: string;
}

function normalize(text: string, ids: string[]) {
  let result = text;
  for (const id of [...ids, NONEXISTENT].filter(Boolean).sort((a, b) => b.length - a.length))
    result = result.replaceAll(id, ":id").replaceAll(encodeURIComponent(id), ":id");
  // CSP nonces differ per response.
  return result.replace(/nonce="[^"]*"/g, 'nonce=""').replace(/(\\?"nonce\\?":\\?")[^"\\]*/g, "$1");
}

/**
 * A page by what it shows: its visible text, title included. The flight data inlined after it
 * carries the same content, but Next streams its rows (module references, chunk ids) in whatever
 * order they resolve, so two renders of one page differ byte for byte.
 */
function shown(contentType: string, body: string) {
  if (!contentType.startsWith("text/html")) return body;
  return body
    .replace(/<script\b[^>]*>[\s\S]*?<\/script>/g, " ")
    .replace(/<style\b[^>]*>[\s\S]*?<\/style>/g, " ")
    .replace(/<[^>]+>/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}

export async function describeResponse(response: APIResponse, ids: string[]) {
  const headers = response.headers();
  return normalize(
    [
      response.status(),
      headers["content-type"] ?? "",
      headers.location ?? "",
      headers["x-action-redirect"] ?? "",
      shown(headers["content-type"] ?? "", await response.text()),
    ].join("\n"),
    ids,
  );
}

export function describeAnswer(answer: ActionAnswer, ids: string[]) {
  // The action's result object (ok, error, field): the RSC rows around it are the page's own.
  return normalize(`${answer.status}\n${JSON.stringify(answer.result ?? answer.body)}`, ids);
}

export function compare(surface: string, caller: string, real: string, missing: string): Comparison {
  // Where they part, with some context: whole pages would bury the difference.
  let at = 0;
  while (at < real.length && real[at] === missing[at]) at++;
  const around = (text: string) => text.slice(Math.max(0, at - 150), at + 150);
  return { surface, caller, same: real === missing, real: around(real), missing: around(missing) };
}
