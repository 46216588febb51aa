// Drawing a board page's strokes on a canvas, and finding which stroke a point touches (the eraser). Everything here
// works in canvas pixels of a page box `size` = {width, height}: page units scale to it on each axis, and widths (page
// units too) scale with its width, so a page looks the same at any size.
import { getStroke } from '/lib/perfect-freehand/index.mjs';
import { PAGE_UNITS } from './board-fold.js';

export const FREEHAND = ['pen', 'highlighter'];
export const SHAPES = ['line', 'rectangle', 'ellipse', 'arrow'];

/** A text's font size in page units (across), from its width: the three widths give small, middle and large text. */
export const textUnits = width => width * 5;
const FONT = '"Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", system-ui, sans-serif';

const scaleOf = size => ({ x: size.width / PAGE_UNITS, y: size.height / PAGE_UNITS });

/** A stroke's flat unit array as [x, y] pixel pairs. */
export function pixelPoints(points, size) {
  const { x, y } = scaleOf(size);
  const pairs = [];
  for (let i = 0; i + 1 < points.length; i += 2) pairs.push([points[i] * x, points[i + 1] * y]);
  return pairs;
}

/** Highlighters first, under everything else; otherwise in the order they were drawn (the page's order). */
export const paintOrder = strokes => [...strokes.filter(s => s.tool === 'highlighter'), ...strokes.filter(s => s.tool !== 'highlighter')];

/** Draws one stroke, shape or text. An unfinished freehand stroke is drawn without its end taper. */
export function drawStroke(ctx, stroke, size) {
  const width = Math.max(1, stroke.width * scaleOf(size).x);
  const points = pixelPoints(stroke.points, size);
  if (points.length === 0) return;
  ctx.save();
  ctx.fillStyle = ctx.strokeStyle = stroke.color;
  ctx.lineWidth = width;
  ctx.lineCap = ctx.lineJoin = 'round';
  if (FREEHAND.includes(stroke.tool)) drawFreehand(ctx, stroke, points, width);
  else if (stroke.tool === 'text') drawText(ctx, stroke, points[0], size);
  else if (points.length >= 2) drawShape(ctx, stroke.tool, points[0], points[1], width);
  ctx.restore();
}

function drawFreehand(ctx, stroke, points, width) {
  const highlighter = stroke.tool === 'highlighter';
  // A dot (one point) still shows: perfect-freehand draws a round blob for it.
  const outline = getStroke(points, {
    size: width, thinning: highlighter ? 0 : 0.5, smoothing: 0.5, streamline: 0.4,
    simulatePressure: !highlighter, last: stroke.done,
  });
  if (outline.length === 0) return;
  if (highlighter) ctx.globalAlpha = 0.35;
  ctx.beginPath();
  ctx.moveTo(outline[0][0], outline[0][1]);
  // Quadratic curves through the outline's midpoints: smooth at any zoom, as perfect-freehand's own examples draw it.
  for (let i = 1; i < outline.length; i++) {
    const [x0, y0] = outline[i];
    const [x1, y1] = outline[(i + 1) % outline.length];
    ctx.quadraticCurveTo(x0, y0, (x0 + x1) / 2, (y0 + y1) / 2);
  }
  ctx.closePath();
  ctx.fill();
}

function drawShape(ctx, tool, [x0, y0], [x1, y1], width) {
  ctx.beginPath();
  if (tool === 'rectangle') ctx.rect(Math.min(x0, x1), Math.min(y0, y1), Math.abs(x1 - x0), Math.abs(y1 - y0));
  else if (tool === 'ellipse') ctx.ellipse((x0 + x1) / 2, (y0 + y1) / 2, Math.abs(x1 - x0) / 2, Math.abs(y1 - y0) / 2, 0, 0, 2 * Math.PI);
  else {
    ctx.moveTo(x0, y0);
    ctx.lineTo(x1, y1);
  }
  ctx.stroke();
  if (tool !== 'arrow') return;
  const angle = Math.atan2(y1 - y0, x1 - x0);
  const head = Math.max(width * 4, 10);
  ctx.beginPath();
  ctx.moveTo(x1, y1);
  ctx.lineTo(x1 - head * Math.cos(angle - Math.PI / 7), y1 - head * Math.sin(angle - Math.PI / 7));
  ctx.lineTo(x1 - head * Math.cos(angle + Math.PI / 7), y1 - head * Math.sin(angle + Math.PI / 7));
  ctx.closePath();
  ctx.fill();
}

/** The font a text stroke is drawn in, at this page size. */
export const textFont = (width, size) => `${Math.max(6, textUnits(width) * scaleOf(size).x)}px ${FONT}`;

function drawText(ctx, stroke, [x, y], size) {
  ctx.font = textFont(stroke.width, size);
  ctx.textBaseline = 'top';
  ctx.fillText(stroke.text ?? '', x, y);
}

/** The pixel box a text covers: {x, y, width, height}. */
function textBox(ctx, stroke, size) {
  const [[x, y]] = pixelPoints(stroke.points, size);
  ctx.save();
  ctx.font = textFont(stroke.width, size);
  const width = ctx.measureText(stroke.text ?? '').width;
  ctx.restore();
  return { x, y, width, height: textUnits(stroke.width) * scaleOf(size).x * 1.25 };
}

/** Distance from point p to the segment a-b, in pixels. */
function toSegment([px, py], [ax, ay], [bx, by]) {
  const dx = bx - ax, dy = by - ay;
  const length = dx * dx + dy * dy;
  const t = length === 0 ? 0 : Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / length));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}

/** The lines that make up a stroke's outline, as a polyline of pixel points (an ellipse as 48 of them). */
function outlineOf(stroke, points) {
  if (points.length < 2 || FREEHAND.includes(stroke.tool) || stroke.tool === 'line' || stroke.tool === 'arrow') return points;
  const [[x0, y0], [x1, y1]] = points;
  if (stroke.tool === 'rectangle') return [[x0, y0], [x1, y0], [x1, y1], [x0, y1], [x0, y0]];
  const cx = (x0 + x1) / 2, cy = (y0 + y1) / 2, rx = Math.abs(x1 - x0) / 2, ry = Math.abs(y1 - y0) / 2;
  return Array.from({ length: 49 }, (_, i) => [cx + rx * Math.cos(i * Math.PI / 24), cy + ry * Math.sin(i * Math.PI / 24)]);
}

/** True when a point (pixels) is within `reach` pixels of what the stroke drew. */
export function touches(ctx, stroke, size, point, reach) {
  if (stroke.tool === 'text') {
    const box = textBox(ctx, stroke, size);
    return point[0] >= box.x - reach && point[0] <= box.x + box.width + reach && point[1] >= box.y - reach && point[1] <= box.y + box.height + reach;
  }
  const points = pixelPoints(stroke.points, size);
  const near = reach + Math.max(1, stroke.width * scaleOf(size).x) / 2;
  const line = outlineOf(stroke, points);
  if (line.length === 1) return Math.hypot(point[0] - line[0][0], point[1] - line[0][1]) <= near;
  for (let i = 1; i < line.length; i++) if (toSegment(point, line[i - 1], line[i]) <= near) return true;
  return false;
}
