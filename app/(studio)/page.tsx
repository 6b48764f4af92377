import { Clapperboard } from "lucide-react";
import { Placeholder } from "@/components/layout/placeholder";
import { can } from "@/lib/auth/permissions";
import { requireTeam } from "@/lib/auth/session";

export default async function StudioPage() {
  const context = await requireTeam("team.view");
  const mayGenerate = can(context.member.role, "generation.create");
  return (
    <div className="space-y-6">
      {!mayGenerate && (
        <p role="note" className="rounded-md border border-warn/40 bg-warn/10 px-4 py-3 text-sm">
          Your role in {context.team.name} is <strong>{context.member.role}</strong>: you can watch, review
          and comment, but not generate. Ask an admin or owner if you need to generate.
        </p>
      )}
      <Placeholder icon={Clapperboard} title="Studio">
        Write a prompt, choose model, mode, duration, aspect ratio and camera movement, see the cost, and
        generate. The editor arrives with the generation pipeline.
      </Placeholder>
    </div>
  );
}
