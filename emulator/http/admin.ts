import type { IncomingMessage, ServerResponse } from "node:http";
import type { CallbackSender } from "../callbacks";
import type { CreatePostCounter } from "../create-posts";
import type { FaultRuleInput, Faults } from "../faults";
import type { TaskStore } from "../store";
import { readJsonBody, sendJson } from "./respond";

export const ADMIN_PREFIX = "/__emulator/";

/**
 * Test-only admin API (enabled by faultsEnabled). Plain JSON, no Kling envelope, no auth:
 *   GET    /__emulator/faults        list rules
 *   POST   /__emulator/faults        append a rule or an array of rules
 *   PUT    /__emulator/faults        replace all rules with the given array
 *   DELETE /__emulator/faults        remove all rules
 *   DELETE /__emulator/faults/{id}   remove one rule
 *   GET    /__emulator/tasks         internal task records
 *   GET    /__emulator/callbacks     recent callback delivery attempts
 *   GET    /__emulator/creates       create POSTs received per external_task_id
 *   POST   /__emulator/filler        {"count": N}: N finished tasks without rendering
 */
export async function handleAdmin(
  req: IncomingMessage,
  res: ServerResponse,
  pathname: string,
  parts: {
    faults: Faults;
    store: TaskStore;
    callbacks: CallbackSender;
    createPosts: CreatePostCounter;
    addFillerTasks: (count: number) => Promise<number>;
  },
): Promise<boolean> {
  const { faults, store, callbacks, createPosts } = parts;
  const route = pathname.slice(ADMIN_PREFIX.length).replace(/\/+$/, "");
  const method = req.method ?? "GET";
  try {
    if (route === "faults") {
      if (method === "GET") return reply(res, 200, { faults: faults.list() });
      if (method === "POST") {
        const body = (await readJsonBody(req)) as FaultRuleInput | FaultRuleInput[];
        for (const rule of Array.isArray(body) ? body : [body]) faults.add(rule);
        return reply(res, 200, { faults: faults.list() });
      }
      if (method === "PUT") {
        const body = await readJsonBody(req);
        if (!Array.isArray(body)) throw new Error("PUT /__emulator/faults needs an array of rules");
        faults.set(body as FaultRuleInput[]);
        return reply(res, 200, { faults: faults.list() });
      }
      if (method === "DELETE") {
        faults.clear();
        return reply(res, 200, { faults: [] });
      }
    }
    if (route.startsWith("faults/") && method === "DELETE") {
      const removed = faults.remove(route.slice("faults/".length));
      return reply(res, removed ? 200 : 404, { removed, faults: faults.list() });
    }
    if (route === "tasks" && method === "GET") return reply(res, 200, { tasks: store.all() });
    if (route === "callbacks" && method === "GET") return reply(res, 200, { attempts: callbacks.attempts });
    if (route === "creates" && method === "GET") return reply(res, 200, createPosts.counts());
    if (route === "filler" && method === "POST") {
      const count = (await readJsonBody(req)) as { count?: unknown };
      if (!Number.isInteger(count?.count) || (count.count as number) < 1 || (count.count as number) > 10_000)
        throw new Error(`filler count must be an integer in [1, 10000]; got ${JSON.stringify(count?.count)}`);
      return reply(res, 200, { added: await parts.addFillerTasks(count.count as number) });
    }
  } catch (error) {
    return reply(res, 400, { error: (error as Error).message });
  }
  return false;
}

function reply(res: ServerResponse, status: number, body: unknown): true {
  sendJson(res, status, body);
  return true;
}
