"use client";

import { useQueryClient } from "@tanstack/react-query";
import { BookOpen } from "lucide-react";
import { useDeferredValue, useId, useState, useTransition } from "react";
import { toast } from "sonner";
import { TEMPLATES_QUERY_KEY, useTemplates } from "@/components/hooks/queries/use-templates-query";
import { useTeamScope } from "@/components/team-scope";
import { FillTemplateForm } from "@/components/templates/fill-template-form";
import { TemplateFormDialog } from "@/components/templates/template-form-dialog";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { archiveTemplateAction } from "@/lib/templates/actions";
import type { TemplateSummary } from "@/lib/templates/templates";

/**
 * The team prompt library: search, pick a template, fill in its variables, and the editor gets the
 * result. Authors and admins can edit or archive from here.
 */
export function TemplatePicker({ onFill }: { onFill: (prompt: string, negativePrompt: string) => void }) {
  const [open, setOpen] = useState(false);
  const [search, setSearch] = useState("");
  const q = useDeferredValue(search.trim());
  const [chosen, setChosen] = useState<TemplateSummary | null>(null);
  const [editing, setEditing] = useState<TemplateSummary | null>(null);
  const [pending, startTransition] = useTransition();
  const queryClient = useQueryClient();
  const templates = useTemplates(q, open);
  const searchId = useId();
  const { teamId } = useTeamScope();

  const archive = (template: TemplateSummary) =>
    startTransition(async () => {
      const result = await archiveTemplateAction({ templateId: template.id, teamId });
      if (!result.ok) return void toast.error(result.error);
      toast.success(`Archived “${template.name}”`);
      await queryClient.invalidateQueries({ queryKey: TEMPLATES_QUERY_KEY });
    });

  return (
    <>
      <Button
        variant="secondary"
        onClick={() => {
          setChosen(null);
          setOpen(true);
        }}
      >
        <BookOpen aria-hidden className="size-4" /> Templates
      </Button>
      <Dialog
        open={open}
        onOpenChange={setOpen}
        title={chosen ? `Use “${chosen.name}”` : "Team templates"}
        description={chosen ? "Fill in the variables; the editor gets the finished prompt." : undefined}
      >
        {chosen ? (
          <FillTemplateForm
            template={chosen}
            onBack={() => setChosen(null)}
            onFilled={(prompt, negativePrompt) => {
              onFill(prompt, negativePrompt);
              setOpen(false);
              void queryClient.invalidateQueries({ queryKey: TEMPLATES_QUERY_KEY });
            }}
          />
        ) : (
          <div className="space-y-3">
            <label htmlFor={searchId} className="sr-only">
              Search templates
            </label>
            <input
              id={searchId}
              type="search"
              value={search}
              onChange={(event) => setSearch(event.target.value)}
              placeholder="Search templates"
              className="w-full rounded-md border border-line bg-surface px-3 py-2 text-sm"
            />
            {templates.isError && <p className="text-sm text-danger">{templates.error.message}</p>}
            {templates.isPending ? (
              <p className="text-sm text-muted">Loading…</p>
            ) : templates.data?.templates.length === 0 ? (
              <p className="text-sm text-muted">
                {q
                  ? `No template matches “${q}”.`
                  : "No templates yet: use “Save as template” in the editor."}
              </p>
            ) : (
              <ul aria-label="Templates" className="space-y-2">
                {templates.data?.templates.map((template) => (
                  <li
                    key={template.id}
                    data-testid="template"
                    className="space-y-2 rounded-md border border-line bg-surface p-3"
                  >
                    <div>
                      <p className="text-sm font-semibold">{template.name}</p>
                      <p className="line-clamp-2 text-xs text-muted">{template.prompt}</p>
                      <p className="mt-1 text-xs text-muted" data-testid="template-meta">
                        by {template.author.name} · used {template.useCount} time
                        {template.useCount === 1 ? "" : "s"}
                      </p>
                    </div>
                    <div className="flex flex-wrap gap-2">
                      <Button onClick={() => setChosen(template)} aria-label={`Use ${template.name}`}>
                        Use
                      </Button>
                      {template.canEdit && (
                        <>
                          <Button
                            variant="secondary"
                            onClick={() => setEditing(template)}
                            aria-label={`Edit ${template.name}`}
                          >
                            Edit
                          </Button>
                          <Button
                            variant="danger"
                            disabled={pending}
                            onClick={() => archive(template)}
                            aria-label={`Archive ${template.name}`}
                          >
                            Archive
                          </Button>
                        </>
                      )}
                    </div>
                  </li>
                ))}
              </ul>
            )}
            {/* Inside the library's dialog, so Radix stacks it on top instead of dismissing the library. */}
            <TemplateFormDialog
              open={editing !== null}
              onOpenChange={(next) => !next && setEditing(null)}
              templateId={editing?.id}
              initial={editing ?? { name: "", prompt: "", negativePrompt: "", defaults: {} }}
            />
          </div>
        )}
      </Dialog>
    </>
  );
}
