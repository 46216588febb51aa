// One question of the Q&A centre: the question (photos, knowledge points, status), the teachers' answers (reasoning,
// numbered steps, final answer, recommended lessons), the follow-up thread under each, adoption and the 1-5 star
// rating (the author), the teacher's answer form, close, report, hide (administrators). Live: every notice about the
// question re-reads it, and what others did is said in a polite live region.
import { request, requireSession, isOperator } from './api.js';
import { h, morph, byId, say, attempt, param, formatOffset } from './dom.js';
import { t, formatMoment } from './i18n.js';
import { loadCatalogue, topicLine, qaStatusBadge, noticeText, announce, watchQa, withNodes, ago, sinceText } from './qa-views.js';
import { showAnswerForm } from './answer-form.js';

const current = requireSession();
const user = current?.user;
const operator = isOperator();
const questionId = param('id');
const catalogue = await loadCatalogue();
let view = null;
// What is typed in a follow-up box, and the stars chosen but not yet sent, survive the redraws.
const followUpDrafts = new Map();
let chosenStars = null;

const path = (suffix = '') => `/api/qa/questions/${encodeURIComponent(questionId)}${suffix}`;
const photoUrl = id => `/api/photos/${encodeURIComponent(id)}`;
const userText = text => h('span', { className: 'user-text', text });

// Reads and actions overlap (a notice arrives while the student adopts): only the answer to a request sent later than
// the one shown replaces it, so an older read never undoes what the page already shows.
let issued = 0;
let shown = 0;

async function read(call, done) {
  const ticket = ++issued;
  const next = await attempt(call, done);
  if (next && ticket > shown) {
    shown = ticket;
    view = next;
    render();
  }
  return next;
}

// A question that is gone for this reader (hidden by an administrator while they read) leaves the page with its reason.
const load = () => read(() => request(path()).catch(error => {
  if (error.status === 404) {
    for (const id of ['question', 'answers-card', 'answer-form-card']) byId(id).hidden = true;
  }
  throw error;
}));

/** An action on the question: the server answers with the question as it is now. */
const act = (suffix, { body, method = 'POST', done } = {}) => read(() => request(path(suffix), { method, body }), done);

/** The question as an answer just posted left it. */
function show(next) {
  shown = ++issued;
  view = next;
  render();
}

function render() {
  const v = view;
  const author = v.authorId === user.userId;
  document.title = t('question.documentTitle', { title: v.title });
  byId('question').hidden = false;
  morph(byId('question-body'), questionBody(v));
  byId('close').hidden = !(author || operator) || v.status === 'closed';
  byId('hide').hidden = !operator;
  byId('hide').textContent = t(v.hidden ? 'question.show' : 'question.hide');
  byId('report').hidden = author;
  byId('answers-card').hidden = false;
  byId('answer-count').textContent = v.answers.length ? t('qa.answerCount', { count: v.answers.length }) : '';
  morph(byId('answers'), v.answers.length === 0
    ? h('p', { className: 'empty', dataset: { key: 'none' }, text: t('question.noAnswers') })
    : v.answers.map(a => answerArticle(a, v)));
  showAnswerForm(v, user, show);
}

function questionBody(v) {
  return [
    h('div', { className: 'row' },
      h('h2', { id: 'question-title', className: 'user-text', text: v.title }),
      qaStatusBadge(v.status),
      v.hidden ? h('span', { className: 'badge qa-hidden', text: t('question.hiddenBadge') }) : null),
    h('p', { className: 'muted', text: topicLine(v, catalogue) }),
    h('p', { className: 'muted' }, withNodes('question.askedBy', { name: userText(v.authorName) }, { time: formatMoment(v.askedAt), ago: sinceText(v.askedAt) })),
    v.text ? h('p', { className: 'question-text user-text', text: v.text }) : null,
    v.photoIds.length ? h('ul', { className: 'photos', 'aria-label': t('question.photos') }, v.photoIds.map((id, i) => h('li', { dataset: { key: id } },
      h('a', { href: photoUrl(id) }, h('img', { src: photoUrl(id), alt: t('qa.photo', { number: i + 1 }) }))))) : null,
    operator && v.reports > 0 ? h('p', { className: 'badge qa-reported', text: t('question.reports', { count: v.reports }) }) : null,
  ];
}

function answerArticle(a, v) {
  const headingId = `answer-${a.answerId}-title`;
  const author = v.authorId === user.userId;
  const { reasoning, steps, finalAnswer, resources } = a.answer;
  const part = (key, ...content) => h('section', { className: 'part' }, h('h4', { text: t(key) }), content);
  return h('article', { className: `answer${a.adopted ? ' adopted' : ''}`, id: `answer-${a.answerId}`, dataset: { answerId: a.answerId }, 'aria-labelledby': headingId },
    h('div', { className: 'row answer-head' },
      h('h3', { id: headingId }, withNodes('question.answerBy', { name: userText(a.teacherName) })),
      a.adopted ? h('span', { className: 'badge qa-adopted', text: t('question.adoptedBadge') }) : null,
      ago(a.answeredAt, 'muted')),
    reasoning ? part('question.reasoning', h('p', { className: 'user-text', text: reasoning })) : null,
    part('question.steps', h('ol', { className: 'steps' }, steps.map(s => h('li', { className: 'user-text', text: s })))),
    part('question.finalAnswer', h('p', { className: 'final user-text', text: finalAnswer })),
    resources.length ? part('question.resources', h('ul', { className: 'resources' }, resources.map(resourceItem))) : null,
    author && !v.adoptedAnswerId && v.status !== 'closed'
      ? h('div', { className: 'row' }, h('button', {
        className: 'primary', 'aria-label': t('question.adoptWhose', { action: t('question.adopt'), name: a.teacherName }),
        onclick: () => act('/adoption', { body: { answerId: a.answerId }, done: t('question.adoptedDone') }),
      }, t('question.adopt')))
      : null,
    a.adopted ? rating(v, author) : null,
    followUps(a, v, author));
}

