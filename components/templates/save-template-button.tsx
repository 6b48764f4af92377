"use client";

import { BookmarkPlus } from "lucide-react";
import { useId, useState } from "react";
import { TemplateFormDialog } from "@/components/templates/template-form-dialog";
import { Button } from "@/components/ui/button";

/**
 * "Save as template" from the editor or a video: opens the template form with that prompt.
 * `disabledReason` turns it off and says why, next to the button.
 */
export function SaveTemplateButton({
  prompt,
  negativePrompt,
  disabledReason,
}: {
  prompt: string;
  negativePrompt: string;
  disabledReason?: string | null;
}) {
  const [open, setOpen] = useState(false);
  const reasonId = useId();
  return (
    <>
      <Button
        variant="secondary"
        onClick={() => setOpen(true)}
        disabled={Boolean(disabledReason) || !prompt.trim()}
        aria-describedby={disabledReason ? reasonId : undefined}
      >
        <BookmarkPlus aria-hidden className="size-4" /> Save as template
      </Button>
      {disabledReason && (
        <p id={reasonId} className="self-center text-xs text-muted" data-testid="save-template-reason">
          {disabledReason}
        </p>
      )}
      <TemplateFormDialog
        open={open}
        onOpenChange={setOpen}
        initial={{ name: "", prompt, negativePrompt, defaults: {} }}
      />
    </>
  );
}
