// The drawing tools: a toolbar of buttons (tool, colour, width: each pressed or not, reachable by Tab, with a visible
// focus) and the pointer on the board's canvas (mouse, touch and pen alike, through pointer events captured to the
// canvas). Freehand strokes go out as they are drawn (BoardSender); a line, rectangle, ellipse or arrow is dragged out
// and sent whole; a text is typed into a box placed where the drawer clicked; the eraser rubs out what it is dragged
// across (staff anything, a student with the pen their own strokes); the laser pointer is shown to everyone.
import { h, morph } from './dom.js';
import { t } from './i18n.js';
import { LIMITS, PAGE_UNITS } from './board-fold.js';
import { FREEHAND, SHAPES, textUnits, touches } from './board-draw.js';

export const TOOLS = ['pen', 'highlighter', 'line', 'rectangle', 'ellipse', 'arrow', 'text', 'eraser', 'laser'];
/** Colours that read well on white (and on most slides). */
export const COLORS = { black: '#1d1d1d', red: '#d0021b', blue: '#1f5fd1', green: '#1b8a3a', orange: '#e86a00', purple: '#7b2fbf' };
/** Line widths in page units; a highlighter is four times as wide. */
export const WIDTHS = { thin: 25, medium: 50, thick: 100 };
const HIGHLIGHTER_FACTOR = 4;
/** How near the eraser must come to a stroke, in CSS pixels. */
const ERASER_REACH = 8;