function resourceItem(r) {
  const seconds = r.atMillis === null || r.atMillis === undefined ? null : Math.floor(r.atMillis / 1000);
  const href = `/replay.html?lesson=${encodeURIComponent(r.lessonId)}${seconds === null ? '' : `&t=${seconds}`}`;
  return h('li', {},
    h('a', { href, className: 'user-text', text: r.title }),
    seconds === null ? null : h('span', { className: 'muted', text: ` · ${t('question.from', { time: formatOffset(r.atMillis) })}` }));
}

/** The adopted answer's stars: a radio group for its author until rated, then the stars for everyone. */
function rating(v, author) {
  if (v.rating) {
    return h('p', { className: 'rating' },
      h('span', { className: 'star-glyphs', 'aria-hidden': 'true', text: '★'.repeat(v.rating) + '☆'.repeat(5 - v.rating) }), ' ',
      t('question.rated', { count: v.rating }));
  }
  if (!author) return null;
  return h('form', {
    className: 'stack rating',
    onsubmit: async event => {
      event.preventDefault();
      if (!chosenStars) {
        say(t('question.chooseStars'), 'error');
        return;
      }
      await act('/rating', { body: { stars: chosenStars }, done: t('question.ratedDone') });
    },
  },
  h('fieldset', { className: 'choices stars' },
    h('legend', { text: t('question.rateLegend') }),
    [1, 2, 3, 4, 5].map(n => h('label', { className: 'inline' },
      h('input', { type: 'radio', name: 'stars', value: n, checked: chosenStars === n, onchange: () => { chosenStars = n; } }),
      h('span', { className: 'star-glyphs', 'aria-hidden': 'true', text: '★'.repeat(n) }),
      h('span', { text: t('question.stars', { count: n }) })))),
  h('div', { className: 'row' }, h('button', { type: 'submit', className: 'primary small' }, t('question.rate'))));
}

/** The thread under an answer, and its form for the question's author and that answer's teacher. */
function followUps(a, v, author) {
  const titleId = `answer-${a.answerId}-follow-ups`;
  const mayWrite = (author || a.teacherId === user.userId) && v.status !== 'closed';
  const inputId = `follow-up-${a.answerId}`;
  return h('section', { className: 'part follow-ups', 'aria-labelledby': titleId },
    h('h4', { id: titleId, text: t('question.followUps') }),
    a.followUps.length === 0
      ? h('p', { className: 'empty', text: t('question.noFollowUps') })
      : h('ul', { className: 'thread' }, a.followUps.map((f, i) => h('li', { dataset: { key: String(i) } },
        h('span', { className: 'who' }, userText(f.authorName), ' ',
          h('span', { className: 'muted role', text: t(f.authorId === v.authorId ? 'question.asker' : 'role.teacher') })),
        h('span', { className: 'text user-text', text: f.text }),
        ago(f.at, 'muted when')))),
    mayWrite ? h('form', {
      className: 'row', dataset: { followUp: a.answerId },
      onsubmit: async event => {
        event.preventDefault();
        const text = followUpDrafts.get(a.answerId) ?? '';
        if (!text.trim()) return;
        // Emptied first: the box has the focus, and a redraw keeps what a focused box holds.
        const box = byId(inputId);
        box.value = '';
        followUpDrafts.delete(a.answerId);
        if (!await act(`/answers/${encodeURIComponent(a.answerId)}/follow-ups`, { body: { text } })) {
          box.value = text;
          followUpDrafts.set(a.answerId, text);
        }
      },
    },
    h('label', { className: 'grow', for: inputId }, t(author ? 'question.askMore' : 'question.reply')),
    h('input', { id: inputId, maxLength: 500, autocomplete: 'off', value: followUpDrafts.get(a.answerId) ?? '', oninput: event => followUpDrafts.set(a.answerId, event.target.value) }),
    h('button', { type: 'submit', className: 'primary small' }, t('question.send'))) : null);
}

byId('close').addEventListener('click', () => {
  if (confirm(t('question.confirmClose'))) act('/closing', { done: t('question.closedDone') });
});
byId('hide').addEventListener('click', () =>
  act('/hidden', { method: 'PUT', body: { hidden: !view.hidden }, done: t(view.hidden ? 'question.shownDone' : 'question.hiddenDone') }));
byId('report-form').addEventListener('submit', async event => {
  event.preventDefault();
  if (await act('/reports', { body: { reason: byId('report-reason').value }, done: t('question.reportedDone') })) {
    byId('report-reason').value = '';
    byId('report').open = false;
  }
});

if (current && !questionId) say(t('question.noQuestion'), 'error');
if (current && questionId) {
  load();
  watchQa({
    watch: async hub => {
      await hub.invoke('WatchQuestion', questionId);
      await load();
    },
    onNotice: (topic, notice) => {
      if (notice.questionId !== questionId) return;
      // One's own actions are answered where they are taken; notices tell of what others did.
      if (notice.actorId !== user.userId) announce(noticeText(notice, { mine: view?.authorId === user.userId }));
      load();
    },
  });
}
