// Slide pages: the PDF of an uploaded deck (GET /api/slides/{deckId}: application/pdf, the same bytes forever, so one
// load per deck and page is enough) drawn with PDF.js, vendored in /lib/pdfjs. PDF.js is loaded only when a board has a
// slide page. It runs under the pages' content security policy: its worker comes from 'self' (worker-src 'self'),
// documents are opened without eval and without WebAssembly (neither is allowed by the policy).

const PDFJS = '/lib/pdfjs/pdf.min.mjs';
const WORKER = '/lib/pdfjs/pdf.worker.min.mjs';

let library = null;
const documents = new Map();
const pages = new Map();
// The last few pages drawn, by deck, page and pixel size: switching back and forth between two slides draws nothing.
const drawn = new Map();
const KEEP_DRAWN = 6;

function pdfjs() {
  library ??= import(PDFJS).then(module => {
    module.GlobalWorkerOptions.workerSrc = WORKER;
    return module;
  });
  return library;
}

/** A deck's PDF document, loaded once and kept. */
function deckDocument(deckId) {
  if (!documents.has(deckId)) {
    const loading = pdfjs().then(module => module.getDocument({
      url: `/api/slides/${encodeURIComponent(deckId)}`,
      // PDF.js 6 no longer evaluates PostScript functions as JavaScript; the option keeps an older copy from trying.
      isEvalSupported: false,
      useWasm: false,
    }).promise);
    // A failed load is forgotten, so the next redraw tries again.
    loading.catch(() => documents.delete(deckId));
    documents.set(deckId, loading);
  }
  return documents.get(deckId);
}

function slidePage({ deckId, page }) {
  const key = `${deckId}/${page}`;
  if (!pages.has(key)) {
    const loading = deckDocument(deckId).then(document => document.getPage(page));
    loading.catch(() => pages.delete(key));
    pages.set(key, loading);
  }
  return pages.get(key);
}

/** A slide's width over its height. */
export async function slideAspect(slide) {
  const viewport = (await slidePage(slide)).getViewport({ scale: 1 });
  return viewport.width / viewport.height;
}

/** The slide drawn at exactly width × height pixels, as a canvas to copy from. */
export async function drawSlide(slide, width, height) {
  const key = `${slide.deckId}/${slide.page}@${width}x${height}`;
  if (!drawn.has(key)) {
    const rendering = (async () => {
      const page = await slidePage(slide);
      const unscaled = page.getViewport({ scale: 1 });
      const viewport = page.getViewport({ scale: width / unscaled.width });
      const canvas = document.createElement('canvas');
      canvas.width = width;
      canvas.height = height;
      await page.render({ canvas, viewport, transform: [1, 0, 0, height / viewport.height, 0, 0] }).promise;
      return canvas;
    })();
    rendering.catch(() => drawn.delete(key));
    drawn.set(key, rendering);
    while (drawn.size > KEEP_DRAWN) drawn.delete(drawn.keys().next().value);
  }
  return drawn.get(key);
}