export class BoardTools {
  /** `toolbar`: the element to fill; `view`: the BoardView; `sender`: the BoardSender; `me`: the drawer's id. */
  constructor(toolbar, view, sender, { me }) {
    this.toolbar = toolbar;
    this.view = view;
    this.sender = sender;
    this.me = me;
    this.tool = 'pen';
    this.color = COLORS.black;
    this.widthName = 'medium';
    this.enabled = false;
    this.staff = false;
    this.gesture = null;
    this.textBox = null;
    const canvas = view.canvas;
    canvas.addEventListener('pointerdown', event => this.#down(event));
    canvas.addEventListener('pointermove', event => this.#move(event));
    canvas.addEventListener('pointerup', event => this.#up(event));
    canvas.addEventListener('pointercancel', event => this.#up(event));
    canvas.addEventListener('pointerleave', () => this.#leave());
  }

  /** Turns drawing on or off (the pen taken back, the lesson ended); `staff` may erase anyone's strokes. */
  enable(enabled, { staff = false } = {}) {
    this.staff = staff;
    if (this.enabled && !enabled) this.#cancel();
    this.enabled = enabled;
    this.toolbar.hidden = !enabled;
    this.view.paper.classList.toggle('drawing', enabled);
    this.view.paper.dataset.tool = this.tool;
    if (enabled) this.#render();
  }

  get style() {
    const width = WIDTHS[this.widthName] * (this.tool === 'highlighter' ? HIGHLIGHTER_FACTOR : 1);
    return { tool: this.tool, color: this.color, width: Math.min(LIMITS.maxWidth, width) };
  }

  #render() {
    const pressed = value => (value ? 'true' : 'false');
    const button = (key, text, isPressed, onclick, extra = {}) => h('button', { type: 'button', className: `small tool ${extra.className ?? ''}`, 'aria-pressed': pressed(isPressed), dataset: { key }, onclick, ...extra.attributes }, extra.children ?? t(text));
    morph(this.toolbar,
      h('div', { className: 'group', role: 'group', 'aria-label': t('board.toolGroup'), dataset: { key: 'tools' } },
        TOOLS.map(tool => button(`tool-${tool}`, `board.tool.${tool}`, this.tool === tool, () => this.#choose({ tool }), { attributes: { dataset: { key: `tool-${tool}`, tool } } }))),
      h('div', { className: 'group', role: 'group', 'aria-label': t('board.colorGroup'), dataset: { key: 'colors' } },
        Object.entries(COLORS).map(([name, color]) => button(`color-${name}`, null, this.color === color, () => this.#choose({ color }), {
          className: 'swatch', attributes: { 'aria-label': t(`board.color.${name}`), title: t(`board.color.${name}`), dataset: { key: `color-${name}`, color } },
          children: h('span', { className: `dot c-${name}`, 'aria-hidden': 'true' }),
        }))),
      h('div', { className: 'group', role: 'group', 'aria-label': t('board.widthGroup'), dataset: { key: 'widths' } },
        Object.keys(WIDTHS).map(name => button(`width-${name}`, `board.width.${name}`, this.widthName === name, () => this.#choose({ widthName: name }), { attributes: { dataset: { key: `width-${name}`, width: name } } }))));
  }

  #choose(change) {
    this.#commitText();
    Object.assign(this, change);
    if (change.tool && change.tool !== 'laser') this.#hidePointer();
    this.view.paper.dataset.tool = this.tool;
    this.#render();
  }

  #point(event) {
    return this.view.toUnits(event.clientX, event.clientY);
  }

  #down(event) {
    if (!this.enabled || (event.pointerType === 'mouse' && event.button !== 0)) return;
    event.preventDefault();
    this.#commitText();
    const point = this.#point(event);
    const pageId = this.view.pageId;
    this.view.canvas.setPointerCapture(event.pointerId);
    this.gesture = { pointerId: event.pointerId, pageId, start: point, erased: new Set() };
    if (FREEHAND.includes(this.tool)) this.sender.begin(pageId, this.style, point);
    else if (SHAPES.includes(this.tool)) this.view.draft = { ...this.style, strokeId: 'draft', points: [...point, ...point], done: true };
    else if (this.tool === 'eraser') this.#erase(point);
    else if (this.tool === 'laser') this.#laser(point);
  }

  #move(event) {
    if (!this.enabled) return;
    // The laser follows a mouse that hovers too; every other tool only while pressed.
    if (this.tool === 'laser' && (!this.gesture || this.gesture.pointerId === event.pointerId) && (this.gesture || event.pointerType === 'mouse')) {
      this.#laser(this.#point(event));
      return;
    }
    const gesture = this.gesture;
    if (!gesture || gesture.pointerId !== event.pointerId) return;
    if (FREEHAND.includes(this.tool)) {
      // The points the browser merged into this event: a fast stroke keeps its shape.
      for (const e of event.getCoalescedEvents?.() ?? [event]) this.sender.add(this.#point(e));
    } else if (SHAPES.includes(this.tool) && this.view.draft) {
      this.view.draft.points = [...gesture.start, ...this.#point(event)];
      this.view.drawWet();
    } else if (this.tool === 'eraser') {
      this.#erase(this.#point(event));
    }
  }

  #up(event) {
    const gesture = this.gesture;
    if (!gesture || gesture.pointerId !== event.pointerId) return;
    this.gesture = null;
    if (FREEHAND.includes(this.tool)) {
      this.sender.add(this.#point(event));
      this.sender.end();
    } else if (SHAPES.includes(this.tool) && this.view.draft) {
      const points = [...gesture.start, ...this.#point(event)];
      this.view.draft = null;
      // A click without a drag draws nothing.
      if (Math.hypot(points[2] - points[0], points[3] - points[1]) >= 2 * this.view.unitsPerPixel) this.sender.shape(gesture.pageId, this.style, points);
      else this.view.drawWet();
    } else if (this.tool === 'eraser') {
      this.sender.erase(gesture.pageId, [...gesture.erased]);
    } else if (this.tool === 'laser' && event.pointerType !== 'mouse') {
      this.#hidePointer();
    } else if (this.tool === 'text') {
      // Opened as the pointer is lifted, still inside the gesture: a phone shows its keyboard only for a focus given then.
      this.#openText(gesture.pageId, gesture.start);
    }
  }

  #leave() {
    if (this.tool === 'laser' && !this.gesture) this.#hidePointer();
  }

  #cancel() {
    if (this.gesture && FREEHAND.includes(this.tool)) this.sender.end();
    this.gesture = null;
    this.view.draft = null;
    this.#closeText();
    this.#hidePointer();
    this.view.drawWet();
  }

  #laser([x, y]) {
    this.view.pointer(this.me, this.view.pageId, x, y);
    this.sender.pointer(this.view.pageId, x, y);
  }

  #hidePointer() {
    if (!this.view.dots.has(this.me)) return;
    this.view.pointer(this.me, null, 0, 0);
    this.sender.pointer(null);
  }

  /** Rubs out the strokes under a point: hidden at once, sent when the drag ends. */
  #erase([x, y]) {
    const size = this.view.size;
    const point = [x / PAGE_UNITS * size.width, y / PAGE_UNITS * size.height];
    const reach = ERASER_REACH * size.width / Math.max(1, this.view.css.width);
    const ctx = this.view.canvas.getContext('2d');
    const hit = this.view.visibleStrokes().filter(s => (this.staff || s.by === this.me) && !this.view.local.has(s.strokeId)
      && !this.gesture.erased.has(s.strokeId) && touches(ctx, s, size, point, reach));
    if (hit.length === 0) return;
    for (const stroke of hit) this.gesture.erased.add(stroke.strokeId);
    this.view.hide(hit.map(s => s.strokeId));
  }

  /** A text box where the drawer clicked: Enter (or leaving it) draws the text, Escape drops it. */
  #openText(pageId, point) {
    const style = this.style;
    const input = h('input', {
      className: 'board-text', maxLength: LIMITS.textLength, autocomplete: 'off', 'aria-label': t('board.textInput'),
      onkeydown: event => {
        if (event.key === 'Enter') { event.preventDefault(); this.#commitText(); }
        if (event.key === 'Escape') { event.preventDefault(); this.#closeText(); }
      },
      onblur: () => this.#commitText(),
    });
    input.style.left = `${point[0] / PAGE_UNITS * 100}%`;
    input.style.top = `${point[1] / PAGE_UNITS * 100}%`;
    input.style.color = style.color;
    input.style.fontSize = `${textUnits(style.width) / this.view.unitsPerPixel}px`;
    this.textBox = { input, pageId, point, style };
    this.view.paper.append(input);
    input.focus();
  }

  #commitText() {
    const box = this.textBox;
    if (!box) return;
    const text = box.input.value.trim();
    this.#closeText();
    if (text) this.sender.shape(box.pageId, box.style, box.point, text.slice(0, LIMITS.textLength));
  }

  #closeText() {
    const box = this.textBox;
    this.textBox = null;
    box?.input.remove();
  }
}
