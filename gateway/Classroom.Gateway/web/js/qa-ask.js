// The student's ask form: subject, grade, 1-5 knowledge points of the subject, title, text, up to 3 photos; similar
// answered questions and lessons suggested while the student types (debounced, best first, matched words marked).
import { request } from './api.js';
import { h, morph, fill, byId, say, attempt, messageOf } from './dom.js';
import { t } from './i18n.js';
import { SUBJECTS, subjectName, gradeName } from './views.js';
import { MAX_POINTS, hitItem, searchQuery, questionHref } from './qa-views.js';

const MAX_PHOTOS = 3;
const SUGGEST_AFTER_MS = 300;
const SUGGESTIONS = 5;
const SEARCH_TEXT_MAX = 200;

export function setUpAskForm(catalogue, { grade = 8 } = {}) {
  const chosen = new Set();
  const photos = [];
  const subject = () => byId('ask-subject').value;

  fill(byId('ask-subject'), SUBJECTS.map(s => h('option', { value: s, text: subjectName(s) })));
  fill(byId('ask-grade'), Array.from({ length: 12 }, (_, i) => h('option', { value: i + 1, selected: i + 1 === grade, text: gradeName(i + 1) })));

  function renderPoints() {
    const points = catalogue.points(subject());
    const full = chosen.size >= MAX_POINTS;
    morph(byId('ask-points'), points.length === 0
      ? h('p', { className: 'empty', text: t('qa.ask.noPoints') })
      : points.map(point => h('label', { className: 'inline', dataset: { key: point.id } },
        h('input', {
          type: 'checkbox', name: 'knowledgePoint', value: point.id, checked: chosen.has(point.id), disabled: full && !chosen.has(point.id),
          onchange: event => {
            if (event.target.checked) chosen.add(point.id);
            else chosen.delete(point.id);
            renderPoints();
          },
        }),
        h('span', { text: catalogue.name(point.id) }))));
    byId('ask-points-count').textContent = t('qa.ask.pointsChosen', { count: chosen.size, max: MAX_POINTS });
  }

  // Photos in the order they were chosen; one still uploading has no id yet and shows no thumbnail.
  const uploaded = () => photos.filter(p => p.photoId);
  const uploading = () => photos.length - uploaded().length;

  function renderPhotos() {
    morph(byId('ask-photos'), uploaded().map((photo, i) => h('li', { dataset: { key: photo.photoId, photoId: photo.photoId } },
      h('img', { src: photo.url, alt: t('qa.photo', { number: i + 1 }), width: 96, height: 96 }),
      h('button', {
        type: 'button', className: 'small', 'aria-label': t('qa.ask.removePhoto', { number: i + 1 }),
        onclick: () => {
          photos.splice(photos.indexOf(photo), 1);
          renderPhotos();
          byId('ask-photo').focus();
        },
      }, t('qa.ask.remove')))));
    byId('ask-photo-count').textContent = uploading() > 0 ? t('qa.ask.uploading') : t('qa.ask.photoCount', { count: photos.length, max: MAX_PHOTOS });
    byId('ask-photo').disabled = photos.length >= MAX_PHOTOS;
  }

  byId('ask-subject').addEventListener('change', () => {
    chosen.clear();
    renderPoints();
    suggestSoon();
  });

  byId('ask-photo').addEventListener('change', async event => {
    const files = [...event.target.files].slice(0, MAX_PHOTOS - photos.length);
    event.target.value = '';
    const slots = files.map(file => ({ file }));
    photos.push(...slots);
    renderPhotos();
    await Promise.all(slots.map(async slot => {
      try {
        Object.assign(slot, await request('/api/photos', { method: 'POST', body: slot.file }));
      } catch (error) {
        photos.splice(photos.indexOf(slot), 1);
        say(t('qa.ask.photoFailed', { name: slot.file.name, reason: messageOf(error) }), 'error');
      }
      renderPhotos();
    }));
  });

  // Suggestions: the newest answer wins, whatever order the responses come back in.
  let timer = null;
  let asked = 0;
  function suggestSoon() {
    clearTimeout(timer);
    timer = setTimeout(suggest, SUGGEST_AFTER_MS);
  }

  async function suggest() {
    const text = `${byId('ask-question-title').value} ${byId('ask-text').value}`.trim().slice(0, SEARCH_TEXT_MAX);
    const mine = ++asked;
    if (text.length < 2) {
      showSuggestions(t('qa.suggest.hint'), []);
      return;
    }
    try {
      const hits = await request(`/api/qa/search?${searchQuery({ text, subject: subject(), answeredOnly: true, limit: SUGGESTIONS })}`);
      if (mine === asked) showSuggestions(hits.length ? t('qa.suggest.found', { count: hits.length }) : t('qa.suggest.none'), hits);
    } catch (error) {
      // Suggestions help but are not needed to ask: say it here, not in the page's status line.
      if (mine === asked) showSuggestions(t('qa.suggest.unavailable'), []);
      console.warn(messageOf(error));
    }
  }

  function showSuggestions(message, hits) {
    // Only a change is announced again.
    if (byId('suggest-status').textContent !== message) byId('suggest-status').textContent = message;
    morph(byId('suggestions'), hits.map(hit => hitItem(hit, catalogue)));
  }

  byId('ask-question-title').addEventListener('input', suggestSoon);
  byId('ask-text').addEventListener('input', suggestSoon);

  byId('ask-form').addEventListener('submit', async event => {
    event.preventDefault();
    if (uploading() > 0) {
      say(t('qa.ask.waitForPhotos'), 'error');
      return;
    }
    if (chosen.size === 0) {
      say(t('qa.ask.choosePoints', { max: MAX_POINTS }), 'error');
      byId('ask-points').querySelector('input')?.focus();
      return;
    }
    const view = await attempt(() => request('/api/qa/questions', {
      method: 'POST',
      body: {
        subject: subject(), grade: Number(byId('ask-grade').value), knowledgePoints: [...chosen],
        title: byId('ask-question-title').value, text: byId('ask-text').value, photoIds: uploaded().map(p => p.photoId),
      },
    }));
    if (view) location.assign(questionHref(view.questionId));
  });

  renderPoints();
  renderPhotos();
  showSuggestions(t('qa.suggest.hint'), []);
}
