// The board as everyone sees it: the current page, letterboxed to its aspect at any window size, sharp on any screen
// (canvas pixels follow devicePixelRatio). Three layers: the page (white, or its slide), the ink (finished strokes:
// highlighters under the rest, in drawing order), and the wet layer on top (strokes still being drawn, the drawer's own
// strokes before the server confirms them, shapes being dragged). An extension redraws only the wet layer; a stroke that
// ends is painted onto the ink when it goes on top of it; a page switch, erase, clear or resize redraws the ink whole.
// The laser pointers are dots over the canvas that fade a second after their last move.
import { h } from './dom.js';
import { t } from './i18n.js';
import { currentPage, findStroke, PAGE_UNITS } from './board-fold.js';
import { drawStroke, paintOrder } from './board-draw.js';
import { drawSlide, slideAspect } from './board-slides.js';

const BLANK_ASPECT = 16 / 9;
const POINTER_FADE_MILLIS = 1000;

export class BoardView {
  /** Draws into `stage` (an empty element); `me` is the reader's user id (their own laser is drawn locally). */
  constructor(stage, { me } = {}) {
    this.me = me;
    this.board = null;
    this.pageId = null;
    /** The drawer's strokes not yet confirmed, by id: drawn on the wet layer in place of the server's copy. */
    this.local = new Map();
    /** Strokes the drawer rubbed out, hidden until the server's erase arrives (or a refusal brings them back). */
    this.hidden = new Set();
    /** A shape being dragged, or null. */
    this.draft = null;
    this.aspects = new Map();
    this.dots = new Map();
    this.size = { width: 0, height: 0 };
    this.css = { width: 0, height: 0 };
    this.slideLayer = h('canvas', { className: 'board-slide', 'aria-hidden': 'true' });
    this.inkLayer = h('canvas', { className: 'board-ink', 'aria-hidden': 'true' });
    // The top layer takes the pointer and is what a screen reader meets: an image named by its page and strokes.
    this.canvas = h('canvas', { className: 'board-wet', role: 'img' });
    this.paper = h('div', { className: 'board-page' }, this.slideLayer, this.inkLayer, this.canvas);
    stage.replaceChildren(this.paper);
    this.stage = stage;
    this.pending = 0;
    new ResizeObserver(() => this.layout()).observe(stage);
    window.addEventListener('resize', () => this.layout());
  }

  /** Shows the board after `events` were folded into it (incrementally when it can), or whole when there are none. */
  show(board, events) {
    const page = currentPage(board);
    const whole = !events || board !== this.board || page.pageId !== this.pageId;
    this.board = board;
    this.pageId = page.pageId;
    this.#label();
    if (whole) {
      this.layout(true);
      return;
    }
    let ink = false;
    for (const event of events) {
      const d = event.data ?? {};
      switch (event.type) {
        case 'board.stroke-ended':
        case 'board.shape-drawn':
          if (this.#onPage(d.strokeId)) ink ||= !this.#paintOnTop(findStroke(board, d.strokeId).stroke);
          break;
        case 'board.erased':
          if (d.pageId === this.pageId) { ink = true; for (const id of d.strokeIds) this.hidden.delete(id); }
          break;
        case 'board.page-cleared':
          if (d.pageId === this.pageId) ink = true;
          break;
        default:
          break;
      }
    }
    if (ink) this.#drawInk();
    this.drawWet();
  }

  /** The page's box in CSS pixels, for turning a pointer's position into page units. */
  toUnits(clientX, clientY) {
    const box = this.canvas.getBoundingClientRect();
    const clamp = v => Math.max(0, Math.min(PAGE_UNITS, Math.round(v)));
    return [clamp((clientX - box.left) / box.width * PAGE_UNITS), clamp((clientY - box.top) / box.height * PAGE_UNITS)];
  }

  /** How many page units one CSS pixel is, across. */
  get unitsPerPixel() {
    return PAGE_UNITS / Math.max(1, this.css.width);
  }

  /** A stroke the drawer can see but the server has not confirmed: drawn at once, on the wet layer. */
  putLocal(stroke) {
    this.local.set(stroke.strokeId, stroke);
    this.drawWet();
  }

  /** The server confirmed (or refused) a local stroke: from now on the board's copy, if any, is drawn. */
  dropLocal(strokeId) {
    if (!this.local.delete(strokeId)) return;
    const found = this.#onPage(strokeId) ? findStroke(this.board, strokeId).stroke : null;
    if (found?.done && !this.#paintOnTop(found)) this.#drawInk();
    this.drawWet();
  }

  /** Hides strokes at once (the eraser), or shows them again (`hide` false: the erase was refused). */
  hide(strokeIds, hide = true) {
    for (const id of strokeIds) hide ? this.hidden.add(id) : this.hidden.delete(id);
    this.#drawInk();
    this.drawWet();
  }

  /** The strokes of the current page as drawn now: the board's, with local copies in place and erased ones left out. */
  visibleStrokes() {
    const strokes = currentPage(this.board).strokes.filter(s => !this.hidden.has(s.strokeId)).map(s => this.local.get(s.strokeId) ?? s);
    for (const stroke of this.local.values()) if (stroke.pageId === this.pageId && !strokes.includes(stroke) && !findStroke(this.board, stroke.strokeId)) strokes.push(stroke);
    return strokes;
  }

  /** Fits the page box to the stage at the page's aspect (letterboxed) and, when its size changed or asked, redraws. */
  layout(redraw = false) {
    if (!this.board) return;
    const page = currentPage(this.board);
    const aspect = this.#aspect(page);
    const available = this.stage.clientWidth;
    const tallest = Math.max(180, window.innerHeight * 0.7);
    let width = available;
    let height = width / aspect;
    if (height > tallest) [height, width] = [tallest, tallest * aspect];
    width = Math.floor(width);
    height = Math.floor(height);
    const ratio = window.devicePixelRatio || 1;
    const size = { width: Math.round(width * ratio), height: Math.round(height * ratio) };
    const changed = size.width !== this.size.width || size.height !== this.size.height;
    if (!changed && !redraw) return;
    this.css = { width, height };
    this.size = size;
    this.paper.style.width = `${width}px`;
    this.paper.style.height = `${height}px`;
    for (const layer of [this.slideLayer, this.inkLayer, this.canvas]) {
      layer.width = size.width;
      layer.height = size.height;
    }
    this.#drawSlide(page);
    this.#drawInk();
    this.drawWet();
  }

  #aspect(page) {
    if (!page.slide) return BLANK_ASPECT;
    const key = `${page.slide.deckId}/${page.slide.page}`;
    if (!this.aspects.has(key)) {
      this.aspects.set(key, BLANK_ASPECT);
      slideAspect(page.slide).then(aspect => {
        this.aspects.set(key, aspect);
        if (this.pageId === page.pageId) this.layout(true);
      }, error => console.warn('board: slide', key, error));
    }
    return this.aspects.get(key);
  }

  #drawSlide(page) {
    const ctx = this.slideLayer.getContext('2d');
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(0, 0, this.size.width, this.size.height);
    if (!page.slide) return;
    const { width, height } = this.size;
    this.pending++;
    drawSlide(page.slide, width, height).then(image => {
      // Still the page and the size it was drawn for.
      if (this.pageId === page.pageId && this.size.width === width && this.size.height === height) ctx.drawImage(image, 0, 0);
    }, error => console.warn('board: slide', page.slide, error)).finally(() => {
      this.pending--;
      this.paper.dataset.slidePending = String(this.pending);
    });
    this.paper.dataset.slidePending = String(this.pending);
  }

