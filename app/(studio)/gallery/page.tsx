import { GalleryHorizontalEnd } from "lucide-react";
import type { Metadata } from "next";
import { Placeholder } from "@/components/layout/placeholder";

export const metadata: Metadata = { title: "Gallery" };

export default function GalleryPage() {
  return (
    <Placeholder icon={GalleryHorizontalEnd} title="Gallery">
      Every finished video of your team, with its prompt and settings, ready to review and share.
    </Placeholder>
  );
}
