import { createServer, request as httpRequest } from "node:http";
import type { AddressInfo } from "node:net";

export interface RecordedCall {
  /** "list" is the poll tick's page of tasks; "probe" a health check's one-task list. */
  kind: "create" | "list" | "probe" | "query" | "other";
  startedAt: number;
  finishedAt: number | null;
  status: number | null;
  /** The caller hung up first (e.g. its process was killed): nobody acted on the answer. */
  aborted: boolean;
}

/**
 * A pass-through HTTP proxy in front of the Kling emulator that records every API call the studio
 * makes, so tests count creates and see overlapping polls from outside the studio's processes.
 */
export async function startKlingRecorder(target: string) {
  const upstream = new URL(target);
  const calls: RecordedCall[] = [];
  const server = createServer((incoming, outgoing) => {
    const url = new URL(incoming.url ?? "/", "http://recorder.invalid");
    const call: RecordedCall = {
      kind: classify(incoming.method ?? "GET", url),
      startedAt: performance.now(),
      finishedAt: null,
      status: null,
      aborted: false,
    };
    calls.push(call);
    const forward = httpRequest(
      {
        host: upstream.hostname,
        port: upstream.port,
        method: incoming.method,
        path: incoming.url,
        headers: { ...incoming.headers, host: upstream.host },
      },
      (answer) => {
        call.status = answer.statusCode ?? null;
        outgoing.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(outgoing);
        answer.on("end", () => {
          call.finishedAt ??= performance.now();
        });
      },
    );
    forward.on("error", () => {
      call.finishedAt ??= performance.now();
      outgoing.destroy();
    });
    outgoing.on("close", () => {
      if (!outgoing.writableFinished) call.aborted = true;
      call.finishedAt ??= performance.now();
    });
    incoming.pipe(forward);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    calls,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function classify(method: string, url: URL): RecordedCall["kind"] {
  const trimmed = url.pathname.replace(/\/+$/, "");
  if (trimmed === "/v1/videos/text2video") {
    if (method === "POST") return "create";
    return url.searchParams.get("pageSize") === "1" ? "probe" : "list";
  }
  if (trimmed.startsWith("/v1/videos/text2video/")) return "query";
  return "other";
}

/** Pairs of answered list calls whose lifetimes overlap: two pollers at once. */
export function overlappingLists(calls: RecordedCall[]) {
  const lists = calls
    .filter((call) => call.kind === "list" && !call.aborted && call.finishedAt !== null)
    .sort((a, b) => a.startedAt - b.startedAt);
  const overlaps: Array<[RecordedCall, RecordedCall]> = [];
  for (let index = 1; index < lists.length; index++) {
    const previous = lists[index - 1];
    if ((previous.finishedAt ?? 0) > lists[index].startedAt) overlaps.push([previous, lists[index]]);
  }
  return overlaps;
}
