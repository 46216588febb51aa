// The teacher's answer form on a question's page: the reasoning, numbered steps (added and removed), the final answer
// and up to 5 recommended lessons, each a replay from a chosen moment. What the teacher typed lives here, not in the
// DOM, so the page's redraws on live notices never lose it.
import { request } from './api.js';
import { h, morph, byId, say, attempt } from './dom.js';
import { t, formatMoment } from './i18n.js';

const MAX_STEPS = 20;
const MAX_RESOURCES = 5;

let nextKey = 1;
const step = () => ({ key: nextKey++, text: '' });
const draft = { reasoning: '', steps: [step()], finalAnswer: '', resources: [] };
let lessons = null;

/** "12:30" (minutes and seconds), "1:02:30" or "12" (minutes) → milliseconds; '' → null; anything else → NaN. */
export function parseMoment(text) {
  const value = text.trim();
  if (value === '') return null;
  const clock = /^(?:(\d+):)?(\d+):([0-5]\d)$/.exec(value);
  if (clock) return ((Number(clock[1] ?? 0) * 60 + Number(clock[2])) * 60 + Number(clock[3])) * 1000;
  return /^\d+$/.test(value) ? Number(value) * 60_000 : NaN;
}

/**
 * The teacher's own lessons of the question's subject that have a replay (live or ended), newest first. The schedule
 * lists only lessons to come, so the teacher's record is where recorded lessons are found.
 */
async function lessonsOf(teacherId, subject) {
  if (!lessons) {
    const teacher = await request(`/api/teachers/${encodeURIComponent(teacherId)}`).catch(() => null);
    lessons = (teacher?.lessons ?? []).filter(l => l.subject === subject && l.status !== 'scheduled').reverse();
  }
  return lessons;
}

function lessonTitle(id) {
  return lessons.find(l => l.classroomId === id)?.title ?? id;
}

function stepItem(s, index, render) {
  const id = `step-${s.key}`;
  return h('li', { dataset: { key: id } },
    h('label', { className: 'step-label', for: id }, t('answerForm.step', { number: index + 1 })),
    h('div', { className: 'row' },
      h('textarea', { id, rows: 2, maxLength: 1000, text: s.text, oninput: event => { s.text = event.target.value; } }),
      h('button', {
        type: 'button', className: 'small', disabled: draft.steps.length === 1, 'aria-label': t('answerForm.removeStep', { number: index + 1 }),
        onclick: () => {
          draft.steps = draft.steps.filter(other => other !== s);
          render();
          byId(`step-${draft.steps[Math.max(0, index - 1)].key}`).focus();
        },
      }, t('answerForm.remove'))));
}

function resourceItem(r, index, render) {
  const id = `resource-${r.key}`;
  return h('li', { dataset: { key: id } },
    // Labels beside their controls (not around them), so a control's name is the label's words alone.
    h('div', { className: 'columns two' },
      h('div', { className: 'field' }, h('label', { for: id, text: t('answerForm.lesson', { number: index + 1 }) }),
        h('select', { id, onchange: event => { r.lessonId = event.target.value; } },
          lessons.map(l => h('option', { value: l.classroomId, selected: l.classroomId === r.lessonId, text: `${l.title} · ${formatMoment(l.startsAt)}` })))),
      h('div', { className: 'field' }, h('label', { for: `${id}-at`, text: t('answerForm.at') }),
        h('input', { id: `${id}-at`, value: r.at, autocomplete: 'off', placeholder: t('answerForm.atExample'), oninput: event => { r.at = event.target.value; } }))),
    h('div', { className: 'row' }, h('button', {
      type: 'button', className: 'small', 'aria-label': t('answerForm.removeLesson', { number: index + 1 }),
      onclick: () => {
        draft.resources = draft.resources.filter(other => other !== r);
        render();
        byId('add-resource').focus();
      },
    }, t('answerForm.remove'))));
}

function formContent(render) {
  return [
    h('label', {}, h('span', { text: t('answerForm.reasoning') }),
      h('textarea', { id: 'answer-reasoning', rows: 3, maxLength: 4000, text: draft.reasoning, placeholder: t('answerForm.reasoningExample'), oninput: event => { draft.reasoning = event.target.value; } })),
    h('fieldset', { className: 'choices' },
      h('legend', { text: t('answerForm.steps') }),
      h('ol', { className: 'step-list', id: 'answer-steps' }, draft.steps.map((s, i) => stepItem(s, i, render))),
      h('div', { className: 'row' }, h('button', {
        type: 'button', id: 'add-step', className: 'small', disabled: draft.steps.length >= MAX_STEPS,
        onclick: () => {
          draft.steps.push(step());
          render();
          byId(`step-${draft.steps.at(-1).key}`).focus();
        },
      }, t('answerForm.addStep')))),
    h('label', {}, h('span', { text: t('answerForm.finalAnswer') }),
      h('input', { id: 'answer-final', maxLength: 500, autocomplete: 'off', value: draft.finalAnswer, oninput: event => { draft.finalAnswer = event.target.value; } })),
    h('fieldset', { className: 'choices' },
      h('legend', { text: t('answerForm.resources', { max: MAX_RESOURCES }) }),
      lessons.length === 0 ? h('p', { className: 'empty', text: t('answerForm.noLessons') }) : null,
      h('ul', { className: 'resource-list', id: 'answer-resources' }, draft.resources.map((r, i) => resourceItem(r, i, render))),
      lessons.length > 0 ? h('div', { className: 'row' }, h('button', {
        type: 'button', id: 'add-resource', className: 'small', disabled: draft.resources.length >= MAX_RESOURCES,
        onclick: () => {
          draft.resources.push({ key: nextKey++, lessonId: lessons[0].classroomId, at: '' });
          render();
          byId(`resource-${draft.resources.at(-1).key}`).focus();
        },
      }, t('answerForm.addLesson'))) : null),
    h('div', { className: 'row' }, h('button', { type: 'submit', className: 'primary' }, t('answerForm.submit'))),
  ];
}

/** The answer as the API takes it, or null (and the reason said) when a moment cannot be read. */
function answerBody() {
  const resources = [];
  for (const r of draft.resources) {
    const atMillis = parseMoment(r.at);
    if (Number.isNaN(atMillis)) {
      say(t('answerForm.atFormat'), 'error');
      byId(`resource-${r.key}-at`).focus();
      return null;
    }
    resources.push({ lessonId: r.lessonId, title: lessonTitle(r.lessonId), atMillis });
  }
  return {
    reasoning: draft.reasoning,
    // A step left empty is one the teacher did not need.
    steps: draft.steps.map(s => s.text.trim()).filter(Boolean),
    finalAnswer: draft.finalAnswer,
    resources,
  };
}

/**
 * Shows the form to a teacher who has not answered an open question yet (and hides it otherwise); `onPosted(view)`
 * gets the question as it is after the answer.
 */
export async function showAnswerForm(view, user, onPosted) {
  const card = byId('answer-form-card');
  const mayAnswer = user.kind === 'teacher' && view.status !== 'closed' && !view.hidden && !view.answers.some(a => a.teacherId === user.userId);
  card.hidden = !mayAnswer;
  if (!mayAnswer) return;
  await lessonsOf(user.userId, view.subject);
  const form = byId('answer-form');
  const render = () => morph(form, formContent(render));
  form.onsubmit = async event => {
    event.preventDefault();
    const body = answerBody();
    if (!body) return;
    const posted = await attempt(() => request(`/api/qa/questions/${encodeURIComponent(view.questionId)}/answers`, { method: 'POST', body }), t('answerForm.posted'));
    if (posted) onPosted(posted);
  };
  render();
}
