"use server";

import { revalidatePath } from "next/cache";
import { headers } from "next/headers";
import { changeDisplayName, changePassword, endSession } from "@/lib/account/account";
import { changePasswordSchema, displayNameSchema, endSessionSchema } from "@/lib/account/account.validation";
import { getAuth } from "@/lib/auth/instance";
import { formAction, viewerAction } from "@/lib/auth/safe-action";

export const changeDisplayNameAction = formAction(
  viewerAction(displayNameSchema, async ({ name }, viewer) => {
    await changeDisplayName({ userId: viewer.user.id, name });
    revalidatePath("/", "layout");
  }),
);

export const changePasswordAction = formAction(
  viewerAction(changePasswordSchema, async (input) => {
    await changePassword({ auth: getAuth(), headers: await headers(), ...input });
    revalidatePath("/settings");
  }),
);

export const endSessionAction = viewerAction(endSessionSchema, async ({ sessionId }, viewer) => {
  await endSession({ userId: viewer.user.id, sessionId });
  revalidatePath("/settings");
});
