"use client";

import { useEffect, useRef } from "react";
import { type Availability, activeAxis, type StudioDraft, setCameraAxis } from "@/lib/generations/draft";
import { CAMERA_AXES, CAMERA_TYPES, type CameraAxis, type CameraType, ZERO_CAMERA } from "@/lib/kling/models";

const AXIS_LABELS: Record<CameraAxis, { label: string; negative: string; positive: string }> = {
  horizontal: { label: "Horizontal", negative: "left", positive: "right" },
  vertical: { label: "Vertical", negative: "down", positive: "up" },
  pan: { label: "Pan", negative: "left", positive: "right" },
  tilt: { label: "Tilt", negative: "down", positive: "up" },
  roll: { label: "Roll", negative: "counter-clockwise", positive: "clockwise" },
  zoom: { label: "Zoom", negative: "narrower", positive: "wider" },
};

const TYPE_LABELS: Record<CameraType | "none", string> = {
  none: "None (Kling chooses)",
  simple: "Simple (one axis)",
  down_back: "Down and back",
  forward_up: "Forward and up",
  right_turn_forward: "Right turn, forward",
  left_turn_forward: "Left turn, forward",
};

// What each preset does, expressed on the same axes, for the preview only.
const PRESET_MOTION: Record<Exclude<CameraType, "simple">, Partial<Record<CameraAxis, number>>> = {
  down_back: { tilt: -4, zoom: -5 },
  forward_up: { zoom: 5, tilt: 4 },
  right_turn_forward: { pan: 5, zoom: 4 },
  left_turn_forward: { pan: -5, zoom: 4 },
};

export function CameraControl({
  draft,
  availability,
  onChange,
}: {
  draft: StudioDraft;
  availability: Availability;
  onChange: (draft: StudioDraft) => void;
}) {
  const disabled = !availability.enabled;
  const isSimple = draft.camera.type === "simple" || draft.camera.type === "none";
  const motion =
    draft.camera.type === "none"
      ? ZERO_CAMERA
      : draft.camera.type === "simple"
        ? draft.camera.config
        : { ...ZERO_CAMERA, ...PRESET_MOTION[draft.camera.type] };
  const current = activeAxis(draft);
  return (
    <fieldset
      className="space-y-4 rounded-lg border border-line p-4"
      disabled={disabled}
      aria-describedby={disabled ? "camera-reason" : undefined}
    >
      <legend className="px-1 text-sm font-medium">Camera</legend>
      {disabled && (
        <p id="camera-reason" className="text-xs text-warn">
          {availability.reason}
        </p>
      )}
      <div className="space-y-1.5">
        <label htmlFor="camera-type" className="block text-sm font-medium">
          Camera movement
        </label>
        <select
          id="camera-type"
          value={draft.camera.type}
          onChange={(event) => {
            const type = event.target.value as CameraType | "none";
            onChange({
              ...draft,
              camera: { type, config: type === "simple" ? draft.camera.config : { ...ZERO_CAMERA } },
            });
          }}
          className="w-full rounded-md border border-line bg-surface px-2 py-2 text-sm disabled:opacity-50"
        >
          {(["none", ...CAMERA_TYPES] as const).map((type) => (
            <option key={type} value={type}>
              {TYPE_LABELS[type]}
            </option>
          ))}
        </select>
      </div>
      <div className="grid gap-3 sm:grid-cols-2">
        {CAMERA_AXES.map((axis) => {
          const value = draft.camera.config[axis];
          const id = `camera-${axis}`;
          return (
            <div key={axis} className="space-y-1">
              <div className="flex items-baseline justify-between text-sm">
                <label htmlFor={id} className="font-medium">
                  {AXIS_LABELS[axis].label}
                </label>
                <output htmlFor={id} className={`tabular-nums ${value !== 0 ? "text-accent" : "text-muted"}`}>
                  {value > 0 ? `+${value}` : value}
                </output>
              </div>
              <input
                id={id}
                type="range"
                min={-10}
                max={10}
                step={1}
                value={value}
                disabled={disabled || !isSimple}
                aria-valuetext={`${value} (${value < 0 ? AXIS_LABELS[axis].negative : value > 0 ? AXIS_LABELS[axis].positive : "still"})`}
                onChange={(event) => onChange(setCameraAxis(draft, axis, Number(event.target.value)))}
                className="w-full accent-[var(--color-accent)] disabled:opacity-40"
              />
            </div>
          );
        })}
      </div>
      <p className="text-xs text-muted">
        {draft.camera.type === "simple" || draft.camera.type === "none"
          ? `Kling moves one axis at a time: moving a slider resets the others.${current ? ` Now: ${AXIS_LABELS[current].label} ${draft.camera.config[current]}.` : ""}`
          : "Preset moves combine several axes; their sliders are fixed."}
      </p>
      <CameraPreview motion={motion} />
    </fieldset>
  );
}

/** A sample frame moved the way Kling will move the camera, looping, so "tilt -2" means something. */
function CameraPreview({ motion }: { motion: Record<CameraAxis, number> }) {
  const frame = useRef<HTMLDivElement>(null);
  const key = CAMERA_AXES.map((axis) => motion[axis]).join(",");
  // biome-ignore lint/correctness/useExhaustiveDependencies: `key` stands for every value of `motion`
  useEffect(() => {
    const element = frame.current;
    if (!element || typeof element.animate !== "function") return;
    const reduce = window.matchMedia("(prefers-reduced-motion: reduce)").matches;
    const end = [
      `translateX(${-motion.horizontal * 2}%)`,
      `translateY(${motion.vertical * 2}%)`,
      `rotateY(${motion.pan * 2.5}deg)`,
      `rotateX(${motion.tilt * 2.5}deg)`,
      `rotate(${motion.roll * 2}deg)`,
      `scale(${1 + motion.zoom * 0.04})`,
    ].join(" ");
    const animation = element.animate([{ transform: "none" }, { transform: end }], {
      duration: 2500,
      iterations: reduce ? 1 : Number.POSITIVE_INFINITY,
      direction: "alternate",
      easing: "ease-in-out",
      fill: "forwards",
    });
    return () => animation.cancel();
  }, [key]);
  return (
    <div className="overflow-hidden rounded-md border border-line bg-black [perspective:600px]" aria-hidden>
      <div className="relative aspect-video">
        <div ref={frame} className="absolute inset-[-15%] origin-center">
          <svg viewBox="0 0 160 90" className="size-full" role="presentation">
            <defs>
              <linearGradient id="sky" x1="0" x2="0" y1="0" y2="1">
                <stop offset="0" stopColor="#1e3a8a" />
                <stop offset="1" stopColor="#f59e0b" />
              </linearGradient>
            </defs>
            <rect width="160" height="90" fill="url(#sky)" />
            <circle cx="112" cy="38" r="9" fill="#fde68a" />
            <path d="M0 62 L40 40 L70 58 L105 34 L160 60 L160 90 L0 90 Z" fill="#0f172a" />
            <path d="M0 74 L160 70 L160 90 L0 90 Z" fill="#064e3b" />
            <rect x="74" y="55" width="12" height="16" fill="#e11d48" />
            <path d="M72 55 L80 48 L88 55 Z" fill="#fb7185" />
          </svg>
        </div>
      </div>
    </div>
  );
}
