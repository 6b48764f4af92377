"use client";

import { X } from "lucide-react";
import { Dialog as DialogPrimitive } from "radix-ui";

/**
 * A modal dialog (Radix: focus trapped and returned, Esc closes, title and description announced),
 * full width on a phone.
 */
export function Dialog({
  open,
  onOpenChange,
  title,
  description,
  children,
}: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  title: string;
  description?: string;
  children: React.ReactNode;
}) {
  return (
    <DialogPrimitive.Root open={open} onOpenChange={onOpenChange}>
      <DialogPrimitive.Portal>
        <DialogPrimitive.Overlay className="fixed inset-0 z-40 bg-black/60" />
        <DialogPrimitive.Content
          className="fixed inset-x-2 top-[5vh] z-50 mx-auto max-h-[90vh] max-w-xl overflow-y-auto rounded-lg border border-line bg-panel p-4 shadow-xl sm:inset-x-4 sm:p-6"
          {...(description ? {} : { "aria-describedby": undefined })}
          // Note: React events bubble through portals; a dialog opened from inside another form
          // (the studio's) must not submit it or trigger its shortcuts.
          onSubmit={(event) => event.stopPropagation()}
          onKeyDown={(event) => event.stopPropagation()}
        >
          <div className="mb-4 flex items-start justify-between gap-4">
            <div>
              <DialogPrimitive.Title className="text-lg font-semibold">{title}</DialogPrimitive.Title>
              {description && (
                <DialogPrimitive.Description className="mt-1 text-sm text-muted">
                  {description}
                </DialogPrimitive.Description>
              )}
            </div>
            <DialogPrimitive.Close
              className="rounded p-1 text-muted hover:bg-raised hover:text-fg"
              aria-label="Close"
            >
              <X aria-hidden className="size-4" />
            </DialogPrimitive.Close>
          </div>
          {children}
        </DialogPrimitive.Content>
      </DialogPrimitive.Portal>
    </DialogPrimitive.Root>
  );
}
