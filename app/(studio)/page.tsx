import { randomUUID } from "node:crypto";
import { Studio } from "@/components/studio/studio";
import { can } from "@/lib/auth/permissions";
import { requirePageTeam } from "@/lib/auth/session";
import { defaultDraft, fitDraftToModel, type StudioDraft } from "@/lib/generations/draft";
import { getStudioPageData } from "@/lib/generations/queries";
import type { GenerationRequest } from "@/lib/generations/request";
import { getCatalog } from "@/lib/kling/catalog";
import { ZERO_CAMERA } from "@/lib/kling/models";

export default async function StudioPage({ searchParams }: { searchParams: Promise<{ from?: string }> }) {
  const context = await requirePageTeam("team.view");
  if (!context) return null;
  const catalog = getCatalog();
  const { from } = await searchParams;
  const {
    budget,
    recentPrompts,
    remixSource: source,
  } = await getStudioPageData({
    teamId: context.team.id,
    remixOf: from,
  });
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
        recentPrompts={recentPrompts}
        remix={
          source
            ? {
                parentId: source.id,
                prompt: source.prompt,
                draft: draftFrom(catalog, source.request),
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
