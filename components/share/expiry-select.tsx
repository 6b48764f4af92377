"use client";

import { SHARE_EXPIRY_LABELS, type ShareExpiry, shareExpirySchema } from "@/lib/share/share.validation";

/** "Expires" for a new share link (a video's or a comparison's): the same choices everywhere. */
export function ExpirySelect({
  value,
  onChange,
  stacked = false,
}: {
  value: ShareExpiry;
  onChange(expiry: ShareExpiry): void;
  /** The label above the select (a form row) instead of beside it. */
  stacked?: boolean;
}) {
  return (
    <label className={stacked ? "flex flex-col text-xs text-muted" : "flex items-center gap-2"}>
      Expires
      <select
        value={value}
        onChange={(event) => onChange(shareExpirySchema.parse(event.target.value))}
        className={
          stacked
            ? "rounded-md border border-line bg-surface px-2 py-1.5 text-sm text-fg"
            : "rounded border border-line bg-surface px-2 py-1"
        }
      >
        {Object.entries(SHARE_EXPIRY_LABELS).map(([key, label]) => (
          <option key={key} value={key}>
            {label}
          </option>
        ))}
      </select>
    </label>
  );
}
