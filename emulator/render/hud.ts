import type { SKRSContext2D } from "@napi-rs/canvas";
import { type CameraPose, describeCamera, describePose } from "./camera";
import type { RenderJob } from "./types";

export interface HudState {
  pose: CameraPose;
  timeSec: number;
  shotIndex: number;
  /** Prompt lines of the current shot, wrapped once per shot. */
  promptLines: string[];
}

/** Screen-space overlay: what was asked for (model, mode, prompt, camera) and where we are in time. */
export function drawHud(ctx: SKRSContext2D, job: RenderJob, state: HudState): void {
  const { width, height } = job;
  const font = fontSize(width, height);
  const pad = Math.round(font * 0.6);

  ctx.textAlign = "left";
  ctx.textBaseline = "top";
  ctx.fillStyle = "rgba(0,0,0,0.55)";
  ctx.fillRect(0, 0, width, pad * 2 + font * 2.4);
  ctx.fillStyle = "#ffffff";
  ctx.font = `bold ${font}px DejaVu Sans`;
  const sound = job.sound ? "sound on" : "sound off";
  ctx.fillText(`KLING EMULATOR  ${job.modelName} · ${job.modeLabel} · ${job.aspectRatio}`, pad, pad);
  ctx.font = `${Math.round(font * 0.8)}px DejaVu Sans`;
  ctx.fillStyle = "#ffd54a";
  ctx.fillText(
    `${describeCamera(job.camera)}  |  ${describePose(state.pose)}  |  ${job.width}x${job.height} ${job.fps}fps ${sound}`,
    pad,
    pad + font * 1.3,
  );

  drawCrosshair(ctx, width, height, font);

  const lineHeight = font * 1.25;
  const boxHeight = pad * 2 + lineHeight * state.promptLines.length + font * 1.6;
  ctx.fillStyle = "rgba(0,0,0,0.55)";
  ctx.fillRect(0, height - boxHeight, width, boxHeight);
  ctx.fillStyle = "#ffffff";
  ctx.font = `${font}px DejaVu Sans`;
  state.promptLines.forEach((line, i) => {
    ctx.fillText(line, pad, height - boxHeight + pad + i * lineHeight);
  });

  const shots = job.shots.length > 1 ? `shot ${state.shotIndex + 1}/${job.shots.length}   ` : "";
  ctx.font = `${Math.round(font * 0.8)}px DejaVu Sans`;
  ctx.fillStyle = "#cfd8dc";
  ctx.fillText(
    `${shots}${timecode(state.timeSec)} / ${timecode(job.durationSec)}`,
    pad,
    height - pad - font * 1.2,
  );
  const barY = height - Math.max(2, Math.round(font * 0.25));
  ctx.fillStyle = "rgba(255,255,255,0.25)";
  ctx.fillRect(0, barY, width, height - barY);
  ctx.fillStyle = "#ff5252";
  ctx.fillRect(0, barY, (width * state.timeSec) / job.durationSec, height - barY);
}

/** Wraps a prompt to at most maxLines lines that fit the frame width. */
export function wrapPrompt(ctx: SKRSContext2D, job: RenderJob, prompt: string, maxLines = 3): string[] {
  const font = fontSize(job.width, job.height);
  ctx.font = `${font}px DejaVu Sans`;
  const maxWidth = job.width - font * 1.2;
  const lines: string[] = [];
  let line = "";
  for (const word of `“${prompt.trim()}”`.split(/\s+/)) {
    const candidate = line ? `${line} ${word}` : word;
    if (ctx.measureText(candidate).width <= maxWidth || !line) {
      line = candidate;
      continue;
    }
    lines.push(line);
    line = word;
    if (lines.length === maxLines) break;
  }
  if (lines.length < maxLines && line) lines.push(line);
  else if (line) lines[maxLines - 1] = `${lines[maxLines - 1]} …`;
  return lines;
}

function drawCrosshair(ctx: SKRSContext2D, width: number, height: number, font: number): void {
  const size = font * 0.9;
  ctx.strokeStyle = "rgba(255,255,255,0.8)";
  ctx.lineWidth = Math.max(1, font / 10);
  ctx.beginPath();
  ctx.moveTo(width / 2 - size, height / 2);
  ctx.lineTo(width / 2 + size, height / 2);
  ctx.moveTo(width / 2, height / 2 - size);
  ctx.lineTo(width / 2, height / 2 + size);
  ctx.stroke();
}

function fontSize(width: number, height: number): number {
  return Math.max(6, Math.round(Math.min(width, height) * 0.034));
}

function timecode(seconds: number): string {
  const whole = Math.floor(seconds);
  const hundredths = Math.floor((seconds - whole) * 100);
  return `${String(Math.floor(whole / 60)).padStart(2, "0")}:${String(whole % 60).padStart(2, "0")}.${String(hundredths).padStart(2, "0")}`;
}
