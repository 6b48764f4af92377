import { randomUUID } from "node:crypto";
import { Studio } from "@/components/studio/studio";
import { can } from "@/lib/auth/permissions";
import { requirePageTeam } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { budgetStatus } from "@/lib/generations/budget";
import { defaultDraft, fitDraftToModel, type StudioDraft } from "@/lib/generations/draft";
import type { GenerationRequest } from "@/lib/generations/request";
import { getCatalog } from "@/lib/kling/catalog";
import { ZERO_CAMERA } from "@/lib/kling/models";

export default async function StudioPage({ searchParams }: { searchParams: Promise<{ from?: string }> }) {
  const context = await requirePageTeam("team.view");
  if (!context) return null;
  const catalog = getCatalog();
  const { from } = await searchParams;
  const [budget, recent, source] = await Promise.all([
    budgetStatus(db, context.team.id),
    db.generation.findMany({
      where: { teamId: context.team.id },
      select: { prompt: true },
      orderBy: { createdAt: "desc" },
      distinct: ["prompt"],
      take: 10,
    }),
    from
      ? db.generation.findFirst({
          where: { id: from, teamId: context.team.id },
          select: { id: true, request: true, prompt: true },
        })
      : null,
  ]);
  const mayGenerate = can(context.member.role, "generation.create");
  return (
    <div className="space-y-6">
      {!mayGenerate && (
        <p role="note" className="rounded-md border border-warn/40 bg-warn/10 px-4 py-3 text-sm">
          Your role in {context.team.name} is <strong>{context.member.role}</strong>: you can watch, review
          and comment, but not generate. Ask an admin or owner if you need to generate.
        </p>
      )}
      <Studio
        key={source?.id ?? "new"}
        catalog={catalog}
        teamId={context.team.id}
        canGenerate={mayGenerate}
        budget={budget}
        recentPrompts={recent.map((row) => row.prompt)}
        remix={
          source
            ? {
                parentId: source.id,
                prompt: source.prompt,
                draft: draftFrom(catalog, source.request as GenerationRequest),
              }
            : null
        }
      />
    </div>
  );
}

/** A stored request back into the editor's shape, for remixing. */
function draftFrom(catalog: ReturnType<typeof getCatalog>, request: GenerationRequest): StudioDraft {
  const base = defaultDraft(catalog);
  return fitDraftToModel(catalog, {
    ...base,
    prompt: request.prompt,
    negativePrompt: request.negativePrompt ?? "",
    model: request.model,
    mode: request.mode,
    duration: request.duration,
    aspectRatio: request.aspectRatio,
    cfgScale: request.cfgScale ?? base.cfgScale,
    camera: request.camera
      ? { type: request.camera.type, config: { ...ZERO_CAMERA, ...(request.camera.config ?? {}) } }
      : { type: "none", config: { ...ZERO_CAMERA } },
    sound: request.sound,
    // Remixing a storyboard reopens it as a storyboard, shot by shot.
    storyboard: request.shotType
      ? {
          enabled: true,
          shotType: request.shotType,
          shots: (request.shots ?? []).map((shot) => ({ key: randomUUID(), ...shot })),
        }
      : base.storyboard,
  });
}
