"use client";

import { Sparkles } from "lucide-react";
import { CompareDialog } from "@/components/studio/compare-dialog";
import { TakesSelect } from "@/components/studio/takes-select";
import { takesLabel } from "@/lib/batches/batches.validation";
import type { StudioDraft } from "@/lib/generations/draft";
import type { Catalog } from "@/lib/kling/catalog";

type Cost = { units: number; usd: number };

/**
 * The studio's sticky footer: what is not sent with this model, the cost of all takes and the
 * budget left, Compare, the takes and Generate (disabled with the reason while something blocks it).
 */
export function GenerateBar({
  catalog,
  draft,
  budget,
  cost,
  perTake,
  takes,
  dropped,
  blocker,
  pending,
  errors,
  compareDisabledReason,
  onTakes,
}: {
  catalog: Catalog;
  draft: StudioDraft;
  budget: { budget: number | null; remaining: number | null };
  /** All takes together; null when the combination has no known price. */
  cost: Cost | null;
  perTake: Cost | null;
  takes: number;
  dropped: string[];
  blocker: string | null;
  pending: boolean;
  errors: Record<string, string | undefined>;
  compareDisabledReason: string | null;
  onTakes(takes: number): void;
}) {
  return (
    <div className="sticky bottom-0 -mx-4 space-y-2 border-t border-line bg-surface/95 px-4 py-4 backdrop-blur">
      {dropped.length > 0 && (
        <p className="text-xs text-warn">
          Not sent with this model: {dropped.join(", ")} (kept here if you switch back).
        </p>
      )}
      <div className="flex flex-wrap items-center gap-4">
        <div className="text-sm" data-testid="cost-preview" aria-live="polite">
          {cost ? (
            <>
              <span className="font-semibold tabular-nums">{formatUnits(cost.units)}</span>{" "}
              <span className="text-muted">≈ ${cost.usd.toFixed(2)}</span>
              {takes > 1 && perTake && (
                <span className="text-muted">
                  {" "}
                  · {takesLabel(takes)} × {formatUnits(perTake.units)}
                </span>
              )}
            </>
          ) : (
            <span className="text-danger">No price for this combination</span>
          )}
          <span className="block text-xs text-muted" data-testid="budget">
            {budget.budget === null
              ? "No monthly budget set"
              : `${budget.remaining} of ${budget.budget} units left this month`}
          </span>
        </div>
        <CompareDialog
          catalog={catalog}
          draft={draft}
          disabledReason={compareDisabledReason}
          budgetRemaining={budget.remaining}
        />
        <TakesSelect value={takes} error={errors.takes} onChange={onTakes} />
        <button
          type="submit"
          disabled={Boolean(blocker) || pending}
          aria-describedby={blocker ? "generate-blocker" : undefined}
          title="Generate (Ctrl/⌘ + Enter)"
          className="inline-flex items-center gap-2 rounded-md bg-accent-strong px-5 py-2.5 text-sm font-semibold text-white hover:bg-accent disabled:cursor-not-allowed disabled:bg-raised disabled:text-muted"
        >
          <Sparkles aria-hidden className="size-4" />
          {pending ? "Generating…" : takes > 1 ? `Generate ${takesLabel(takes)}` : "Generate"}
          {cost && <span className="font-normal opacity-80">· {formatUnits(cost.units)}</span>}
        </button>
      </div>
      {blocker && (
        <p id="generate-blocker" className="text-right text-xs text-warn">
          {blocker}
        </p>
      )}
      {(errors.budget || errors.form) && (
        <p role="alert" className="text-right text-xs text-danger" data-testid="generate-error">
          {errors.budget ?? errors.form}
        </p>
      )}
    </div>
  );
}

function formatUnits(units: number) {
  return `${units} unit${units === 1 ? "" : "s"}`;
}
