import Link from "next/link";
import { MODE_LABELS, type Mode } from "@/lib/kling/models";
import type { VideoDetail } from "@/lib/review/detail";

export function Parameters({ detail }: { detail: VideoDetail }) {
  const camera = detail.request.camera;
  const cameraText = camera
    ? camera.type === "simple"
      ? Object.entries(camera.config ?? {})
          .filter(([, value]) => value !== 0)
          .map(([axis, value]) => `${axis} ${value}`)
          .join(", ")
      : camera.type
    : "none";
  const rows: Array<[string, React.ReactNode]> = [
    ["Model", detail.model],
    ["Mode", MODE_LABELS[detail.mode as Mode] ?? detail.mode],
    [
      "Duration",
      `${detail.duration} s${detail.video?.durationSeconds ? ` (file ${detail.video.durationSeconds.toFixed(2)} s)` : ""}`,
    ],
    [
      "Aspect ratio",
      `${detail.aspectRatio}${detail.video?.width ? ` · ${detail.video.width}×${detail.video.height}` : ""}`,
    ],
    ["CFG scale", detail.request.cfgScale == null ? "not used" : String(detail.request.cfgScale)],
    ["Camera movement", cameraText],
    ["Native audio", detail.sound ? "on" : "off"],
    [
      "Units",
      detail.chargedUnits !== null
        ? `${detail.chargedUnits} charged (estimated ${detail.estimatedUnits})`
        : `~${detail.estimatedUnits}`,
    ],
    ["Author", detail.author.name],
    ["Created", new Date(detail.createdAt).toLocaleString()],
    ["Finished", detail.archivedAt ? new Date(detail.archivedAt).toLocaleString() : "—"],
    ["Kling task", detail.klingTaskId ?? "—"],
  ];
  return (
    <section className="space-y-4">
      <div>
        <h1 className="mb-1 text-sm font-medium text-muted">Prompt</h1>
        <p className="whitespace-pre-wrap" data-testid="video-prompt">
          {detail.prompt}
        </p>
        {detail.negativePrompt && (
          <p className="mt-2 text-sm text-muted">Negative: {detail.negativePrompt}</p>
        )}
      </div>
      <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
        {rows.map(([label, value]) => (
          <div key={label} className="contents">
            <dt className="text-muted">{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      {(detail.parent || detail.children.length > 0) && (
        <div className="space-y-1 text-sm">
          <h2 className="font-medium">Lineage</h2>
          {detail.parent && (
            <p>
              Remixed from{" "}
              <Link href={`/videos/${detail.parent.id}`} className="text-accent underline">
                {detail.parent.prompt.slice(0, 80)}
              </Link>
            </p>
          )}
          {detail.children.length > 0 && (
            <ul className="list-inside list-disc">
              {detail.children.map((child) => (
                <li key={child.id}>
                  Remix:{" "}
                  {child.status === "archived" ? (
                    <Link href={`/videos/${child.id}`} className="text-accent underline">
                      {child.prompt.slice(0, 80)}
                    </Link>
                  ) : (
                    <span className="text-muted">
                      {child.prompt.slice(0, 80)} ({child.status})
                    </span>
                  )}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </section>
  );
}
