import { describe, expect, it } from "vitest";
import { getAuth } from "../../lib/auth/instance";
import { db } from "../../lib/db";
import {
  archiveTemplate,
  createTemplate,
  listTemplates,
  recordTemplateUse,
  updateTemplate,
} from "../../lib/templates/templates";
import { teamWith } from "./helpers/accounts";
import { appDatabaseForThisFile } from "./helpers/database";

appDatabaseForThisFile();

describe("team prompt library", () => {
  it("lists, searches, counts uses; only the author and admins edit or archive; always within the team", async () => {
    const { team, owner, members } = await teamWith(getAuth(), "Template team", ["creator", "admin"]);
    const creator = { userId: members.creator.user.id, role: "creator" as const };
    const otherCreator = { userId: owner.user.id, role: "creator" as const }; // same team, not the author
    const admin = { userId: members.admin.user.id, role: "admin" as const };
    const { id } = await createTemplate({
      teamId: team.id,
      userId: creator.userId,
      input: { name: "Fox", prompt: "{animal} in {place}", defaults: { animal: "A fox", stray: "x" } },
    });
    const stored = await db.promptTemplate.findUniqueOrThrow({ where: { id } });
    expect(stored.defaults).toEqual({ animal: "A fox" });

    await expect(
      createTemplate({ teamId: team.id, userId: creator.userId, input: { name: "", prompt: "x" } }),
    ).rejects.toMatchObject({ field: "name", message: "Name is required" });

    // Braces that are not a {variable} are refused at their field, with the token and the rule.
    await expect(
      createTemplate({
        teamId: team.id,
        userId: creator.userId,
        input: { name: "Bad", prompt: "{1x} runs" },
      }),
    ).rejects.toMatchObject({
      field: "prompt",
      message:
        'Prompt: "{1x}" is not a variable: names start with a letter and use letters, digits and _ (at most 40)',
    });
    await expect(
      updateTemplate({
        teamId: team.id,
        member: creator,
        templateId: id,
        input: { name: "Fox", prompt: "{animal}", negativePrompt: "blur {level" },
      }),
    ).rejects.toMatchObject({
      field: "negativePrompt",
      message: expect.stringMatching(/^Negative prompt: "\{"/),
    });
    // Variables of the negative prompt keep their defaults; a name like `constructor` is no crash.
    const { id: both } = await createTemplate({
      teamId: team.id,
      userId: creator.userId,
      input: {
        name: "Both",
        prompt: "{animal} at {constructor}",
        negativePrompt: "{animal} blurred, {flaw}",
        defaults: { flaw: "grain", animal: "A fox" },
      },
    });
    expect((await db.promptTemplate.findUniqueOrThrow({ where: { id: both } })).defaults).toEqual({
      animal: "A fox",
      flaw: "grain",
    });
    await archiveTemplate({ teamId: team.id, member: creator, templateId: both });

    await recordTemplateUse({ teamId: team.id, templateId: id });
    await recordTemplateUse({ teamId: team.id, templateId: id });
    const [listed] = await listTemplates({ teamId: team.id, member: creator, q: "PLACE" });
    expect(listed).toMatchObject({ id, useCount: 2, canEdit: true, author: { name: "creator" } });
    expect(await listTemplates({ teamId: team.id, member: creator, q: "nothing like it" })).toEqual([]);
    expect((await listTemplates({ teamId: team.id, member: otherCreator }))[0].canEdit).toBe(false);

    await expect(
      updateTemplate({
        teamId: team.id,
        member: otherCreator,
        templateId: id,
        input: { name: "Mine", prompt: "y" },
      }),
    ).rejects.toMatchObject({ status: 403 });
    await updateTemplate({
      teamId: team.id,
      member: admin,
      templateId: id,
      input: { name: "Fox 2", prompt: "{animal}" },
    });
    expect((await db.promptTemplate.findUniqueOrThrow({ where: { id } })).name).toBe("Fox 2");

    // Another team sees nothing and can change nothing.
    const stranger = await teamWith(getAuth(), "Stranger templates");
    const strangerOwner = { userId: stranger.owner.user.id, role: "owner" as const };
    expect(await listTemplates({ teamId: stranger.team.id, member: strangerOwner })).toEqual([]);
    await expect(
      archiveTemplate({ teamId: stranger.team.id, member: strangerOwner, templateId: id }),
    ).rejects.toMatchObject({ status: 404 });
    await expect(recordTemplateUse({ teamId: stranger.team.id, templateId: id })).rejects.toMatchObject({
      status: 404,
    });

    await archiveTemplate({ teamId: team.id, member: creator, templateId: id });
    expect(await listTemplates({ teamId: team.id, member: creator })).toEqual([]);
    await expect(recordTemplateUse({ teamId: team.id, templateId: id })).rejects.toMatchObject({
      status: 404,
    });
  });
});
