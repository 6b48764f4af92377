import { describe, expect, it } from "vitest";
import { GET as getGenerations } from "../../app/api/generations/route";
import { GET as getMedia } from "../../app/api/media/[assetId]/route";
import { getAuth } from "../../lib/auth/instance";
import { db } from "../../lib/db";
import { submitGeneration } from "../../lib/generations/submit";
import { teamWith } from "./helpers/accounts";
import { appDatabaseForThisFile } from "./helpers/database";
import { BASE_REQUEST, pipelineForThisFile, upstreamTasksFor, waitForStatus } from "./helpers/pipeline";

// An pipeline.emulator whose results are gone almost at once, with the studio told Kling keeps them for a
// second: past retention, and only then, a missing file is a lost video, said in those words.
appDatabaseForThisFile();

const pipeline = pipelineForThisFile({ emulator: { retentionMs: 1 }, env: { KLING_RETENTION_SECONDS: "1" } });

describe("pipeline edges", () => {
  it("reports a video lost, saying why, once Kling's retention has passed and the file is gone", async () => {
    const { team, owner } = await teamWith(getAuth(), "Expiry team");
    const { id } = await submitGeneration({ teamId: team.id, userId: owner.user.id, input: BASE_REQUEST });
    const row = await waitForStatus(id, ["archived", "failed"]);
    expect(row.status).toBe("failed");
    expect(row.errorMessage).toBe(
      "Kling no longer has this video: it keeps results for 1 s, and that time passed before the studio could save a copy.",
    );
    expect(row.klingTaskId).toBeTruthy(); // kept, so the task stays traceable
    expect(upstreamTasksFor(pipeline.emulator, id)).toHaveLength(1);

    // The studio's queue shows it to the team, and only to the team.
    const mine = await getGenerations(
      new Request("http://studio.test/api/generations?active=0", { headers: owner.headers }),
      {
        params: Promise.resolve({}),
      },
    );
    const { generations } = await mine.json();
    expect(generations.map((generation: { id: string }) => generation.id)).toContain(id);
    expect(generations[0].errorMessage).toMatch(/^Kling no longer has this video/);

    const stranger = await teamWith(getAuth(), "Stranger team");
    const theirs = await getGenerations(
      new Request(`http://studio.test/api/generations?ids=${id}`, { headers: stranger.owner.headers }),
      {
        params: Promise.resolve({}),
      },
    );
    expect((await theirs.json()).generations).toEqual([]);
    const anonymous = await getGenerations(new Request("http://studio.test/api/generations"), {
      params: Promise.resolve({}),
    });
    expect(anonymous.status).toBe(401);
  }, 60_000);
});

describe("media route", () => {
  it("serves exactly the asked bytes with 206, and nothing to other teams", async () => {
    const { team, owner } = await teamWith(getAuth(), "Media team");
    const generation = await db.generation.create({
      data: {
        id: crypto.randomUUID(),
        teamId: team.id,
        authorId: owner.user.id,
        status: "archived",
        request: BASE_REQUEST,
        prompt: BASE_REQUEST.prompt,
        model: BASE_REQUEST.model,
        mode: BASE_REQUEST.mode,
        duration: 5,
        aspectRatio: "16:9",
        estimatedUnits: 1.5,
      },
    });
    const bytes = Buffer.from(Array.from({ length: 1000 }, (_, index) => index % 251));
    const { getStorage } = await import("../../lib/storage");
    const { writeFile, mkdtemp } = await import("node:fs/promises");
    const source = `${await mkdtemp("/tmp/kling-media-")}/file.bin`;
    await writeFile(source, bytes);
    await getStorage().putFile(`teams/${team.id}/test.bin`, source);
    const asset = await db.asset.create({
      data: {
        id: crypto.randomUUID(),
        generationId: generation.id,
        teamId: team.id,
        kind: "video",
        storageKey: `teams/${team.id}/test.bin`,
        contentType: "video/mp4",
        sizeBytes: 1000n,
        sha256: "0".repeat(64),
      },
    });
    const request = (headers: Headers, range?: string) =>
      getMedia(
        new Request(`http://studio.test/api/media/${asset.id}`, {
          headers: range ? new Headers([...headers, ["range", range]]) : headers,
        }),
        {
          params: Promise.resolve({ assetId: asset.id }),
        },
      );

    const partial = await request(owner.headers, "bytes=100-199");
    expect(partial.status).toBe(206);
    expect(partial.headers.get("content-range")).toBe("bytes 100-199/1000");
    expect(Buffer.from(await partial.arrayBuffer())).toEqual(bytes.subarray(100, 200));

    const suffix = await request(owner.headers, "bytes=-10");
    expect(Buffer.from(await suffix.arrayBuffer())).toEqual(bytes.subarray(990));
    expect((await request(owner.headers, "bytes=5000-")).status).toBe(416);
    const whole = await request(owner.headers);
    expect(whole.status).toBe(200);
    expect(Buffer.from(await whole.arrayBuffer())).toEqual(bytes);

    const stranger = await teamWith(getAuth(), "Media stranger");
    expect((await request(stranger.owner.headers, "bytes=0-9")).status).toBe(404);
    expect((await request(new Headers(), "bytes=0-9")).status).toBe(401);
  });
});
