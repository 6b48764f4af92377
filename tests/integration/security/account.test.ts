import { beforeAll, describe, expect, it } from "vitest";
import { changeDisplayName, changePassword, endSession, listSessions } from "../../../lib/account/account";
import { changePasswordSchema, displayNameSchema } from "../../../lib/account/account.validation";
import type { Auth } from "../../../lib/auth/auth";
import { getAuth } from "../../../lib/auth/instance";
import { db } from "../../../lib/db";
import { PASSWORD, signedInUser, signIn } from "../helpers/accounts";
import { appDatabaseForThisFile } from "../helpers/database";

appDatabaseForThisFile();
let auth: Auth;

beforeAll(async () => {
  auth = getAuth();
});

const sessionOf = async (headers: Headers) => (await auth.api.getSession({ headers }))?.session;

describe("the studio's own account actions (better-auth's endpoints are closed)", () => {
  it("display name: the studio's rules (a 100 kB or NUL name is refused by field)", async () => {
    expect(displayNameSchema.safeParse({ name: "x".repeat(100_000) }).error?.issues[0]).toMatchObject({
      path: ["name"],
      message: "Name must be at most 80 characters",
    });
    expect(displayNameSchema.safeParse({ name: "a\u0000" }).error?.issues[0].message).toBe(
      "Name must not contain NUL characters",
    );
    const { user } = await signedInUser(auth, "named@account.test");
    await changeDisplayName({ userId: user.id, name: "Ada L." });
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).name).toBe("Ada L.");
  });

  it("password: the studio's rules, the current password checked, other sessions ended", async () => {
    expect(
      changePasswordSchema.safeParse({ currentPassword: PASSWORD, newPassword: "aaaaaaaaaa" }).error
        ?.issues[0],
    ).toMatchObject({ path: ["newPassword"] });
    const { headers } = await signedInUser(auth, "pw@account.test");
    const otherTab = await signIn(auth, "pw@account.test");
    await expect(
      changePassword({ auth, headers, currentPassword: "wrong password 1", newPassword: "new horse 99 x" }),
    ).rejects.toMatchObject({ status: 400, field: "currentPassword" });
    await changePassword({ auth, headers, currentPassword: PASSWORD, newPassword: "new horse 99 x" });
    expect(await sessionOf(otherTab)).toBeUndefined();
    await expect(signIn(auth, "pw@account.test", "new horse 99 x")).resolves.toBeInstanceOf(Headers);
  });

  it("sessions: listed without tokens; one's own can be ended, another person's is not found", async () => {
    const me = await signedInUser(auth, "sessions@account.test");
    const laptop = await signIn(auth, "sessions@account.test");
    const stranger = await signedInUser(auth, "stranger@account.test");
    const current = await sessionOf(me.headers);
    const list = await listSessions({ userId: me.user.id, currentSessionId: current?.id ?? "" });
    expect(list).toHaveLength(2);
    expect(JSON.stringify(list)).not.toContain(current?.token);
    expect(list.filter((session) => session.current)).toHaveLength(1);
    const strangerSession = await sessionOf(stranger.headers);
    await expect(
      endSession({ userId: me.user.id, sessionId: strangerSession?.id ?? "" }),
    ).rejects.toMatchObject({
      status: 404,
    });
    expect(await sessionOf(stranger.headers)).toBeDefined();
    const laptopSession = await sessionOf(laptop);
    await endSession({ userId: me.user.id, sessionId: laptopSession?.id ?? "" });
    expect(await sessionOf(laptop)).toBeUndefined();
  });
});
