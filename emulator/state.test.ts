import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { call, createTask, startTestEmulator, tempDir, waitForTask } from "./test-support";

describe("state file: a restart loses nothing", () => {
  it("keeps finished tasks and their files, resumes unfinished ones, and keeps the balance", async () => {
    const dir = await tempDir("emulator-state-");
    const stateFile = path.join(dir, "kling-state.json");
    const credentials = { accessKey: "ak", secretKey: "sk", apiKey: "key" };
    const first = await startTestEmulator({ ...credentials, stateFile, submittedMs: 0, processingMs: 0 });
    const done = (
      await createTask(first, { model_name: "kling-v3", duration: "3", prompt: "before restart" })
    ).body.data;
    const finished = (await waitForTask(first, done.task_id)).task;
    await first.close();
    // A second run with a slow queue leaves a task in "submitted" when it stops.
    const slow = await startTestEmulator({ ...credentials, stateFile, submittedMs: 3_600_000 });
    const pendingBody = {
      model_name: "kling-v3",
      duration: "3",
      prompt: "pending",
      external_task_id: "resume-me",
    };
    const pending = (await createTask(slow, pendingBody)).body.data;
    await slow.close();

    const saved = JSON.parse(await readFile(stateFile, "utf8"));
    const statuses = Object.fromEntries(
      saved.tasks.map((task: { taskId: string; status: string }) => [task.taskId, task.status]),
    );
    expect(statuses).toEqual({ [done.task_id]: "succeed", [pending.task_id]: "submitted" });
    expect((await readdir(dir)).sort()).toEqual(["kling-state-media", "kling-state.json"]);

    const second = await startTestEmulator({
      ...credentials,
      stateFile,
      submittedMs: 200,
      processingMs: 200,
    });
    try {
      expect(second.mediaDir).toBe(path.join(dir, "kling-state-media"));
      const again = (await call(second, "GET", `/v1/videos/text2video/${done.task_id}`)).body.data;
      expect(again.task_status).toBe("succeed");
      expect(again.created_at).toBe(finished.created_at);
      // The URL now points at the new server, and the file rendered before the restart is served.
      const video = await fetch(again.task_result.videos[0].url);
      expect(video.status).toBe(200);
      expect(again.task_result.videos[0].url.startsWith(second.url)).toBe(true);

      const resumed = await waitForTask(second, "resume-me");
      expect(resumed.task.task_status).toBe("succeed");
      expect((await fetch(resumed.task.task_result.videos[0].url)).status).toBe(200);

      // Ids stay unique even though the seed (and so the id sequence) starts over.
      const third = (
        await createTask(second, { prompt: "after restart", model_name: "kling-v3", duration: "3" })
      ).body.data;
      expect(new Set([done.task_id, pending.task_id, third.task_id]).size).toBe(3);

      const costs = await call(second, "GET", `/account/costs?start_time=0&end_time=${Date.now() + 1000}`);
      expect(costs.body.data.resource_pack_subscribe_infos[0].remaining_quantity).toBe(1000 - 3 * 1.8);
      expect(await readdir(dir)).not.toContain(expect.stringMatching(/\.tmp$/));
    } finally {
      await second.close();
    }
  });

  it("resumes a task that was processing, rendering its video if it was not finished", async () => {
    const dir = await tempDir("emulator-state-");
    const stateFile = path.join(dir, "state.json");
    const first = await startTestEmulator({ stateFile, submittedMs: 0, processingMs: 3_600_000 });
    const created = (await createTask(first, { model_name: "kling-v3", duration: "3", prompt: "mid-flight" }))
      .body.data;
    await waitForTask(first, created.task_id, ["processing"]);
    await first.close();
    const saved = JSON.parse(await readFile(stateFile, "utf8"));
    expect(saved.tasks[0].status).toBe("processing");

    const second = await startTestEmulator({
      stateFile,
      submittedMs: 0,
      processingMs: 100,
      apiKey: first.apiKey,
    });
    try {
      const { task } = await waitForTask(second, created.task_id);
      expect(task.task_status).toBe("succeed");
      expect((await fetch(task.task_result.videos[0].url)).status).toBe(200);
    } finally {
      await second.close();
    }
  });

  it("refuses a state file that is not an emulator state, naming the file", async () => {
    const dir = await tempDir("emulator-state-");
    const stateFile = path.join(dir, "broken.json");
    const { writeFile } = await import("node:fs/promises");
    await writeFile(stateFile, '{"version": 99}');
    await expect(startTestEmulator({ stateFile })).rejects.toThrow(
      /broken.json must be an emulator state of version 1; got version 99/,
    );
    await writeFile(stateFile, "{oops");
    await expect(startTestEmulator({ stateFile })).rejects.toThrow(/broken.json is not valid JSON/);
  });
});
