"use server";

import { isAPIError } from "better-auth/api";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { getAuth } from "@/lib/auth/instance";
import { safeNext } from "@/lib/auth/redirect";
import { clearSignInAttempts, consumeSignInAttempt } from "@/lib/auth/throttle";
import { signInSchema } from "@/lib/auth/validation";
import { type ActionResult, submittedValues, UserError, validationFailure } from "@/lib/errors";

export async function signInAction(_previous: unknown, formData: FormData): Promise<ActionResult> {
  const parsed = signInSchema.safeParse({ email: formData.get("email"), password: formData.get("password") });
  if (!parsed.success) return validationFailure(parsed.error, formData);
  const requestHeaders = await headers();
  const ip = clientIp(requestHeaders);
  try {
    await consumeSignInAttempt(parsed.data.email, ip);
    await getAuth().api.signInEmail({ body: parsed.data, headers: requestHeaders });
  } catch (error) {
    if (error instanceof UserError)
      return { ok: false, error: error.message, values: submittedValues(formData) };
    // Note: not `instanceof APIError`. The auth instance is a process-wide singleton, and when a
    // route handler's bundle created it, its errors come from that bundle's copy of better-auth.
    if (isAPIError(error) && error.status === "UNAUTHORIZED") {
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

function clientIp(requestHeaders: Headers): string | null {
  return (
    requestHeaders.get("x-forwarded-for")?.split(",")[0].trim() || requestHeaders.get("x-real-ip") || null
  );
}
