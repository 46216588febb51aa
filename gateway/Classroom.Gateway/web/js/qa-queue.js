// The teachers' queue (答疑队列): a subject's questions waiting for an answer, longest waiting or newest first, of one
// grade or knowledge point; new questions appear as they are asked. The filters live in the address, so a reload or a
// shared link shows the same queue.
import { request, requireSession, isOperator } from './api.js';
import { h, fill, morph, byId, say, attempt, param } from './dom.js';
import { t } from './i18n.js';
import { SUBJECTS, subjectName, gradeName } from './views.js';
import { loadCatalogue, summaryItem, searchQuery, noticeText, announce, watchQa } from './qa-views.js';

const current = requireSession();
const user = current?.user;
const catalogue = await loadCatalogue();
const watched = new Set();
let hub = null;
let loads = 0;

const filters = () => ({
  subject: byId('subject').value, order: byId('order').value, grade: byId('grade').value, knowledgePoint: byId('point').value,
});

function fillPoints(subject, selected = '') {
  fill(byId('point'), h('option', { value: '', text: t('qa.allPoints') }),
    catalogue.points(subject).map(p => h('option', { value: p.id, selected: p.id === selected, text: catalogue.name(p.id) })));
}

async function load() {
  const { subject, ...rest } = filters();
  // Filters change faster than answers come: only the newest request's answer is shown.
  const mine = ++loads;
  const list = await attempt(() => request(`/api/qa/queue/${encodeURIComponent(subject)}?${searchQuery(rest)}`));
  if (!list || mine !== loads) return;
  byId('queue-count').textContent = t('queue.count', { count: list.length });
  morph(byId('queue'), list.length === 0
    ? h('li', { className: 'empty', dataset: { key: 'empty' }, text: t('queue.empty') })
    : list.map(summary => summaryItem(summary, catalogue)));
}

/** Watches the chosen subject's queue on this connection, and stops watching the one chosen before. */
async function watchSubject() {
  const subject = byId('subject').value;
  if (!hub || hub.state !== 'Connected' || watched.has(subject)) return;
  for (const previous of watched) {
    await hub.invoke('UnwatchQuestionQueue', previous);
    watched.delete(previous);
  }
  await hub.invoke('WatchQuestionQueue', subject);
  watched.add(subject);
}

async function changed(event) {
  const url = new URL(location.href);
  for (const [name, value] of Object.entries(filters())) {
    if (value) url.searchParams.set(name, value);
    else url.searchParams.delete(name);
  }
  history.replaceState(null, '', url);
  if (event.target.id === 'subject') {
    fillPoints(byId('subject').value);
    await attempt(watchSubject);
  }
  await load();
}

async function start() {
  if (user.kind !== 'teacher' && !isOperator()) {
    say(t('queue.teachersOnly'), 'error');
    byId('main').hidden = true;
    return;
  }
  // The teacher's own subject first, unless the address names one.
  const profile = param('subject') ? null : await request(`/api/teachers/${encodeURIComponent(user.userId)}`).catch(() => null);
  const subject = SUBJECTS.find(s => s === param('subject')) ?? profile?.profile?.subjects?.find(s => SUBJECTS.includes(s)) ?? SUBJECTS[0];
  fill(byId('subject'), SUBJECTS.map(s => h('option', { value: s, selected: s === subject, text: subjectName(s) })));
  byId('order').value = param('order') === 'newest' ? 'newest' : 'waiting';
  fill(byId('grade'), h('option', { value: '', text: t('queue.allGrades') }),
    Array.from({ length: 12 }, (_, i) => h('option', { value: i + 1, selected: String(i + 1) === param('grade'), text: gradeName(i + 1) })));
  fillPoints(subject, param('knowledgePoint') ?? '');
  byId('filters').addEventListener('change', changed);
  byId('filters').addEventListener('submit', event => event.preventDefault());
  hub = watchQa({
    watch: async () => {
      watched.clear();
      await watchSubject();
      await load();
    },
    onNotice: (topic, notice) => {
      if (notice.subject !== byId('subject').value) return;
      if (notice.type === 'question.asked') announce(noticeText(notice));
      load();
    },
  });
}

if (current) start();
