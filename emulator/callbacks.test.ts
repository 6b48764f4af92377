import { createHmac } from "node:crypto";
import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Emulator } from "./server";
import { call, createTask, startTestEmulator, waitForTask } from "./test-support";
import { verifyWebhook } from "./webhooks";

interface Received {
  path: string;
  headers: IncomingHttpHeaders;
  raw: string;
  // biome-ignore lint/suspicious/noExplicitAny: asserted field by field.
  body: any;
}

/** A real HTTP receiver; `failFirst` answers 500 to that many requests before accepting. */
let receiver: Server;
let receiverUrl: string;
const received: Received[] = [];
/** Every request, including the ones answered 500. */
const attempts: (Received & { answered: number })[] = [];
let failFirst = 0;

beforeAll(async () => {
  receiver = createServer((req, res) => {
    let raw = "";
    req.on("data", (chunk) => {
      raw += chunk;
    });
    req.on("end", () => {
      const entry = { path: req.url ?? "", headers: req.headers, raw, body: JSON.parse(raw) };
      const answered = failFirst > 0 ? 500 : 200;
      attempts.push({ ...entry, answered });
      if (answered === 500) {
        failFirst -= 1;
        res.writeHead(500).end("try again");
        return;
      }
      received.push(entry);
      res.writeHead(200).end("ok");
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
  receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => receiver.close(() => resolve())));

const SECRET = "whsec_dGVzdHNlY3JldHRlc3RzZWNyZXR0ZXN0c2VjcmV0MTI=";
const SHORT = { model_name: "kling-v3", duration: "3", prompt: "bad apple" };

function receivedFor(path: string) {
  return received.filter((entry) => entry.path === path);
}

async function waitForCallbacks(path: string, count: number, timeoutMs = 20_000) {
  const deadline = Date.now() + timeoutMs;
  while (receivedFor(path).length < count) {
    if (Date.now() > deadline)
      throw new Error(`only ${receivedFor(path).length} of ${count} callbacks at ${path}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  await new Promise((resolve) => setTimeout(resolve, 150));
  return receivedFor(path);
}

describe("callbacks (KLING_API.md §8)", () => {
  let emulator: Emulator;
  beforeAll(async () => {
    emulator = await startTestEmulator({ webhookSecret: SECRET, callbackRetryDelayMs: 50 });
  });
  afterAll(() => emulator.close());

  it("POSTs the bare task object on processing and succeed (not submitted), signed per Standard Webhooks", async () => {
    const path = "/hook/signed";
    const { task_id } = (
      await createTask(emulator, {
        model_name: "kling-v3",
        duration: "3",
        prompt: "a kite",
        external_task_id: "cb-1",
        callback_url: `${receiverUrl}${path}`,
      })
    ).body.data;
    const { task } = await waitForTask(emulator, task_id);
    const callbacks = await waitForCallbacks(path, 2);
    expect(callbacks.map((entry) => entry.body.task_status)).toEqual(["processing", "succeed"]);
    // Bare task object: no envelope, and the final one equals what a GET returns.
    expect(callbacks[1].body).not.toHaveProperty("code");
    expect(callbacks[1].body).not.toHaveProperty("request_id");
    expect(callbacks[1].body).toEqual(task);
    expect(callbacks[0].body).toMatchObject({
      task_id,
      task_status: "processing",
      task_result: {},
      task_info: { external_task_id: "cb-1" },
    });

    for (const entry of callbacks) {
      expect(entry.headers["content-type"]).toBe("application/json; charset=utf-8");
      const headers = {
        id: String(entry.headers["webhook-id"]),
        timestamp: String(entry.headers["webhook-timestamp"]),
        signature: String(entry.headers["webhook-signature"]),
      };
      expect(Math.abs(Number(headers.timestamp) - Date.now() / 1000)).toBeLessThan(30);
      expect(verifyWebhook(SECRET, headers, entry.raw)).toBe(true);
      // Independently of our verifier: HMAC-SHA256 over id.timestamp.body with the decoded secret.
      const key = Buffer.from(SECRET.slice("whsec_".length), "base64");
      const expected = createHmac("sha256", key)
        .update(`${headers.id}.${headers.timestamp}.${entry.raw}`)
        .digest("base64");
      expect(headers.signature).toBe(`v1,${expected}`);
    }
    expect(new Set(callbacks.map((entry) => entry.headers["webhook-id"])).size).toBe(2);
  });

  it("retries a failed delivery with the same webhook-id and body, then moves on in order", async () => {
    const path = "/hook/retry";
    failFirst = 1;
    // An injected task failure skips the render: only the callbacks matter here.
    emulator.faults.add({ kind: "task_failure", count: 1, message: "no render needed" });
    const body = { ...SHORT, callback_url: `${receiverUrl}${path}` };
    const { task_id } = (await createTask(emulator, body)).body.data;
    await waitForTask(emulator, task_id);
    const callbacks = await waitForCallbacks(path, 2);
    expect(callbacks.map((entry) => entry.body.task_status)).toEqual(["processing", "failed"]);
    const tries = attempts.filter((entry) => entry.path === path);
    expect(tries.map((entry) => [entry.body.task_status, entry.answered])).toEqual([
      ["processing", 500],
      ["processing", 200],
      ["failed", 200],
    ]);
    expect(tries[1].headers["webhook-id"]).toBe(tries[0].headers["webhook-id"]);
    expect(tries[1].raw).toBe(tries[0].raw);
  });

  it("a callback_failure fault drops an attempt, and the retry delivers it", async () => {
    const path = "/hook/fault";
    emulator.faults.add({ kind: "callback_failure", count: 1 });
    emulator.faults.add({ kind: "task_failure", count: 1 });
    const body = { ...SHORT, callback_url: `${receiverUrl}${path}` };
    const { task_id } = (await createTask(emulator, body)).body.data;
    await waitForTask(emulator, task_id);
    const callbacks = await waitForCallbacks(path, 2);
    expect(callbacks.map((entry) => entry.body.task_status)).toEqual(["processing", "failed"]);
    // The dropped attempt never reached the receiver.
    expect(attempts.filter((entry) => entry.path === path)).toHaveLength(2);
    expect(emulator.faults.list()).toEqual([]);
  });
});

describe("callback options", () => {
  it("without a webhook secret: no signature headers; callbackOnSubmitted adds the submitted callback", async () => {
    const emulator = await startTestEmulator({
      callbackOnSubmitted: true,
      blockedWords: ["forbidden"],
      contentPolicyMode: "fail",
    });
    try {
      const path = "/hook/unsigned";
      const { task_id } = (
        await createTask(emulator, {
          ...SHORT,
          prompt: "a forbidden thing",
          callback_url: `${receiverUrl}${path}`,
        })
      ).body.data;
      await waitForTask(emulator, task_id);
      const callbacks = await waitForCallbacks(path, 3);
      expect(callbacks.map((entry) => entry.body.task_status)).toEqual(["submitted", "processing", "failed"]);
      expect(callbacks[2].body).toMatchObject({ final_unit_deduction: "0", task_result: {} });
      expect(callbacks[2].body.task_status_msg).toMatch(/forbidden/);
      for (const entry of callbacks) expect(entry.headers).not.toHaveProperty("webhook-signature");
    } finally {
      await emulator.close();
    }
  });

  it("callbackRetries: 0 gives up after one failed attempt, and the admin log shows it", async () => {
    const emulator = await startTestEmulator({ callbackRetries: 0, faultsEnabled: true });
    try {
      const path = "/hook/no-retry";
      failFirst = 1;
      emulator.faults.add({ kind: "task_failure", count: 1 });
      const body = { ...SHORT, callback_url: `${receiverUrl}${path}` };
      const { task_id } = (await createTask(emulator, body)).body.data;
      await waitForTask(emulator, task_id);
      const callbacks = await waitForCallbacks(path, 1);
      expect(callbacks.map((entry) => entry.body.task_status)).toEqual(["failed"]);
      const log = await fetch(`${emulator.url}/__emulator/callbacks`).then((response) => response.json());
      expect(log.attempts.map((attempt: { outcome: string }) => attempt.outcome)).toEqual([
        "failed",
        "delivered",
      ]);
    } finally {
      await emulator.close();
    }
  });

  it("a task without callback_url sends nothing", async () => {
    const emulator = await startTestEmulator({ faultsEnabled: true, faults: [{ kind: "task_failure" }] });
    try {
      const { task_id } = (await createTask(emulator, SHORT)).body.data;
      await waitForTask(emulator, task_id);
      const log = await call(emulator, "GET", "/__emulator/callbacks");
      expect(log.body.attempts).toEqual([]);
    } finally {
      await emulator.close();
    }
  });
});
