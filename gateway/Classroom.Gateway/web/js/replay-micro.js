// Micro-lessons on the replay page: watching one (replay.html?lesson=…&micro=…: the lesson's replay limited to the
// micro-lesson's range, its chat from the range's start), and the lesson's teacher cutting one from the replay they
// are watching (from and to set from the playhead or a chapter, a title, the subject's knowledge points).
import { request } from './api.js';
import { h, fill, byId, attempt, formatOffset } from './dom.js';
import { t } from './i18n.js';
import { SUBJECTS, subjectName, gradeName } from './views.js';
import { loadCatalogue, MAX_POINTS } from './qa-views.js';
import { markerLabel } from './fold.js';

/** The micro-lesson named by the page's address, or null; refused (not found) it says so and is null. */
export async function loadMicroLesson(id) {
  return id ? (await attempt(() => request(`/api/micro-lessons/${encodeURIComponent(id)}`))) ?? null : null;
}

/** The range the page's timeline is limited to: the micro-lesson's, or the whole lesson. */
export const rangeOf = (micro, info) => (micro ? { from: micro.fromMillis, to: micro.toMillis } : { from: 0, to: info.durationMillis });

/** The chat a micro-lesson shows: what was said from its start on (what came before belongs to the lesson). */
export function chatInRange(messages, micro, info) {
  if (!micro) return messages;
  const start = new Date(info.startedAt).getTime() + micro.fromMillis;
  return messages.filter(m => new Date(m.at).getTime() >= start);
}

/** Shows what the micro-lesson is above the timeline: its title and topic, and the lesson it came from. */
export function showMicroLesson(micro, info, catalogue) {
  const section = byId('micro-info');
  const points = micro.knowledgePoints.map(catalogue.name).join(t('common.listSeparator'));
  fill(section,
    h('h2', { className: 'user-text', text: micro.title }),
    h('p', { className: 'muted', text: [subjectName(micro.subject), gradeName(micro.grade), points].filter(Boolean).join(' · ') }),
    micro.description ? h('p', { className: 'user-text', text: micro.description }) : null,
    h('p', { className: 'muted' }, t('micro.from', { lesson: info.preview?.title ?? info.classroomId, at: formatOffset(micro.fromMillis) }), ' · ',
      h('a', { href: `/replay.html?lesson=${encodeURIComponent(info.classroomId)}&t=${Math.floor(micro.fromMillis / 1000)}`, text: t('micro.wholeLesson') })));
  section.hidden = false;
}

/**
 * The lesson's teacher cuts a micro-lesson out of the ended lesson they are watching. `playhead()` reads the replay's
 * position; chapters offer their span (from the marker to the next).
 */
export async function setUpCutting(info, playhead) {
  const form = byId('cut-form');
  const catalogue = await loadCatalogue();
  const fields = {
    from: byId('cut-from'), to: byId('cut-to'), title: byId('cut-title-input'), subject: byId('cut-subject'), grade: byId('cut-grade'),
    points: byId('cut-points'), description: byId('cut-description'), chapter: byId('cut-chapter'),
  };
  let from = 0;
  let to = Math.min(info.durationMillis, 5 * 60_000);
  const showRange = () => {
    fields.from.textContent = formatOffset(from);
    fields.to.textContent = formatOffset(to);
  };
  const fillPoints = () => fill(fields.points, catalogue.points(fields.subject.value).map(p => h('option', { value: p.id, text: catalogue.name(p.id) })));

  const subject = SUBJECTS.includes(info.preview?.subject) ? info.preview.subject : SUBJECTS[0];
  fill(fields.subject, SUBJECTS.map(s => h('option', { value: s, selected: s === subject, text: subjectName(s) })));
  fill(fields.grade, Array.from({ length: 12 }, (_, i) => h('option', { value: i + 1, selected: i + 1 === info.preview?.grade, text: gradeName(i + 1) })));
  fillPoints();
  const chapters = info.chapters.filter(c => c.offsetMillis < info.durationMillis);
  fill(fields.chapter, h('option', { value: '', text: t('micro.cutChapterNone') }),
    chapters.map((c, i) => h('option', { value: String(i), text: `${formatOffset(c.offsetMillis)} ${markerLabel(c)}` })));
  fields.subject.addEventListener('change', fillPoints);
  fields.chapter.addEventListener('change', () => {
    const index = Number(fields.chapter.value);
    if (fields.chapter.value === '') return;
    from = chapters[index].offsetMillis;
    to = chapters[index + 1]?.offsetMillis ?? info.durationMillis;
    showRange();
  });
  byId('cut-set-from').addEventListener('click', () => { from = playhead(); if (to <= from) to = Math.min(info.durationMillis, from + 60_000); showRange(); });
  byId('cut-set-to').addEventListener('click', () => { to = playhead(); showRange(); });
  form.addEventListener('submit', async event => {
    event.preventDefault();
    const points = [...fields.points.selectedOptions].map(o => o.value).slice(0, MAX_POINTS);
    const made = await attempt(() => request('/api/micro-lessons', {
      method: 'POST',
      body: {
        classroomId: info.classroomId, fromMillis: from, toMillis: to, title: fields.title.value, subject: fields.subject.value,
        grade: Number(fields.grade.value), knowledgePoints: points, description: fields.description.value,
      },
    }));
    if (!made) return;
    const link = byId('cut-made');
    fill(link, t('micro.made', { title: made.title }), ' ',
      h('a', { href: `/replay.html?lesson=${encodeURIComponent(made.classroomId)}&micro=${encodeURIComponent(made.microLessonId)}`, text: t('micro.watch') }));
    link.hidden = false;
  });
  showRange();
  byId('cut').hidden = false;
}
