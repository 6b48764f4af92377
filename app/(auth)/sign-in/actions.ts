"use server";

import { APIError } from "better-auth/api";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { getAuth } from "@/lib/auth/instance";
import { safeNext } from "@/lib/auth/redirect";
import { clearSignInAttempts, consumeSignInAttempt } from "@/lib/auth/throttle";
import { signInSchema } from "@/lib/auth/validation";
import { type ActionResult, submittedValues, UserError, validationFailure } from "@/lib/errors";
import { clientAddress } from "@/lib/http/forwarded";

export async function signInAction(_previous: unknown, formData: FormData): Promise<ActionResult> {
  const parsed = signInSchema.safeParse({ email: formData.get("email"), password: formData.get("password") });
  if (!parsed.success) return validationFailure(parsed.error, formData);
  const requestHeaders = await headers();
  const ip = clientAddress(requestHeaders);
  try {
    await consumeSignInAttempt(parsed.data.email, ip);
    await getAuth().api.signInEmail({ body: parsed.data, headers: requestHeaders });
  } catch (error) {
    if (error instanceof UserError)
      return { ok: false, error: error.message, values: submittedValues(formData) };
    if (error instanceof APIError && error.status === "UNAUTHORIZED") {
      return { ok: false, error: "Wrong email or password.", values: submittedValues(formData) };
    }
    throw error;
  }
  await clearSignInAttempts(parsed.data.email);
  redirect(safeNext(formData.get("next")));
}

export async function signOut() {
  await getAuth().api.signOut({ headers: await headers() });
  redirect("/sign-in");
}
