"use client";

import { type Availability, type StudioDraft, writesShots } from "@/lib/generations/draft";
import type { Catalog } from "@/lib/kling/catalog";
import {
  ASPECT_RATIOS,
  type AspectRatio,
  MODE_LABELS,
  MODES,
  type ModelCapability,
} from "@/lib/kling/models";

export function ModelSettings({
  catalog,
  draft,
  availability,
  errors,
  onChange,
}: {
  catalog: Catalog;
  draft: StudioDraft;
  availability: { mode: Availability; cfgScale: Availability; sound: Availability };
  errors: Record<string, string | undefined>;
  onChange: (change: Partial<StudioDraft>) => void;
}) {
  const model = catalog.models.find((candidate) => candidate.id === draft.model);
  const durations = model
    ? model.durations[draft.mode].length
      ? model.durations[draft.mode]
      : model.durations.std
    : [];
  return (
    <div className="space-y-5">
      <div className="space-y-1.5">
        <label htmlFor="model" className="block text-sm font-medium">
          Model
        </label>
        <select
          id="model"
          value={draft.model}
          onChange={(event) => onChange({ model: event.target.value })}
          aria-describedby="model-capabilities"
          className="w-full rounded-md border border-line bg-surface px-2 py-2 text-sm"
        >
          {catalog.models.map((candidate) => (
            <option key={candidate.id} value={candidate.id} disabled={candidate.retired}>
              {candidate.label} — {candidate.summary}
              {candidate.retired ? " (retired)" : ""}
            </option>
          ))}
        </select>
        {model && <Capabilities model={model} />}
        {errors.model && <p className="text-xs text-danger">{errors.model}</p>}
      </div>

      <fieldset
        className="space-y-1.5"
        aria-describedby={availability.mode.enabled ? undefined : "mode-reason"}
      >
        <legend className="text-sm font-medium">Mode</legend>
        <div className="grid grid-cols-2 gap-2" role="radiogroup" aria-label="Mode">
          {MODES.map((mode) => (
            <Choice
              key={mode}
              name="mode"
              checked={draft.mode === mode}
              disabled={!availability.mode.enabled && mode !== "std"}
              onSelect={() => onChange({ mode })}
              label={MODE_LABELS[mode]}
              detail={mode === "std" ? "720p, cost-effective" : "1080p, higher quality"}
            />
          ))}
        </div>
        {!availability.mode.enabled && (
          <p id="mode-reason" className="text-xs text-warn">
            {availability.mode.reason}
          </p>
        )}
        {errors.mode && <p className="text-xs text-danger">{errors.mode}</p>}
      </fieldset>

      <div className="grid gap-5 sm:grid-cols-2">
        <div className="space-y-1.5">
          <label htmlFor="duration" className="block text-sm font-medium">
            Duration
          </label>
          <select
            id="duration"
            value={draft.duration}
            onChange={(event) => onChange({ duration: Number(event.target.value) })}
            disabled={writesShots(model, draft)}
            aria-describedby={writesShots(model, draft) ? "duration-by-shots" : undefined}
            className="w-full rounded-md border border-line bg-surface px-2 py-2 text-sm"
          >
            {durations.map((seconds) => (
              <option key={seconds} value={seconds}>
                {seconds} seconds
              </option>
            ))}
          </select>
          {writesShots(model, draft) && (
            <p id="duration-by-shots" className="text-xs text-muted">
              Set by the storyboard: its shots add up to {draft.duration} s
            </p>
          )}
          {errors.duration && <p className="text-xs text-danger">{errors.duration}</p>}
        </div>

        <fieldset className="space-y-1.5">
          <legend className="text-sm font-medium">Aspect ratio</legend>
          <div className="flex gap-2" role="radiogroup" aria-label="Aspect ratio">
            {ASPECT_RATIOS.map((ratio) => (
              <AspectChoice
                key={ratio}
                ratio={ratio}
                checked={draft.aspectRatio === ratio}
                onSelect={() => onChange({ aspectRatio: ratio })}
              />
            ))}
          </div>
          {errors.aspectRatio && <p className="text-xs text-danger">{errors.aspectRatio}</p>}
        </fieldset>
      </div>

      <div className="space-y-1.5">
        <div className="flex items-baseline justify-between text-sm">
          <label htmlFor="cfg-scale" className="font-medium">
            CFG scale
          </label>
          <output htmlFor="cfg-scale" className="tabular-nums text-muted">
            {draft.cfgScale.toFixed(2)}
          </output>
        </div>
        <input
          id="cfg-scale"
          type="range"
          min={0}
          max={1}
          step={0.05}
          value={draft.cfgScale}
          disabled={!availability.cfgScale.enabled}
          onChange={(event) => onChange({ cfgScale: Number(event.target.value) })}
          aria-describedby="cfg-help"
          className="w-full accent-[var(--color-accent)] disabled:opacity-40"
        />
        <p id="cfg-help" className={`text-xs ${availability.cfgScale.enabled ? "text-muted" : "text-warn"}`}>
          {availability.cfgScale.enabled
            ? "Higher follows the prompt more strictly; lower gives the model more freedom."
            : availability.cfgScale.reason}
        </p>
        {errors.cfgScale && <p className="text-xs text-danger">{errors.cfgScale}</p>}
      </div>

      <div className="space-y-1">
        <label className="flex items-center gap-3 text-sm">
          <input
            type="checkbox"
            checked={draft.sound && availability.sound.enabled}
            disabled={!availability.sound.enabled}
            onChange={(event) => onChange({ sound: event.target.checked })}
            className="size-4 accent-[var(--color-accent)]"
            aria-describedby="audio-help"
          />
          <span className="font-medium">Native audio</span>
        </label>
        <p id="audio-help" className={`text-xs ${availability.sound.enabled ? "text-muted" : "text-warn"}`}>
          {availability.sound.enabled
            ? "Kling generates a soundtrack with the video (costs more)."
            : availability.sound.reason}
        </p>
        {errors.sound && <p className="text-xs text-danger">{errors.sound}</p>}
      </div>
    </div>
  );
}

