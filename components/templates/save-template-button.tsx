"use client";

import { BookmarkPlus } from "lucide-react";
import { useState } from "react";
import { TemplateFormDialog } from "@/components/templates/template-form-dialog";
import { Button } from "@/components/ui/button";

/** "Save as template" from the editor or a video: opens the template form with that prompt. */
export function SaveTemplateButton({ prompt, negativePrompt }: { prompt: string; negativePrompt: string }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button variant="secondary" onClick={() => setOpen(true)} disabled={!prompt.trim()}>
        <BookmarkPlus aria-hidden className="size-4" /> Save as template
      </Button>
      <TemplateFormDialog
        open={open}
        onOpenChange={setOpen}
        initial={{ name: "", prompt, negativePrompt, defaults: {} }}
      />
    </>
  );
}
