// The whiteboard of a lesson, in whichever page shows it: the teacher's console (draws, manages pages, hands out the
// pen), the student's view (watches; draws while holding the pen) and the replay (watches the board as it was at the
// playhead). The page's markup has a section with #board-stage, #board-tools, #board-pages, #board-pen and
// #board-page-of; this fills them. The board itself is the snapshot's `board`, folded by js/board-fold.js.
import { h, morph, byId } from './dom.js';
import { t } from './i18n.js';
import { currentPage, untouched } from './board-fold.js';
import { BoardView } from './board-view.js';
import { BoardSender } from './board-send.js';
import { BoardTools } from './board-tools.js';

export { onlyDrawing } from './board-fold.js';

/** Events that change only strokes: the page strip and the pen need no redraw for them. */
const STROKE_EVENTS = new Set(['board.stroke-started', 'board.stroke-extended', 'board.stroke-ended', 'board.shape-drawn', 'board.erased']);

export class Board {
  /**
   * `lesson`: the LiveLesson to draw through (none in the replay); `me`: the reader's user id; `onRefusal(error)`:
   * says a refused action; `act(method, ...args)`: a page-management or pen action, said like the page's other actions.
   */
  constructor({ lesson = null, me = null, onRefusal = () => {}, act = null } = {}) {
    this.lesson = lesson;
    this.me = me;
    this.act = act;
    this.view = new BoardView(byId('board-stage'), { me });
    this.board = null;
    if (lesson) {
      this.sender = new BoardSender(lesson, this.view, { me, onRefusal });
      this.tools = new BoardTools(byId('board-tools'), this.view, this.sender, { me });
      lesson.connection.on('pointer', (classroomId, pointers) => {
        if (classroomId === lesson.classroomId) this.view.pointers(pointers);
      });
    }
  }

  /**
   * Shows the board after `events` (none: a new snapshot). `drawing`: this reader may draw now; `staff`: they manage
   * pages and may erase anything; `penHolder`: a student holding the pen (offered to give it back).
   */
  update(board, events = null, { drawing = false, staff = false, penHolder = false } = {}) {
    this.board = board;
    this.sender?.reconcile(events);
    // Watchers see an unused board as one line, not an empty page above the chat; it opens with the first stroke.
    const folded = !drawing && !staff && untouched(board);
    const opening = byId('board-stage').hidden && !folded;
    byId('board-stage').hidden = folded;
    const empty = byId('board-empty');
    if (empty) empty.hidden = !folded;
    // Opened: drawn whole at the size it now has.
    this.view.show(board, opening ? null : events);
    const clear = byId('board-clear-page');
    if (clear) clear.disabled = currentPage(board).strokes.length === 0;
    if (events && events.every(e => STROKE_EVENTS.has(e.type))) return;
    const index = board.pages.findIndex(p => p.pageId === board.currentPageId);
    byId('board-page-of').textContent = t('board.pageOf', { page: index + 1, pages: board.pages.length });
    this.tools?.enable(drawing, { staff });
    this.#pages(board, staff && drawing);
    this.#pen(penHolder && drawing);
  }

  /** Staff: the pages to show (numbered, the current one pressed), a new page, clearing this one. */
  #pages(board, staff) {
    const strip = byId('board-pages');
    if (!strip) return;
    strip.hidden = !staff;
    if (!staff) return;
    const current = currentPage(board);
    morph(strip,
      h('ol', { className: 'pages', dataset: { key: 'pages' } }, board.pages.map((page, i) => h('li', { dataset: { key: page.pageId } },
        h('button', {
          type: 'button', className: `small page${page.slide ? ' slide' : ''}`, dataset: { pageId: page.pageId },
          'aria-current': page === current ? 'true' : null, 'aria-label': t(page.slide ? 'board.slidePage' : 'board.page', { page: i + 1 }),
          onclick: () => page !== current && this.act('ShowBoardPage', page.pageId),
        }, String(i + 1))))),
      h('div', { className: 'row', dataset: { key: 'actions' } },
        h('button', { type: 'button', className: 'small', id: 'board-add-page', onclick: () => this.act('AddBoardPage') }, t('board.addPage')),
        h('button', {
          type: 'button', className: 'small danger', id: 'board-clear-page', disabled: current.strokes.length === 0,
          onclick: () => confirm(t('board.confirmClear')) && this.act('ClearBoardPage', current.pageId),
        }, t('board.clearPage'))));
  }

  /** A student holding the pen: says so, and offers to give it back. */
  #pen(holding) {
    const banner = byId('board-pen');
    if (!banner) return;
    banner.hidden = !holding;
    morph(banner, holding ? [
      h('span', { dataset: { key: 'said' }, text: t('board.youHaveThePen') }),
      h('button', { type: 'button', className: 'small', id: 'board-give-back', dataset: { key: 'give-back' }, onclick: () => this.act('RevokePen', this.me) }, t('board.giveBack')),
    ] : []);
  }
}

/** The pen buttons for a student in the console's lists: "给画笔" or "收回画笔", naming whom for a screen reader. */
export function penButton(board, studentId, name, act, live) {
  const holds = board.penHolders.includes(studentId);
  const action = holds ? 'board.takePen' : 'board.givePen';
  return h('button', {
    type: 'button', className: `small${holds ? ' pressed' : ''}`, disabled: !live && !holds, dataset: { pen: studentId },
    'aria-label': t('console.forWhom', { action: t(action), name }),
    onclick: () => act(holds ? 'RevokePen' : 'GrantPen', studentId),
  }, t(action));
}
