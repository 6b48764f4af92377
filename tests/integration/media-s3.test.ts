import { randomBytes, randomUUID } from "node:crypto";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as teamMedia } from "../../app/api/media/[assetId]/route";
import { GET as sharedPoster } from "../../app/s/[token]/poster/route";
import { GET as sharedVideo } from "../../app/s/[token]/video/route";
import { getAuth } from "../../lib/auth/instance";
import { db } from "../../lib/db";
import { resetServerEnv } from "../../lib/env";
import { createShareLink, revokeShareLink } from "../../lib/share/share";
import { getStorage, resetStorage } from "../../lib/storage";
import { startTestS3Server, type TestS3Server } from "../support/s3-server";
import { teamWith } from "./helpers/accounts";
import { appDatabaseForThisFile } from "./helpers/database";

appDatabaseForThisFile();
let s3: TestS3Server;
let workDir: string;
let team: Awaited<ReturnType<typeof teamWith>>;
let outsider: Awaited<ReturnType<typeof teamWith>>;
let generationId: string;
let videoAssetId: string;
const VIDEO = randomBytes(64 * 1024);
const POSTER = randomBytes(2048);

beforeAll(async () => {
  s3 = await startTestS3Server();
  workDir = await mkdtemp(path.join(os.tmpdir(), "kling-media-s3-"));
  Object.assign(process.env, s3.env, { DATA_DIR: workDir, S3_PROXY: "0" });
  resetServerEnv();
  resetStorage();
  team = await teamWith(getAuth(), "Bucket team", ["viewer"]);
  outsider = await teamWith(getAuth(), "Outsider team");
  generationId = randomUUID();
  await db.generation.create({
    data: {
      id: generationId,
      teamId: team.team.id,
      authorId: team.owner.user.id,
      status: "archived",
      request: { prompt: "A heron over a misty lake" },
      prompt: "A heron over a misty lake",
      model: "kling-v2-6",
      mode: "std",
      duration: 5,
      aspectRatio: "16:9",
      estimatedUnits: 1,
      archivedAt: new Date(),
    },
  });
  videoAssetId = await storeAsset("video", VIDEO);
  await storeAsset("poster", POSTER);
});

afterAll(async () => {
  for (const name of [...Object.keys(s3.env), "S3_PROXY"]) delete process.env[name];
  resetServerEnv();
  resetStorage();
  await s3.close();
  await rm(workDir, { recursive: true, force: true });
});

async function storeAsset(kind: "video" | "poster", bytes: Buffer) {
  const file = path.join(workDir, `${kind}.bin`);
  await writeFile(file, bytes);
  const key = `teams/${team.team.id}/generations/${generationId}/${kind === "video" ? "video.mp4" : "poster.jpg"}`;
  await getStorage().putFile(key, file);
  const asset = await db.asset.create({
    data: {
      id: randomUUID(),
      generationId,
      teamId: team.team.id,
      kind,
      storageKey: key,
      contentType: kind === "video" ? "video/mp4" : "image/jpeg",
      sizeBytes: BigInt(bytes.length),
      sha256: "0".repeat(64),
    },
  });
  return asset.id;
}

const media = (headers: Headers, query = "", range?: string) => {
  const request = new Request(`http://studio.test/api/media/${videoAssetId}${query}`, {
    headers: range ? new Headers([...headers, ["range", range]]) : headers,
  });
  return teamMedia(request, { params: Promise.resolve({ assetId: videoAssetId }) });
};
const shared = (route: typeof sharedVideo, token: string) =>
  route(new Request(`http://studio.test/s/${token}/video`), { params: Promise.resolve({ token }) });

describe("media from object storage", () => {
  it("redirects a member to a short-lived presigned URL that the store answers with Range", async () => {
    const response = await media(team.members.viewer.headers);
    expect(response.status).toBe(302);
    expect(response.headers.get("cache-control")).toBe("no-store");
    const location = response.headers.get("location") ?? "";
    expect(location.startsWith(`${s3.endpoint}/${s3.bucket}/teams/${team.team.id}/`)).toBe(true);
    expect(new URL(location).searchParams.get("X-Amz-Expires")).toBe("300");
    expect(location).not.toContain(s3.secretAccessKey);
    const partial = await fetch(location, { headers: { range: "bytes=1000-1999" } });
    expect(partial.status).toBe(206);
    expect(partial.headers.get("content-type")).toBe("video/mp4");
    expect(Buffer.from(await partial.arrayBuffer()).equals(VIDEO.subarray(1000, 2000))).toBe(true);
  });

  it("signs downloads with an attachment name", async () => {
    const location = (await media(team.owner.headers, "?download=1")).headers.get("location") ?? "";
    const response = await fetch(location);
    expect(response.headers.get("content-disposition")).toBe(
      `attachment; filename="kling-${generationId}.mp4"`,
    );
    expect(Buffer.from(await response.arrayBuffer()).equals(VIDEO)).toBe(true);
  });

  it("checks access before signing: another team's member and a stranger get no URL", async () => {
    const foreign = await media(outsider.owner.headers);
    expect(foreign.status).toBe(404);
    expect(foreign.headers.get("location")).toBeNull();
    const anonymous = await media(new Headers());
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers.get("location")).toBeNull();
  });

  it("serves a share link by redirect until it is revoked, then stops at once", async () => {
    const link = await createShareLink({
      teamId: team.team.id,
      userId: team.owner.user.id,
      generationId,
      expiry: "1d",
      hidePrompt: false,
    });
    const video = await shared(sharedVideo, link.token);
    expect(video.status).toBe(302);
    expect(video.headers.get("cache-control")).toBe("no-store");
    expect(video.headers.get("x-robots-tag")).toBe("noindex");
    const played = await fetch(video.headers.get("location") ?? "");
    expect(Buffer.from(await played.arrayBuffer()).equals(VIDEO)).toBe(true);
    const poster = await fetch((await shared(sharedPoster, link.token)).headers.get("location") ?? "");
    expect(Buffer.from(await poster.arrayBuffer()).equals(POSTER)).toBe(true);

    await revokeShareLink({ teamId: team.team.id, userId: team.owner.user.id, linkId: link.id });
    const after = await shared(sharedVideo, link.token);
    expect(after.status).toBe(404);
    expect(after.headers.get("location")).toBeNull();
  });

  it("streams through the studio with Range when S3_PROXY=1", async () => {
    process.env.S3_PROXY = "1";
    resetServerEnv();
    try {
      const mark = s3.requests.length;
      const partial = await media(team.members.viewer.headers, "", "bytes=100-299");
      expect(partial.status).toBe(206);
      expect(partial.headers.get("location")).toBeNull();
      expect(partial.headers.get("content-range")).toBe(`bytes 100-299/${VIDEO.length}`);
      expect(Buffer.from(await partial.arrayBuffer()).equals(VIDEO.subarray(100, 300))).toBe(true);
      const seen = s3.requests.slice(mark);
      expect(seen.map((line) => line.split(" ")[0])).toEqual(["HEAD", "GET"]);
      const beyond = await media(team.members.viewer.headers, "", `bytes=${VIDEO.length}-`);
      expect(beyond.status).toBe(416);
    } finally {
      process.env.S3_PROXY = "0";
      resetServerEnv();
    }
  });
});
