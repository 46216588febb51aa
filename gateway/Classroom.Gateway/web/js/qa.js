// The Q&A centre (答疑中心): students ask (with suggestions while typing) and follow their questions live; teachers find
// the queue and the questions they answered; everyone searches all questions by words, subject and knowledge point;
// administrators see the reported questions.
import { request, requireSession, isOperator } from './api.js';
import { h, fill, morph, byId, say, attempt } from './dom.js';
import { t } from './i18n.js';
import { SUBJECTS, subjectName } from './views.js';
import { loadCatalogue, summaryItem, hitItem, searchQuery, noticeText, announce, watchQa } from './qa-views.js';
import { setUpAskForm } from './qa-ask.js';

const current = requireSession();
const user = current?.user;
const operator = isOperator();
const catalogue = await loadCatalogue();

async function showMine() {
  const mine = await attempt(() => request('/api/qa/mine'));
  if (!mine) return;
  morph(byId('mine'), mine.length === 0
    ? h('li', { className: 'empty', dataset: { key: 'empty' }, text: t(user.kind === 'teacher' ? 'qa.mine.noneAnswered' : 'qa.mine.none') })
    : mine.map(summary => summaryItem(summary, catalogue)));
}

async function showReported() {
  const reported = await attempt(() => request('/api/qa/reported'));
  if (!reported) return;
  morph(byId('reported'), reported.length === 0
    ? h('li', { className: 'empty', dataset: { key: 'empty' }, text: t('qa.reported.none') })
    : reported.map(summary => summaryItem(summary, catalogue)));
}

function fillPointChoices(select, subject) {
  const points = subject ? catalogue.points(subject) : [];
  fill(select, h('option', { value: '', text: t('qa.allPoints') }), points.map(p => h('option', { value: p.id, text: catalogue.name(p.id) })));
  select.disabled = points.length === 0;
}

function setUpSearch() {
  const subject = byId('search-subject');
  subject.append(...SUBJECTS.map(s => h('option', { value: s, text: subjectName(s) })));
  fillPointChoices(byId('search-point'), '');
  subject.addEventListener('change', () => fillPointChoices(byId('search-point'), subject.value));
  byId('search-form').addEventListener('submit', async event => {
    event.preventDefault();
    const query = searchQuery({ text: byId('search-text').value.trim(), subject: subject.value, knowledgePoint: byId('search-point').value, limit: 20 });
    const hits = await attempt(() => request(`/api/qa/search?${query}`));
    if (!hits) return;
    byId('search-status').textContent = hits.length ? t('qa.search.found', { count: hits.length }) : t('qa.search.none');
    morph(byId('results'), hits.map(hit => hitItem(hit, catalogue)));
  });
}

async function start() {
  if (user.kind === 'guest') {
    say(t('qa.guestsCannot'), 'error');
    return;
  }
  byId('mine-title').textContent = t(user.kind === 'teacher' ? 'qa.mine.answeredTitle' : 'qa.mine.title');
  byId('ask').hidden = user.kind !== 'student';
  byId('teaching').hidden = user.kind !== 'teacher' && !operator;
  byId('reported-card').hidden = !operator;
  if (user.kind === 'student') {
    // The grade the student's profile gives, when it gives one.
    const me = await request('/api/students/me').catch(() => null);
    setUpAskForm(catalogue, { grade: me?.profile?.grade ?? 8 });
  }
  setUpSearch();
  watchQa({
    watch: async hub => {
      await hub.invoke('WatchMyQuestions');
      await Promise.all([showMine(), operator ? showReported() : null]);
    },
    onNotice: (topic, notice) => {
      // One's own actions are answered where they are taken; notices tell of what others did.
      if (notice.actorId !== user.userId) announce(noticeText(notice, { mine: user.kind === 'student' }));
      showMine();
    },
  });
}

if (current) start();
