import { describe, expect, it } from "vitest";
import { getAuth } from "../../lib/auth/instance";
import { db } from "../../lib/db";
import { submitGeneration } from "../../lib/generations/submit";
import { teamWith } from "./helpers/accounts";
import { appDatabaseForThisFile } from "./helpers/database";
import { BASE_REQUEST, pipelineForThisFile, upstreamTasksFor, waitForStatus } from "./helpers/pipeline";

// A file that fails the same way on every try (here: larger than the studio accepts) is retried
// while Kling may still hand out a new link, and given up, saying why, once retention has passed:
// never "saving" for ever. Kling still has the file (its retention is the emulator's default).
appDatabaseForThisFile();

const pipeline = pipelineForThisFile({
  env: { KLING_RETENTION_SECONDS: "3", ARCHIVE_MAX_VIDEO_BYTES: "1000" },
});

describe("archive gives up on a hopeless file only past retention", () => {
  it("waits (saving, with the reason) inside retention, then fails saying why", async () => {
    const { team, owner } = await teamWith(getAuth(), "Give-up team");
    const { id } = await submitGeneration({ teamId: team.id, userId: owner.user.id, input: BASE_REQUEST });

    const waiting = await waitForStatus(id, ["archive_waiting", "failed", "archived"]);
    expect(waiting.status).toBe("archive_waiting");
    expect(waiting.archiveError).toBe("The video is larger than the studio accepts.");

    const row = await waitForStatus(id, ["failed", "archived"], 60_000);
    expect(row.status).toBe("failed");
    expect(row.errorMessage).toBe(
      "The video is larger than the studio accepts. Kling keeps results for 3 s and that time has passed, so the studio stopped trying.",
    );
    expect(row.archiveAttempts).toBeGreaterThanOrEqual(2);
    expect(upstreamTasksFor(pipeline.emulator, id)).toHaveLength(1); // never created again
    expect(await db.asset.count({ where: { generationId: id } })).toBe(0);
  }, 90_000);
});
