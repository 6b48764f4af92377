import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { SignInForm } from "@/components/auth/sign-in-form";
import { Card } from "@/components/ui/form";
import { getViewer } from "@/lib/auth/session";
import { needsSetup } from "@/lib/auth/setup";

export const metadata: Metadata = { title: "Sign in" };
export const dynamic = "force-dynamic";

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ next?: string }> }) {
  if (await needsSetup()) redirect("/setup");
  if (await getViewer()) redirect("/");
  const { next } = await searchParams;
  return (
    <Card title="Sign in" description="New here? Ask a team admin for an invitation link.">
      <SignInForm next={next} />
    </Card>
  );
}
