"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { getAuth } from "@/lib/auth/instance";
import { completeSetup } from "@/lib/auth/setup";
import { setupSchema } from "@/lib/auth/validation";
import { type ActionResult, submittedValues, toActionResult, validationFailure } from "@/lib/errors";

export async function setupAction(_previous: unknown, formData: FormData): Promise<ActionResult> {
  const parsed = setupSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return validationFailure(parsed.error, formData);
  const result = await toActionResult(async () => {
    const auth = getAuth();
    await completeSetup(auth, parsed.data);
    await auth.api.signInEmail({
      body: { email: parsed.data.email, password: parsed.data.password },
      headers: await headers(),
    });
    return undefined;
  });
  if (!result.ok) return { ...result, values: submittedValues(formData) };
  redirect("/");
}