function Capabilities({ model }: { model: ModelCapability }) {
  const items = [
    `${model.acceptsMode ? "Standard / Professional" : "single quality"}`,
    `${[...new Set([...model.durations.std, ...model.durations.pro])].length > 2 ? `${Math.min(...model.durations.std)}–${Math.max(...model.durations.std)} s` : "5 or 10 s"}`,
    model.cameraControl ? "camera control" : null,
    model.sound ? "native audio" : null,
    model.cfgScale ? "CFG scale" : null,
    model.negativePrompt ? "negative prompt" : null,
  ].filter(Boolean);
  return (
    <p id="model-capabilities" className="text-xs text-muted">
      Supports: {items.join(" · ")}
    </p>
  );
}

function Choice(props: {
  name: string;
  checked: boolean;
  disabled?: boolean;
  onSelect: () => void;
  label: string;
  detail: string;
}) {
  return (
    <label
      className={`flex cursor-pointer flex-col rounded-md border px-3 py-2 text-sm has-[:focus-visible]:outline has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-accent ${
        props.checked ? "border-accent bg-accent/10" : "border-line"
      } ${props.disabled ? "cursor-not-allowed opacity-50" : ""}`}
    >
      <input
        type="radio"
        name={props.name}
        className="sr-only"
        checked={props.checked}
        disabled={props.disabled}
        onChange={props.onSelect}
      />
      <span className="font-medium">{props.label}</span>
      <span className="text-xs text-muted">{props.detail}</span>
    </label>
  );
}

const SHAPES: Record<AspectRatio, { width: number; height: number }> = {
  "16:9": { width: 32, height: 18 },
  "9:16": { width: 14, height: 25 },
  "1:1": { width: 22, height: 22 },
};

function AspectChoice({
  ratio,
  checked,
  onSelect,
}: {
  ratio: AspectRatio;
  checked: boolean;
  onSelect: () => void;
}) {
  const shape = SHAPES[ratio];
  return (
    <label
      className={`flex w-16 cursor-pointer flex-col items-center gap-1 rounded-md border px-2 py-2 text-xs has-[:focus-visible]:outline has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-accent ${
        checked ? "border-accent bg-accent/10" : "border-line"
      }`}
    >
      <input
        type="radio"
        name="aspect-ratio"
        value={ratio}
        className="sr-only"
        checked={checked}
        onChange={onSelect}
        aria-label={ratio}
      />
      <span aria-hidden className="grid h-7 place-items-center">
        <span
          className="block rounded-sm border-2 border-current"
          style={{ width: shape.width, height: shape.height }}
        />
      </span>
      {ratio}
    </label>
  );
}
