// The teacher's slide upload: a PDF goes to the lesson's board (POST /api/lessons/{id}/slides, the file's bytes as the
// body, its name in the query); the status line then says the deck's name and pages, or the server's refusal in the
// page's language. The board shows the new pages itself (its first slide is shown to everyone at once).
import { request } from './api.js';
import { byId, say, messageOf, param } from './dom.js';
import { t } from './i18n.js';

const classroomId = param('lesson');
const input = byId('slides-file');
const button = byId('slides-upload');

async function upload(file) {
  button.disabled = true;
  say(t('slides.uploading', { name: file.name }));
  try {
    const path = `/api/lessons/${encodeURIComponent(classroomId)}/slides?name=${encodeURIComponent(file.name)}`;
    const deck = await request(path, { method: 'POST', body: file });
    say(t('slides.uploaded', { name: deck.name, count: deck.pageCount }), 'ok');
  } catch (error) {
    say(messageOf(error), 'error');
  } finally {
    button.disabled = false;
  }
}

if (classroomId && input && button) {
  button.addEventListener('click', () => input.click());
  input.addEventListener('change', () => {
    const file = input.files?.[0];
    // Cleared at once, so choosing the same file again (after fixing it) uploads it again.
    input.value = '';
    if (file) upload(file);
  });
}
