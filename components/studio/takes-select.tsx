"use client";

import { TAKE_COUNTS } from "@/lib/batches/batches.validation";

/** How many takes one click makes (1–4); sits next to Generate. */
export function TakesSelect({
  value,
  error,
  onChange,
}: {
  value: number;
  error?: string;
  onChange: (takes: number) => void;
}) {
  return (
    <div className="ml-auto flex items-center gap-2">
      <label htmlFor="takes" className="text-sm text-muted">
        Takes
      </label>
      <select
        id="takes"
        value={value}
        onChange={(event) => onChange(Number(event.target.value))}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? "takes-error" : "takes-hint"}
        className="rounded-md border border-line bg-panel px-2 py-2 text-sm"
      >
        {TAKE_COUNTS.map((count) => (
          <option key={count} value={count}>
            {count}
          </option>
        ))}
      </select>
      <span id="takes-hint" className="sr-only">
        Each take is its own video from the same settings, shown together as one stack.
      </span>
      {error && (
        <span id="takes-error" className="text-xs text-danger">
          {error}
        </span>
      )}
    </div>
  );
}
