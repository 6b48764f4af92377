import { Clapperboard } from "lucide-react";
import { Placeholder } from "@/components/layout/placeholder";

export default function StudioPage() {
  return (
    <Placeholder icon={Clapperboard} title="Studio">
      Write a prompt, choose model, mode, duration, aspect ratio and camera movement, see the cost, and
      generate. The editor arrives with the generation pipeline.
    </Placeholder>
  );
}