  #drawInk() {
    const ctx = this.inkLayer.getContext('2d');
    ctx.clearRect(0, 0, this.size.width, this.size.height);
    for (const stroke of paintOrder(this.#inked())) drawStroke(ctx, stroke, this.size);
  }

  /** Redraws the wet layer: unfinished strokes, unconfirmed ones and the shape being dragged. */
  drawWet() {
    const ctx = this.canvas.getContext('2d');
    ctx.clearRect(0, 0, this.size.width, this.size.height);
    const wet = this.visibleStrokes().filter(s => !s.done || this.local.has(s.strokeId));
    for (const stroke of paintOrder(wet)) drawStroke(ctx, stroke, this.size);
    if (this.draft) drawStroke(ctx, this.draft, this.size);
  }

  /** The finished strokes of the current page, as the ink layer holds them. */
  #inked() {
    return currentPage(this.board).strokes.filter(s => s.done && !this.hidden.has(s.strokeId) && !this.local.has(s.strokeId));
  }

  /** Paints a finished stroke onto the ink when it belongs on top of everything there; false when the ink must be redrawn. */
  #paintOnTop(stroke) {
    if (this.hidden.has(stroke.strokeId) || this.local.has(stroke.strokeId)) return true;
    const order = paintOrder(this.#inked());
    if (order.at(-1) !== stroke) return false;
    drawStroke(this.inkLayer.getContext('2d'), stroke, this.size);
    return true;
  }

  #onPage(strokeId) {
    return findStroke(this.board, strokeId)?.page.pageId === this.pageId;
  }

  #label() {
    const index = this.board.pages.findIndex(p => p.pageId === this.pageId);
    const label = t('board.label', { page: index + 1, pages: this.board.pages.length, count: currentPage(this.board).strokes.length });
    if (this.canvas.getAttribute('aria-label') !== label) this.canvas.setAttribute('aria-label', label);
  }

  /** Shows the laser pointers the server sent ({userId, pageId, x, y}; pageId null hides one). */
  pointers(list) {
    for (const pointer of list) {
      if (pointer.userId !== this.me) this.pointer(pointer.userId, pointer.pageId, pointer.x, pointer.y);
    }
  }

  /** Moves one laser dot (the drawer's own, drawn at once); it fades a second after its last move. */
  pointer(userId, pageId, x, y) {
    let dot = this.dots.get(userId);
    if (!dot) {
      dot = { element: h('span', { className: 'laser', 'aria-hidden': 'true', dataset: { userId } }), timer: 0 };
      this.dots.set(userId, dot);
      this.paper.append(dot.element);
    }
    clearTimeout(dot.timer);
    const visible = pageId !== null && pageId === this.pageId;
    dot.element.classList.toggle('on', visible);
    if (!visible) return;
    dot.element.style.left = `${x / PAGE_UNITS * 100}%`;
    dot.element.style.top = `${y / PAGE_UNITS * 100}%`;
    dot.timer = setTimeout(() => dot.element.classList.remove('on'), POINTER_FADE_MILLIS);
  }
}
