// Pieces that the console, the student view and the replay viewer draw alike.
import { h, morph } from './dom.js';
import { t, formatTimeOfDay, formatMoment, formatNumber } from './i18n.js';

/** The subjects a lesson can have, by code; their names come from the catalogue. */
export const SUBJECTS = ['math', 'chinese', 'english', 'physics', 'chemistry', 'biology', 'history', 'geography', 'politics'];

/** A subject's name in the page's language; a subject outside the list (typed by an older version) as it was typed. */
export const subjectName = subject => (SUBJECTS.includes(subject) ? t(`subject.${subject}`) : subject);

/** A school grade, 1-12: "初二", "Grade 8". */
export const gradeName = grade => t(`grade.${grade}`);

/** The chat as list items, newest last; `tools(message)` adds buttons (the console's delete and mute). */
export function chatItems(messages, tools) {
  if (messages.length === 0) return [h('li', { className: 'empty', dataset: { key: 'empty' }, text: t('chat.empty') })];
  return messages.map(m => h('li', { dataset: { messageId: m.messageId, key: m.messageId } },
    tools ? h('span', { className: 'tools' }, tools(m)) : null,
    h('span', { className: `who ${m.role}` }, h('span', { className: 'user-text', text: m.displayName }),
      m.role === 'teacher' || m.role === 'assistant' ? h('span', { className: 'role', text: ` (${t(`role.${m.role}`)})` }) : null),
    h('span', { className: 'text user-text', text: m.text }),
    h('time', { className: 'when', dateTime: m.at, title: formatMoment(m.at), text: formatTimeOfDay(m.at) })));
}

/** Keeps a chat log scrolled to the newest message unless its reader scrolled up; only new messages are added. */
export function fillChat(list, items) {
  const atBottom = list.scrollHeight - list.scrollTop - list.clientHeight < 40;
  morph(list, items);
  if (atBottom) list.scrollTop = list.scrollHeight;
}

/** A poll with its tally as bars; the answer key is marked when the viewer may see it. */
export function pollCard(poll, { showTally = true, body = [], actions = [] } = {}) {
  const total = Math.max(1, poll.voters);
  const headingId = `poll-${poll.pollId}-question`;
  return h('section', { className: 'poll', id: `poll-${poll.pollId}`, dataset: { pollId: poll.pollId }, 'aria-labelledby': headingId },
    h('h3', {}, h('span', { id: headingId, className: 'user-text', text: poll.question }),
      h('span', { className: `badge ${poll.status}`, text: t('poll.badge', { kind: t(poll.isQuiz ? 'poll.quiz' : 'poll.poll'), status: t(`poll.status.${poll.status}`) }) })),
    body,
    showTally ? h('div', { className: 'tally' },
      poll.options.map((option, i) => {
        const count = poll.counts[i] ?? 0;
        const correct = poll.correctOptions?.includes(i);
        return h('div', { className: `option${correct ? ' correct' : ''}`, dataset: { option: i } },
          h('span', { className: 'name' }, h('span', { className: 'user-text', text: option }), correct ? h('span', { className: 'mark', text: ` ✓ ${t('poll.correct')}` }) : null),
          h('span', { className: 'bar', role: 'img', 'aria-label': t('poll.share', { percent: Math.round(100 * count / total) }) },
            h('span', { style: `width: ${Math.round(100 * count / total)}%` })),
          h('span', { className: 'count', text: formatNumber(count) }));
      }),
      h('span', { className: 'muted voters', text: t('poll.voters', { count: poll.voters }) })) : null,
    actions.length ? h('div', { className: 'row' }, actions) : null);
}

/** The status badge of a lesson. */
export const statusBadge = status => h('span', { className: `badge ${status}`, dataset: { status }, text: t(`status.${status}`) });

/** Shows the hub connection's state, in words, in the page's #connection. */
export function showConnection(state) {
  const element = document.getElementById('connection');
  element.textContent = t(`connection.${state}`);
  element.className = `connection ${state}`;
  element.dataset.state = state;
}
