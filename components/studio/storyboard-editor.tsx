"use client";

import { ArrowDown, ArrowUp, Copy, GripVertical, Plus, Trash2 } from "lucide-react";
import { useId, useState } from "react";
import { ShotTimeline } from "@/components/studio/shot-timeline";
import type { Availability, StoryboardDraft } from "@/lib/generations/draft";
import { SHOT_PROMPT_MAX, SHOTS_MAX } from "@/lib/generations/storyboard.validation";

type Shots = StoryboardDraft["shots"];

/**
 * The storyboard (Kling 3.0 multi-shot): 1–6 shots, each with its prompt and seconds, whose sum is
 * the clip; or one prompt that Kling splits itself. Shots move with buttons, Alt+↑/↓ or dragging.
 */
export function StoryboardEditor({
  storyboard,
  availability,
  prompt,
  duration,
  totalHint,
  errors,
  onChange,
}: {
  storyboard: StoryboardDraft;
  availability: Availability;
  prompt: string;
  /** The clip's current length: the first shot gets all of it. */
  duration: number;
  /** e.g. "Kling 3.0 takes 3–15 s". */
  totalHint: string;
  errors: Record<string, string | undefined>;
  onChange: (storyboard: StoryboardDraft) => void;
}) {
  const id = useId();
  const [dragging, setDragging] = useState<number | null>(null);
  const shots = storyboard.shots;
  const setShots = (next: Shots) => onChange({ ...storyboard, shots: next });
  const move = (from: number, to: number) => {
    if (to < 0 || to >= shots.length || from === to) return;
    const next = [...shots];
    const [shot] = next.splice(from, 1);
    next.splice(to, 0, shot);
    setShots(next);
    requestAnimationFrame(() => document.getElementById(`${id}-shot-${to}`)?.focus());
  };
  const total = shots.reduce((sum, shot) => sum + shot.duration, 0);
  /** After adding, duplicating or removing, focus lands on the shot it concerns (not on <body>). */
  const focusShot = (index: number, part: "shot" | "prompt") =>
    requestAnimationFrame(() => {
      const shot = document.getElementById(`${id}-shot-${index}`);
      (part === "prompt" ? shot?.querySelector("textarea") : shot)?.focus();
    });

  const enable = (enabled: boolean) =>
    onChange({
      ...storyboard,
      enabled,
      // First time on: the current prompt becomes shot 1, lasting the whole clip.
      shots: enabled && shots.length === 0 ? [newShot(prompt, duration)] : shots,
    });

  return (
    <fieldset className="space-y-3 rounded-lg border border-line p-3" data-testid="storyboard">
      <legend className="px-1 text-sm font-medium">Storyboard</legend>
      <label className="flex items-center gap-2 text-sm">
        <input
          type="checkbox"
          checked={storyboard.enabled}
          disabled={!availability.enabled}
          onChange={(event) => enable(event.target.checked)}
          aria-describedby={availability.enabled ? undefined : `${id}-why`}
        />
        Direct it shot by shot (multi-shot)
      </label>
      {!availability.enabled && (
        <p id={`${id}-why`} className="text-xs text-muted">
          {availability.reason}
        </p>
      )}
      {errors.shotType && <p className="text-xs text-danger">{errors.shotType}</p>}
      {storyboard.enabled && availability.enabled && (
        <>
          <div role="radiogroup" aria-label="Storyboard type" className="flex flex-wrap gap-4 text-sm">
            {(
              [
                ["customize", "Write each shot"],
                ["intelligence", "Let Kling split it"],
              ] as const
            ).map(([value, label]) => (
              <label key={value} className="flex items-center gap-1.5">
                <input
                  type="radio"
                  name={`${id}-type`}
                  checked={storyboard.shotType === value}
                  onChange={() => onChange({ ...storyboard, shotType: value })}
                />
                {label}
              </label>
            ))}
          </div>
          {storyboard.shotType === "intelligence" ? (
            <p className="text-xs text-muted">Kling splits the prompt above into shots itself.</p>
          ) : (
            <>
              <ShotTimeline shots={shots} />
              <ol aria-label="Shots" className="space-y-2">
                {shots.map((shot, index) => (
                  <li
                    key={shot.key}
                    id={`${id}-shot-${index}`}
                    tabIndex={-1}
                    data-testid="shot"
                    draggable
                    onDragStart={() => setDragging(index)}
                    onDragOver={(event) => event.preventDefault()}
                    onDrop={() => {
                      if (dragging !== null) move(dragging, index);
                      setDragging(null);
                    }}
                    onKeyDown={(event) => {
                      if (!event.altKey) return;
                      if (event.key === "ArrowUp") move(index, index - 1);
                      else if (event.key === "ArrowDown") move(index, index + 1);
                      else return;
                      event.preventDefault();
                    }}
                    aria-label={`Shot ${index + 1} of ${shots.length}, ${shot.duration} s`}
                    className={`space-y-2 rounded-md border bg-surface p-2 ${dragging === index ? "border-accent" : "border-line"}`}
                  >
                    <div className="flex flex-wrap items-center gap-2">
                      <GripVertical aria-hidden className="size-4 cursor-grab text-muted" />
                      <span className="text-xs font-semibold">Shot {index + 1}</span>
                      <label className="ml-auto flex items-center gap-1 text-xs">
                        <span>Shot {index + 1} seconds</span>
                        <input
                          type="number"
                          min={1}
                          step={1}
                          value={shot.duration}
                          onChange={(event) =>
                            setShots(
                              shots.map((s, i) =>
                                i === index ? { ...s, duration: Number(event.target.value) } : s,
                              ),
                            )
                          }
                          aria-invalid={errors[`shots[${index}].duration`] ? true : undefined}
                          aria-describedby={
                            errors[`shots[${index}].duration`]
                              ? `${id}-shot-${index}-duration-error`
                              : undefined
                          }
                          className="w-16 rounded border border-line bg-panel px-1.5 py-1 text-sm"
                        />
                      </label>
                      <ShotButton
                        label={`Move shot ${index + 1} up`}
                        disabled={index === 0}
                        onClick={() => move(index, index - 1)}
                      >
                        <ArrowUp aria-hidden className="size-3.5" />
                      </ShotButton>
                      <ShotButton
                        label={`Move shot ${index + 1} down`}
                        disabled={index === shots.length - 1}
                        onClick={() => move(index, index + 1)}
                      >
                        <ArrowDown aria-hidden className="size-3.5" />
                      </ShotButton>
                      <ShotButton
                        label={`Duplicate shot ${index + 1}`}
                        disabled={shots.length >= SHOTS_MAX}
                        onClick={() => {
                          setShots([
                            ...shots.slice(0, index + 1),
                            newShot(shot.prompt, shot.duration),
                            ...shots.slice(index + 1),
                          ]);
                          focusShot(index + 1, "shot");
                        }}
                      >
                        <Copy aria-hidden className="size-3.5" />
                      </ShotButton>
                      <ShotButton
                        label={`Remove shot ${index + 1}`}
                        disabled={shots.length <= 1}
                        onClick={() => {
                          setShots(shots.filter((_, i) => i !== index));
                          focusShot(Math.min(index, shots.length - 2), "shot");
                        }}
                      >
                        <Trash2 aria-hidden className="size-3.5" />
                      </ShotButton>
                    </div>
                    <label className="block text-xs">
                      <span className="sr-only">Shot {index + 1} prompt</span>
                      <textarea
                        value={shot.prompt}
                        rows={2}
                        aria-label={`Shot ${index + 1} prompt`}
                        aria-invalid={errors[`shots[${index}].prompt`] ? true : undefined}
                        aria-describedby={
                          errors[`shots[${index}].prompt`] ? `${id}-shot-${index}-prompt-error` : undefined
                        }
                        placeholder="What happens in this shot"
                        onChange={(event) =>
                          setShots(
                            shots.map((s, i) => (i === index ? { ...s, prompt: event.target.value } : s)),
                          )
                        }
                        className="w-full rounded border border-line bg-panel px-2 py-1.5 text-sm"
                      />
                      <span
                        className={`block text-right tabular-nums ${shot.prompt.length > SHOT_PROMPT_MAX ? "text-danger" : "text-muted"}`}
                      >
                        {shot.prompt.length} / {SHOT_PROMPT_MAX}
                      </span>
                    </label>
                    {(["prompt", "duration"] as const).map(
                      (part) =>
                        errors[`shots[${index}].${part}`] && (
                          <p
                            key={part}
                            id={`${id}-shot-${index}-${part}-error`}
                            className="text-xs text-danger"
                          >
                            {errors[`shots[${index}].${part}`]}
                          </p>
                        ),
                    )}
                  </li>
                ))}
              </ol>
              <div className="flex flex-wrap items-center gap-3 text-xs">
                <button
                  type="button"
                  disabled={shots.length >= SHOTS_MAX}
                  onClick={() => {
                    setShots([...shots, newShot("", 2)]);
                    focusShot(shots.length, "prompt");
                  }}
                  className="inline-flex items-center gap-1 rounded-md border border-line px-2 py-1 hover:bg-raised disabled:opacity-50"
                >
                  <Plus aria-hidden className="size-3.5" /> Add shot
                </button>
                <span data-testid="storyboard-total" aria-live="polite">
                  {shots.length} shot{shots.length === 1 ? "" : "s"} · total {total} s ({totalHint})
                </span>
                <span className="text-muted">
                  <kbd>Alt</kbd>+<kbd>↑</kbd>/<kbd>↓</kbd> on a shot moves it; or drag it
                </span>
              </div>
              {errors.shots && <p className="text-xs text-danger">{errors.shots}</p>}
            </>
          )}
        </>
      )}
    </fieldset>
  );
}

function ShotButton({
  label,
  disabled,
  onClick,
  children,
}: {
  label: string;
  disabled?: boolean;
  onClick: () => void;
  children: React.ReactNode;
}) {
  return (
    <button
      type="button"
      aria-label={label}
      title={label}
      disabled={disabled}
      onClick={onClick}
      className="rounded p-1 text-muted hover:bg-raised hover:text-fg disabled:opacity-40"
    >
      {children}
    </button>
  );
}

function newShot(prompt: string, duration: number) {
  return { key: crypto.randomUUID(), prompt, duration };
}
