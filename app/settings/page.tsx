import { Settings } from "lucide-react";
import type { Metadata } from "next";
import { Placeholder } from "@/components/layout/placeholder";

export const metadata: Metadata = { title: "Settings" };

export default function SettingsPage() {
  return (
    <Placeholder icon={Settings} title="Settings">
      Team name, members, invitations and the monthly Kling unit budget.
    </Placeholder>
  );
}
