import { randomBytes, randomUUID } from "node:crypto";
import { writeFile } from "node:fs/promises";
import path from "node:path";
import type { Auth } from "../../../../lib/auth/auth";
import { ROLES, type Role } from "../../../../lib/auth/permissions";
import { db } from "../../../../lib/db";
import { getStorage } from "../../../../lib/storage";
import { signedInUser } from "../../helpers/accounts";

export type Subject = {
  label: string;
  team: "A" | "B" | null;
  role: Role | null;
  headers: Headers;
  userId: string;
};

/** A team with one signed-in member per role (the owner created it). */
export async function teamOfFive(auth: Auth, name: string) {
  const teamId = randomUUID();
  await db.organization.create({
    data: { id: teamId, name, slug: name.toLowerCase(), createdAt: new Date() },
  });
  const members = {} as Record<Role, { headers: Headers; userId: string; memberId: string }>;
  for (const role of ROLES) {
    const person = await signedInUser(auth, `${role}@${name.toLowerCase()}.test`);
    const memberId = randomUUID();
    await db.member.create({
      data: { id: memberId, organizationId: teamId, userId: person.user.id, role, createdAt: new Date() },
    });
    members[role] = { headers: person.headers, userId: person.user.id, memberId };
  }
  return { teamId, members };
}

/** An archived video with its stored file and a live share link. */
export async function seedVideo(teamId: string, authorId: string, dataDir: string) {
  const id = randomUUID();
  await db.generation.create({
    data: {
      id,
      teamId,
      authorId,
      status: "archived",
      request: {
        prompt: "matrix",
        negativePrompt: "",
        model: "kling-v1",
        mode: "std",
        duration: 5,
        aspectRatio: "16:9",
        cfgScale: null,
        camera: null,
        sound: false,
      },
      prompt: "matrix",
      model: "kling-v1",
      mode: "std",
      duration: 5,
      aspectRatio: "16:9",
      estimatedUnits: 1,
      archivedAt: new Date(),
    },
  });
  const source = path.join(dataDir, `${id}.mp4`);
  await writeFile(source, randomBytes(2048));
  const key = `teams/${teamId}/generations/${id}/video.mp4`;
  await getStorage().putFile(key, source);
  const assetId = randomUUID();
  await db.asset.create({
    data: {
      id: assetId,
      generationId: id,
      teamId,
      kind: "video",
      storageKey: key,
      contentType: "video/mp4",
      sizeBytes: 2048n,
      durationSeconds: 5,
      sha256: "0".repeat(64),
    },
  });
  return { generationId: id, assetId, shareToken: await shareLink(teamId, id, authorId) };
}

export async function shareLink(teamId: string, generationId: string, createdById: string) {
  const token = randomBytes(24).toString("base64url");
  await db.shareLink.create({
    data: { id: randomUUID(), token, generationId, teamId, createdById, hidePrompt: false },
  });
  return token;
}

/** Fresh objects for destructive cells, so no cell depends on another's outcome. */
export async function freshLink(teamId: string, generationId: string, createdById: string) {
  const token = await shareLink(teamId, generationId, createdById);
  return (await db.shareLink.findUniqueOrThrow({ where: { token } })).id;
}

export async function freshInvitation(teamId: string, inviterId: string) {
  const id = randomUUID();
  await db.invitation.create({
    data: {
      id,
      organizationId: teamId,
      email: `${id}@invited.test`,
      role: "viewer",
      status: "pending",
      inviterId,
      expiresAt: new Date(Date.now() + 86_400_000),
      createdAt: new Date(),
    },
  });
  return id;
}

export async function freshMember(auth: Auth, teamId: string) {
  const person = await signedInUser(auth, `${randomUUID()}@target.test`);
  const memberId = randomUUID();
  await db.member.create({
    data: {
      id: memberId,
      organizationId: teamId,
      userId: person.user.id,
      role: "viewer",
      createdAt: new Date(),
    },
  });
  return memberId;
}
