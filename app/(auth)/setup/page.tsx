import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { SetupForm } from "@/components/auth/setup-form";
import { Card } from "@/components/ui/form";
import { needsSetup } from "@/lib/auth/setup";

export const metadata: Metadata = { title: "Create your studio" };
export const dynamic = "force-dynamic";

export default async function SetupPage() {
  // Only while nobody has an account; afterwards this page does not exist.
  if (!(await needsSetup())) notFound();
  return (
    <Card
      title="Create your studio"
      description="You are the first person here. Create your account and your team; you will be its owner and can invite teammates afterwards."
    >
      <SetupForm />
    </Card>
  );
}
