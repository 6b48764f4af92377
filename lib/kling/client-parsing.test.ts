import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { KlingClient } from "@/lib/kling/client";

// A tiny Kling stand-in answering fixed bodies: how the client reads a list and a failed lookup.
const task = (id: string) => ({
  task_id: id,
  task_status: "processing",
  task_info: {},
  created_at: 1,
  updated_at: 2,
});
let server: Server;
let client: KlingClient;

beforeAll(async () => {
  server = createServer((req, res) => {
    const send = (status: number, body: unknown) => {
      res.writeHead(status, { "content-type": "application/json" });
      res.end(JSON.stringify(body));
    };
    if (req.url?.startsWith("/v1/videos/text2video?"))
      return send(200, { code: 0, data: [task("1"), { task_id: "2", task_status: "exploded" }, task("3")] });
    // Kling's 1203 with a message that mentions a model, on a lookup by external id.
    send(400, { code: 1203, message: "model or task not found" });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  client = new KlingClient({ baseUrl: base, credentials: { apiKey: "k" } });
});
afterAll(() => new Promise((resolve) => server.close(resolve)));

describe("KlingClient", () => {
  it("parses the list per item: a malformed task is skipped and reported, the rest used", async () => {
    const { tasks, skipped } = await client.listTasks();
    expect(tasks.map((one) => one.task_id)).toEqual(["1", "3"]);
    expect(skipped).toHaveLength(1);
    expect(skipped[0]).toMatch(/^item 1 \(task 2\): task_status: /);
  });

  it("reads 1203 on a lookup as no such task, whatever the message says", async () => {
    expect(await client.findByExternalId("some-generation")).toBeNull();
  });
});
