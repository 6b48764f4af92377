import type { SKRSContext2D } from "@napi-rs/canvas";
import type { CameraPose } from "./camera";
import { type Scene, type SceneLabel, type SceneShape, TILE } from "./scene";

const GRID_STEP = 0.2;

/** Draws the scene seen through the camera pose. timeSec animates the shapes. */
export function drawWorld(
  ctx: SKRSContext2D,
  width: number,
  height: number,
  scene: Scene,
  pose: CameraPose,
  timeSec: number,
): void {
  const unit = Math.min(width, height);
  ctx.save();
  ctx.translate(width / 2, height / 2);
  ctx.rotate(-pose.roll);
  ctx.scale(pose.zoom * unit, pose.zoom * unit);
  // An affine stand-in for perspective: turning the camera shears the picture and slides it.
  ctx.transform(1, -Math.sin(pose.yaw) * 0.35, Math.sin(pose.pitch) * 0.35, 1, 0, 0);
  const centerX = pose.x + Math.tan(pose.yaw) * 0.9;
  const centerY = pose.y - Math.tan(pose.pitch) * 0.9;
  ctx.translate(-centerX, -centerY);

  // Half the visible extent in scene units, generous enough to cover roll and shear.
  const reach = (Math.hypot(width, height) / unit / pose.zoom) * 0.9 + 0.3;
  const view = {
    left: centerX - reach,
    right: centerX + reach,
    top: centerY - reach,
    bottom: centerY + reach,
  };

  drawSkyAndGround(ctx, scene, view);
  drawGrid(ctx, scene, view, unit * pose.zoom);
  ctx.fillStyle = scene.sun.color;
  ctx.beginPath();
  ctx.arc(scene.sun.x, scene.sun.y, scene.sun.radius, 0, Math.PI * 2);
  ctx.fill();
  forEachTile(view, (dx, dy) => {
    for (const shape of scene.shapes) {
      if (isInView(view, shape.x + dx, shape.y + dy, shape.size * 1.5))
        drawShape(ctx, shape, dx, dy, timeSec);
    }
    for (const label of scene.labels) {
      if (isInView(view, label.x + dx, label.y + dy, 0.5)) drawLabel(ctx, label, dx, dy);
    }
  });
  ctx.restore();
}

type View = { left: number; right: number; top: number; bottom: number };

function drawSkyAndGround(ctx: SKRSContext2D, scene: Scene, view: View): void {
  const sky = ctx.createLinearGradient(0, scene.horizon - 1.2, 0, scene.horizon);
  sky.addColorStop(0, scene.skyTop);
  sky.addColorStop(1, scene.skyBottom);
  ctx.fillStyle = sky;
  ctx.fillRect(view.left, view.top, view.right - view.left, Math.max(0, scene.horizon - view.top));
  ctx.fillStyle = scene.ground;
  const groundTop = Math.max(scene.horizon, view.top);
  ctx.fillRect(view.left, groundTop, view.right - view.left, Math.max(0, view.bottom - groundTop));
}

function drawGrid(ctx: SKRSContext2D, scene: Scene, view: View, pixelsPerUnit: number): void {
  ctx.strokeStyle = scene.gridColor;
  ctx.lineWidth = Math.max(1 / pixelsPerUnit, 0.004);
  ctx.beginPath();
  for (let x = Math.floor(view.left / GRID_STEP) * GRID_STEP; x <= view.right; x += GRID_STEP) {
    ctx.moveTo(x, view.top);
    ctx.lineTo(x, view.bottom);
  }
  for (let y = Math.floor(view.top / GRID_STEP) * GRID_STEP; y <= view.bottom; y += GRID_STEP) {
    ctx.moveTo(view.left, y);
    ctx.lineTo(view.right, y);
  }
  ctx.stroke();
}

function isInView(view: View, x: number, y: number, margin: number): boolean {
  return (
    x > view.left - margin && x < view.right + margin && y > view.top - margin && y < view.bottom + margin
  );
}

function forEachTile(view: View, draw: (dx: number, dy: number) => void): void {
  const firstX = Math.floor((view.left - TILE.width / 2) / TILE.width);
  const lastX = Math.ceil((view.right + TILE.width / 2) / TILE.width);
  const firstY = Math.floor((view.top - TILE.height / 2) / TILE.height);
  const lastY = Math.ceil((view.bottom + TILE.height / 2) / TILE.height);
  for (let ix = firstX; ix <= lastX; ix++) {
    for (let iy = firstY; iy <= lastY; iy++) draw(ix * TILE.width, iy * TILE.height);
  }
}

/** Text is laid out at 1000x and scaled down: fonts behave badly at sub-pixel sizes. */
function drawLabel(ctx: SKRSContext2D, label: SceneLabel, dx: number, dy: number): void {
  ctx.save();
  ctx.translate(label.x + dx, label.y + dy);
  ctx.scale(0.001, 0.001);
  ctx.textAlign = "center";
  ctx.textBaseline = "middle";
  ctx.font = "bold 70px DejaVu Sans";
  const w = ctx.measureText(label.text).width + 60;
  ctx.fillStyle = "rgba(255,255,255,0.85)";
  ctx.fillRect(-w / 2, -55, w, 110);
  ctx.fillStyle = label.color;
  ctx.fillText(label.text, 0, 0);
  ctx.restore();
}

function drawShape(ctx: SKRSContext2D, shape: SceneShape, dx: number, dy: number, timeSec: number): void {
  const x = shape.x + dx;
  const y = shape.y + dy + Math.sin(timeSec * 2 + shape.phase) * shape.bob;
  const s = shape.size;
  ctx.save();
  ctx.translate(x, y);
  ctx.rotate(shape.phase + timeSec * shape.spin);
  ctx.fillStyle = shape.color;
  ctx.strokeStyle = shape.color;
  ctx.beginPath();
  switch (shape.kind) {
    case "circle":
      ctx.arc(0, 0, s, 0, Math.PI * 2);
      ctx.fill();
      break;
    case "ring":
      ctx.lineWidth = s * 0.3;
      ctx.arc(0, 0, s * 0.85, 0, Math.PI * 2);
      ctx.stroke();
      break;
    case "square":
      ctx.fillRect(-s, -s, s * 2, s * 2);
      break;
    case "triangle":
      ctx.moveTo(0, -s * 1.2);
      ctx.lineTo(s * 1.1, s * 0.8);
      ctx.lineTo(-s * 1.1, s * 0.8);
      ctx.closePath();
      ctx.fill();
      break;
    case "diamond":
      ctx.moveTo(0, -s * 1.3);
      ctx.lineTo(s * 0.8, 0);
      ctx.lineTo(0, s * 1.3);
      ctx.lineTo(-s * 0.8, 0);
      ctx.closePath();
      ctx.fill();
      break;
  }
  ctx.restore();
}
