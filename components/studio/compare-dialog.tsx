"use client";

import { Columns2 } from "lucide-react";
import { useRouter } from "next/navigation";
import { useRef, useState, useTransition } from "react";
import { toast } from "sonner";
import { useTeamScope } from "@/components/team-scope";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { submitCompareAction } from "@/lib/batches/actions";
import {
  COMPARE_MAX,
  COMPARE_MIN,
  type ComparePick,
  compareColumns,
  compareOptions,
} from "@/lib/batches/compare.validation";
import type { StudioDraft } from "@/lib/generations/draft";
import { newSubmissionKey } from "@/lib/generations/submission-key";
import type { Catalog } from "@/lib/kling/catalog";

/** Pick 2–4 models (or one model's two modes); each column's changes and cost are listed first. */
export function CompareDialog({
  catalog,
  draft,
  disabledReason,
  budgetRemaining,
}: {
  catalog: Catalog;
  draft: StudioDraft;
  disabledReason: string | null;
  /** Units left of the team's monthly budget; null when no budget is set. */
  budgetRemaining: number | null;
}) {
  const [open, setOpen] = useState(false);
  const [picks, setPicks] = useState<ComparePick[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const router = useRouter();
  const { teamId } = useTeamScope();
  // One key per Generate click (a retried request finds the same comparison); a new one after success.
  const submissionKey = useRef(newSubmissionKey());
  const options = compareOptions(catalog);
  const columns = compareColumns(catalog, draft, picks);
  const total = Math.round(columns.reduce((sum, column) => sum + (column.cost?.units ?? 0), 0) * 100) / 100;
  // The same check the server makes (it refuses the whole comparison), shown before Generate.
  const overBudget = budgetRemaining !== null && total > budgetRemaining;
  const isPicked = (option: ComparePick) =>
    picks.some((pick) => pick.model === option.model && pick.mode === option.mode);

  const generate = () =>
    startTransition(async () => {
      const result = await submitCompareAction({
        columns: columns.map((column) => column.request),
        teamId,
        idempotencyKey: submissionKey.current,
      });
      if (!result.ok) return setError(result.error);
      submissionKey.current = newSubmissionKey();
      toast.success(`Comparing ${columns.length} · ${result.data.estimatedUnits} units`);
      setOpen(false);
      router.push(`/compare/${result.data.batchId}`);
    });

  return (
    <>
      <Button
        variant="secondary"
        onClick={() => setOpen(true)}
        disabled={Boolean(disabledReason)}
        title={disabledReason ?? undefined}
      >
        <Columns2 aria-hidden className="size-4" /> Compare models
      </Button>
      <Dialog
        open={open}
        onOpenChange={setOpen}
        title="Compare models"
        description={`The same prompt on ${COMPARE_MIN}–${COMPARE_MAX} models, or one model in Standard and Professional.`}
      >
        <div className="space-y-4">
          <fieldset className="grid gap-1 sm:grid-cols-2">
            <legend className="mb-1 text-sm font-medium">Columns</legend>
            {options.map((option) => (
              <label key={`${option.model}-${option.mode}`} className="flex items-center gap-2 text-sm">
                <input
                  type="checkbox"
                  checked={isPicked(option)}
                  disabled={!isPicked(option) && picks.length >= COMPARE_MAX}
                  onChange={(event) => {
                    setError(null);
                    setPicks((current) =>
                      event.target.checked
                        ? [...current, { model: option.model, mode: option.mode }]
                        : current.filter((pick) => pick.model !== option.model || pick.mode !== option.mode),
                    );
                  }}
                />
                {option.label}
              </label>
            ))}
          </fieldset>
          {columns.length > 0 && (
            <ol aria-label="What each column gets" className="space-y-2 text-sm">
              {columns.map((column, index) => (
                <li
                  key={column.label}
                  className="rounded border border-line p-2"
                  data-testid="compare-column"
                >
                  <p className="font-medium">
                    {index + 1}. {column.label} · {column.request.duration} s ·{" "}
                    {column.cost ? `${column.cost.units} units` : "no price"}
                  </p>
                  <p className="text-xs text-muted">
                    {column.changes.length ? column.changes.join("; ") : "All settings sent as set"}
                  </p>
                </li>
              ))}
            </ol>
          )}
          <p className="text-sm" data-testid="compare-total">
            {columns.length} column{columns.length === 1 ? "" : "s"} · total {total} units
            <span className="block text-xs text-muted">
              {budgetRemaining === null
                ? "No monthly budget set"
                : `${budgetRemaining} units of the team's monthly budget remain`}
            </span>
          </p>
          {overBudget && (
            <p id="compare-over-budget" className="text-sm text-warn">
              This comparison needs {total} units; only {budgetRemaining} remain this month.
            </p>
          )}
          {error && (
            <p role="alert" className="text-sm text-danger">
              {error}
            </p>
          )}
          <div className="flex justify-end">
            <Button
              onClick={generate}
              disabled={pending || columns.length < COMPARE_MIN || overBudget}
              aria-describedby={overBudget ? "compare-over-budget" : undefined}
            >
              Generate comparison
            </Button>
          </div>
        </div>
      </Dialog>
    </>
  );
}
