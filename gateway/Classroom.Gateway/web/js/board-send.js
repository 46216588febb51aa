// Sending what the drawer draws. A freehand stroke is StartStroke with its first point, then ExtendStroke with the
// points gathered in each 40 ms, then EndStroke with the last: invoked one after another without waiting (SignalR keeps
// a connection's invocations in order), so viewers see the line grow about as fast as the frames travel. Points closer
// than a few pixels to the last one kept are dropped, so a stroke has tens of points, not the hundreds a mouse gives.
// What is drawn shows at once (the view's local strokes) and gives way to the server's copy when its echo arrives; a
// refusal takes it away and is said like any other.
import { LIMITS } from './board-fold.js';

const EXTEND_EVERY_MILLIS = 40;
const POINTER_EVERY_MILLIS = 60;
/** The closest two kept points may be, in CSS pixels (and never under 2 page units). */
const MIN_SPACING_PIXELS = 3;

/** Splits a flat point array into calls' worth (LIMITS.pointsPerCall points, so twice as many numbers). */
const chunks = points => Array.from({ length: Math.ceil(points.length / (2 * LIMITS.pointsPerCall)) }, (_, i) => points.slice(i * 2 * LIMITS.pointsPerCall, (i + 1) * 2 * LIMITS.pointsPerCall));

export class BoardSender {
  /** `lesson`: the LiveLesson (its invoke and connection); `view`: the BoardView; `onRefusal(error)`: says it. */
  constructor(lesson, view, { me, onRefusal }) {
    this.lesson = lesson;
    this.view = view;
    this.me = me;
    this.onRefusal = onRefusal;
    // Stroke ids: this page's own random prefix and a counter, so two tabs of one account never pick the same id.
    this.prefix = Math.random().toString(36).slice(2, 10);
    this.counter = 0;
    this.stroke = null;
    this.buffer = [];
    this.timer = 0;
    this.frame = 0;
    this.pointerAt = 0;
    this.pointerNext = null;
    this.pointerTimer = 0;
  }

  newId() {
    return `${this.prefix}-${(this.counter++).toString(36)}`;
  }

  /** Invokes a board method; a refusal is said and `undo` runs. */
  #call(method, args, undo) {
    return this.lesson.invoke(method, ...args).catch(error => {
      undo?.();
      this.onRefusal(error);
    });
  }

  /** Begins a pen or highlighter stroke at a point (page units). */
  begin(pageId, { tool, color, width }, point) {
    const stroke = { strokeId: this.newId(), pageId, tool, color, width, points: [...point], text: null, by: this.me, done: false };
    this.stroke = stroke;
    this.buffer = [];
    this.view.putLocal(stroke);
    this.#call('StartStroke', [{ strokeId: stroke.strokeId, pageId, tool, color, width, points: [...point] }], () => this.#failed(stroke));
    this.timer = setInterval(() => this.#flush(), EXTEND_EVERY_MILLIS);
  }

  /** Adds a point to the stroke being drawn, unless it is too close to the last one. */
  add(point) {
    const stroke = this.stroke;
    if (!stroke) return;
    const [x, y] = stroke.points.slice(-2);
    const spacing = Math.max(2, MIN_SPACING_PIXELS * this.view.unitsPerPixel);
    if (Math.hypot(point[0] - x, point[1] - y) < spacing) return;
    if (stroke.points.length / 2 >= LIMITS.pointsPerStroke) {
      // The longest a stroke may be: lift the pen for the drawer and go on with a new stroke from the same point.
      const style = { tool: stroke.tool, color: stroke.color, width: stroke.width };
      this.end();
      this.begin(stroke.pageId, style, [x, y]);
      this.add(point);
      return;
    }
    stroke.points.push(...point);
    this.buffer.push(...point);
    this.frame ||= requestAnimationFrame(() => {
      this.frame = 0;
      this.view.drawWet();
    });
  }

  /** Lifts the pen: the last points go with EndStroke. */
  end() {
    const stroke = this.stroke;
    if (!stroke) return;
    clearInterval(this.timer);
    this.stroke = null;
    const parts = chunks(this.buffer);
    this.buffer = [];
    const last = parts.pop() ?? [];
    for (const part of parts) this.#call('ExtendStroke', [stroke.strokeId, part]);
    stroke.done = true;
    this.view.drawWet();
    this.#call('EndStroke', [stroke.strokeId, last], () => this.#failed(stroke));
  }

  #flush() {
    if (!this.stroke || this.buffer.length === 0) return;
    const stroke = this.stroke;
    for (const part of chunks(this.buffer)) this.#call('ExtendStroke', [stroke.strokeId, part], () => this.#failed(stroke));
    this.buffer = [];
  }

  /** A refused stroke: stop sending it and show what the server has of it, if anything. */
  #failed(stroke) {
    if (this.stroke === stroke) {
      clearInterval(this.timer);
      this.stroke = null;
      this.buffer = [];
    }
    this.view.dropLocal(stroke.strokeId);
  }

  /** Draws a whole line, rectangle, ellipse, arrow or text. */
  shape(pageId, { tool, color, width }, points, text = null) {
    const shape = { strokeId: this.newId(), pageId, tool, color, width, points, text, by: this.me, done: true };
    this.view.putLocal(shape);
    this.#call('DrawShape', [{ strokeId: shape.strokeId, pageId, tool, color, width, points, text }], () => this.view.dropLocal(shape.strokeId));
  }

  /** Rubs strokes out: hidden at once, back if the server refuses. */
  erase(pageId, strokeIds) {
    if (strokeIds.length === 0) return;
    this.view.hide(strokeIds);
    for (let i = 0; i < strokeIds.length; i += LIMITS.erasedPerCall) {
      const part = strokeIds.slice(i, i + LIMITS.erasedPerCall);
      this.#call('EraseStrokes', [pageId, part], () => this.view.hide(part, false));
    }
  }

  /** Moves the laser pointer (pageId null hides it), at most every 60 ms; the latest position always goes out. */
  pointer(pageId, x = 0, y = 0) {
    this.pointerNext = [pageId, x, y];
    if (this.pointerTimer) return;
    const wait = Math.max(0, this.pointerAt + POINTER_EVERY_MILLIS - performance.now());
    this.pointerTimer = setTimeout(() => {
      this.pointerTimer = 0;
      this.pointerAt = performance.now();
      const [page, px, py] = this.pointerNext;
      // Fire and forget: a pointer is never stored and the next one replaces it.
      this.lesson.connection.send('MovePointer', this.lesson.classroomId, page, px, py).catch(() => {});
    }, wait);
  }

  /** The server's events arrived: the drawer's own strokes they confirm are drawn from the board from now on. */
  reconcile(events) {
    for (const event of events ?? []) {
      const d = event.data ?? {};
      if (event.type === 'board.stroke-ended' || event.type === 'board.shape-drawn') this.view.dropLocal(d.strokeId);
      else if (event.type === 'board.erased') d.strokeIds.forEach(id => this.view.local.has(id) && this.view.dropLocal(id));
      else if (event.type === 'board.page-cleared') for (const [id, s] of this.view.local) if (s.pageId === d.pageId && s !== this.stroke) this.view.dropLocal(id);
    }
  }
}
