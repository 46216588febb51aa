// Micro-lessons (微课): the best explanations cut out of recorded lessons, by subject, grade and knowledge point, newest
// first; each opens as a short replay of its range. A teacher may show only their own and delete one. The filters live
// in the address, so a reload or a shared link shows the same list.
import { request, requireSession, isOperator } from './api.js';
import { h, fill, morph, byId, attempt, param, formatOffset } from './dom.js';
import { t } from './i18n.js';
import { SUBJECTS, subjectName, gradeName } from './views.js';
import { loadCatalogue, topicLine, ago, searchQuery } from './qa-views.js';

const current = requireSession();
const user = current?.user;
const catalogue = await loadCatalogue();
let loads = 0;

const filters = () => ({
  subject: byId('subject').value, grade: byId('grade').value, knowledgePoint: byId('point').value,
  teacher: byId('mine').checked ? user.userId : '',
});

export const microHref = micro => `/replay.html?lesson=${encodeURIComponent(micro.classroomId)}&micro=${encodeURIComponent(micro.microLessonId)}`;

function fillPoints(subject, selected = '') {
  fill(byId('point'), h('option', { value: '', text: t('qa.allPoints') }),
    catalogue.points(subject).map(p => h('option', { value: p.id, selected: p.id === selected, text: catalogue.name(p.id) })));
}

function item(micro) {
  const mayDelete = micro.teacherId === user.userId || isOperator();
  return h('li', { className: 'question-item', dataset: { key: micro.microLessonId, microLessonId: micro.microLessonId } },
    h('div', { className: 'row' },
      h('a', { className: 'title user-text', href: microHref(micro), text: micro.title }),
      h('span', { className: 'badge', text: t('micro.length', { length: formatOffset(micro.toMillis - micro.fromMillis) }) })),
    h('div', { className: 'muted', text: topicLine(micro, catalogue) }),
    micro.description ? h('p', { className: 'user-text', text: micro.description }) : null,
    h('div', { className: 'muted' },
      t('micro.from', { lesson: micro.lessonTitle, at: formatOffset(micro.fromMillis) }), ' · ', ago(micro.createdAt)),
    mayDelete
      ? h('div', { className: 'actions' }, h('button', {
        type: 'button', className: 'secondary', text: t('micro.delete'), 'aria-label': t('micro.deleteNamed', { title: micro.title }),
        onclick: () => remove(micro),
      }))
      : null);
}

async function remove(micro) {
  if (!confirm(t('micro.confirmDelete', { title: micro.title }))) return;
  await attempt(async () => {
    await request(`/api/micro-lessons/${encodeURIComponent(micro.microLessonId)}`, { method: 'DELETE' });
    await load();
  }, t('micro.deleted', { title: micro.title }));
}

async function load() {
  const { subject, teacher, ...rest } = filters();
  // Filters change faster than answers come: only the newest request's answer is shown.
  const mine = ++loads;
  const list = await attempt(() => request(`/api/micro-lessons?${searchQuery({ subject, teacher, ...rest })}`));
  if (!list || mine !== loads) return;
  byId('micro-count').textContent = t('micro.count', { count: list.length });
  morph(byId('list'), list.length === 0
    ? h('li', { className: 'empty', dataset: { key: 'empty' }, text: t(teacher ? 'micro.emptyMine' : 'micro.empty') })
    : list.map(item));
}

async function changed(event) {
  const url = new URL(location.href);
  for (const [name, value] of Object.entries(filters())) {
    if (value && name !== 'teacher') url.searchParams.set(name, value);
    else url.searchParams.delete(name);
  }
  if (byId('mine').checked) url.searchParams.set('mine', '1');
  else url.searchParams.delete('mine');
  history.replaceState(null, '', url);
  if (event.target.id === 'subject') fillPoints(byId('subject').value);
  await load();
}

if (user) {
  const subject = SUBJECTS.find(s => s === param('subject')) ?? SUBJECTS[0];
  fill(byId('subject'), SUBJECTS.map(s => h('option', { value: s, selected: s === subject, text: subjectName(s) })));
  fill(byId('grade'), h('option', { value: '', text: t('queue.allGrades') }),
    Array.from({ length: 12 }, (_, i) => h('option', { value: i + 1, selected: String(i + 1) === param('grade'), text: gradeName(i + 1) })));
  fillPoints(subject, param('knowledgePoint') ?? '');
  byId('mine-label').hidden = user.kind !== 'teacher';
  byId('mine').checked = user.kind === 'teacher' && param('mine') === '1';
  byId('filters').addEventListener('change', changed);
  byId('filters').addEventListener('submit', event => event.preventDefault());
  await load();
}
