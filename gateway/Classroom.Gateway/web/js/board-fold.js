// The board's part of the fold (js/fold.js folds the rest): pages, strokes, shapes, slides and the pen, with the same
// meaning as the classroom grain's. Coordinates are page units, 0 to PAGE_UNITS across a page's width and down its
// height, as flat arrays x0, y0, x1, y1, ... (contracts/Classroom.Contracts/Board).

/** Page units across a page and down it, whatever its aspect (BoardLimits.PageUnits). */
export const PAGE_UNITS = 10000;

/** BoardLimits, as the client keeps within them. */
export const LIMITS = { pointsPerCall: 256, pointsPerStroke: 5000, strokesPerPage: 2000, pages: 300, textLength: 200, minWidth: 5, maxWidth: 1000, erasedPerCall: 500 };

/** The board before any board event: one blank page, shown. */
export const emptyBoard = () => ({ currentPageId: 'p1', pages: [{ pageId: 'p1', slide: null, strokes: [] }], penHolders: [], decks: [] });

/** True for a board nobody has used: one blank page, nothing on it. */
export const untouched = board => board.pages.length === 1 && !board.pages[0].slide && board.pages[0].strokes.length === 0;

export const pageOf = (board, pageId) => board.pages.find(p => p.pageId === pageId);
export const currentPage = board => pageOf(board, board.currentPageId) ?? board.pages[0];

// Where each stroke is, by id, so that an extension (which names only its stroke) finds it without a search through
// every page. Kept beside the board, not in it: the board stays the plain object the server sent.
const indexes = new WeakMap();

/** The stroke with this id and its page, on whatever page it is; null when there is none. */
export function findStroke(board, strokeId) {
  let index = indexes.get(board);
  if (!index) {
    index = new Map();
    for (const page of board.pages) for (const stroke of page.strokes) index.set(stroke.strokeId, { stroke, page });
    indexes.set(board, index);
  }
  const found = index.get(strokeId);
  // A page cleared or a stroke erased leaves a stale entry: check it still stands where it was.
  return found && found.page.strokes.includes(found.stroke) ? found : null;
}

function addStroke(board, page, stroke) {
  page.strokes.push(stroke);
  indexes.get(board)?.set(stroke.strokeId, { stroke, page });
}

const without = (list, item) => list.filter(x => x !== item);

/** The board events, by type: (board, data) → void. */
export const boardHandlers = {
  'board.page-added': (b, d) => {
    if (!pageOf(b, d.pageId)) b.pages.push({ pageId: d.pageId, slide: d.slide ?? null, strokes: [] });
  },
  'board.page-shown': (b, d) => { if (pageOf(b, d.pageId)) b.currentPageId = d.pageId; },
  'board.page-cleared': (b, d) => { const page = pageOf(b, d.pageId); if (page) page.strokes = []; },
  'board.stroke-started': (b, d) => {
    const page = pageOf(b, d.pageId);
    if (!page || findStroke(b, d.strokeId)) return;
    addStroke(b, page, { strokeId: d.strokeId, tool: d.tool, color: d.color, width: d.width, points: [...d.points], text: null, by: d.by, done: false });
  },
  'board.stroke-extended': (b, d) => { findStroke(b, d.strokeId)?.stroke.points.push(...d.points); },
  'board.stroke-ended': (b, d) => { const found = findStroke(b, d.strokeId); if (found) found.stroke.done = true; },
  'board.shape-drawn': (b, d) => {
    const page = pageOf(b, d.pageId);
    if (!page || findStroke(b, d.strokeId)) return;
    addStroke(b, page, { strokeId: d.strokeId, tool: d.tool, color: d.color, width: d.width, points: [...d.points], text: d.text ?? null, by: d.by, done: true });
  },
  'board.erased': (b, d) => {
    const page = pageOf(b, d.pageId);
    if (page) page.strokes = page.strokes.filter(s => !d.strokeIds.includes(s.strokeId));
  },
  'board.pen-granted': (b, d) => { if (!b.penHolders.includes(d.studentId)) b.penHolders.push(d.studentId); },
  'board.pen-revoked': (b, d) => { b.penHolders = without(b.penHolders, d.studentId); },
  'board.slides-added': (b, d) => {
    if (!b.decks.some(deck => deck.deckId === d.deck.deckId)) b.decks.push(d.deck);
    d.pageIds.forEach((pageId, i) => {
      if (!pageOf(b, pageId)) b.pages.push({ pageId, slide: { deckId: d.deck.deckId, page: i + 1 }, strokes: [] });
    });
  },
};

/** Folds one event into a snapshot's board (a snapshot from before the board had none: it starts empty). */
export function applyBoardEvent(snapshot, event) {
  const handler = boardHandlers[event.type];
  if (!handler) return false;
  snapshot.board ??= emptyBoard();
  handler(snapshot.board, event.data ?? {});
  return true;
}

/** True when every event of a frame is a drawing on the board: only the board needs redrawing, not the whole page. */
export const onlyDrawing = events => events?.length > 0
  && events.every(e => e.type.startsWith('board.') && e.type !== 'board.pen-granted' && e.type !== 'board.pen-revoked');
