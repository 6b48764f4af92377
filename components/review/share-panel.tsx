"use client";

import { Copy } from "lucide-react";
import { useState } from "react";
import { toast } from "sonner";
import type { RunAction } from "@/components/review/run-action";
import { ExpirySelect } from "@/components/share/expiry-select";
import { useTeamScope } from "@/components/team-scope";
import { Button } from "@/components/ui/button";
import type { VideoDetail } from "@/lib/review/detail";
import { createShareLinkAction, revokeShareLinkAction } from "@/lib/share/actions";
import { DEFAULT_SHARE_EXPIRY, type ShareExpiry } from "@/lib/share/share.validation";

export function SharePanel({
  detail,
  pending,
  run,
}: {
  detail: VideoDetail;
  pending: boolean;
  run: RunAction;
}) {
  const scope = useTeamScope();
  const [expiry, setExpiry] = useState<ShareExpiry>(DEFAULT_SHARE_EXPIRY);
  const [hidePrompt, setHidePrompt] = useState(false);
  const origin = typeof window === "undefined" ? "" : window.location.origin;
  return (
    <section className="space-y-3 rounded-lg border border-line bg-panel p-4" aria-labelledby="share-heading">
      <h2 id="share-heading" className="text-sm font-medium">
        Share links
      </h2>
      <div className="flex flex-wrap items-end gap-3 text-sm">
        <ExpirySelect value={expiry} onChange={setExpiry} stacked />
        <label className="flex items-center gap-2">
          <input
            type="checkbox"
            checked={hidePrompt}
            onChange={(event) => setHidePrompt(event.target.checked)}
            className="accent-[var(--color-accent)]"
          />
          Hide the prompt
        </label>
        <Button
          disabled={pending}
          onClick={() =>
            run(
              () => createShareLinkAction({ ...scope, generationId: detail.id, expiry, hidePrompt }),
              "Share link created",
            )
          }
        >
          Create link
        </Button>
      </div>
      {detail.shareLinks.length === 0 ? (
        <p className="text-xs text-muted">No active links.</p>
      ) : (
        <ul className="space-y-2">
          {detail.shareLinks.map((link) => {
            const url = `${origin}/s/${link.token}`;
            return (
              <li
                key={link.id}
                className="flex flex-wrap items-center gap-2 text-xs"
                data-testid="share-link"
              >
                <input
                  readOnly
                  value={url}
                  aria-label="Share link"
                  className="min-w-0 flex-1 rounded border border-line bg-surface px-2 py-1 font-mono"
                  onFocus={(event) => event.target.select()}
                />
                <span className="text-muted">
                  {link.expiresAt ? `until ${new Date(link.expiresAt).toLocaleDateString()}` : "no expiry"} ·{" "}
                  {link.viewCount} views
                  {link.hidePrompt ? " · prompt hidden" : ""}
                </span>
                <Button
                  variant="ghost"
                  aria-label="Copy share link"
                  onClick={() => navigator.clipboard?.writeText(url).then(() => toast.success("Link copied"))}
                >
                  <Copy aria-hidden className="size-3" />
                </Button>
                <Button
                  variant="danger"
                  disabled={pending}
                  onClick={() =>
                    run(
                      () => revokeShareLinkAction({ ...scope, generationId: detail.id, linkId: link.id }),
                      "Share link revoked",
                    )
                  }
                >
                  Revoke
                </Button>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
