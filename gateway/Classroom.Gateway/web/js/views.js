// Pieces that the console, the student view and the replay viewer draw alike.
import { h, formatTimeOfDay } from './dom.js';

/** The chat as list items, newest last; `tools(message)` adds buttons (the console's delete and mute). */
export function chatItems(messages, tools) {
  if (messages.length === 0) return [h('li', { className: 'empty', text: 'No messages yet.' })];
  return messages.map(m => h('li', { dataset: { messageId: m.messageId } },
    tools ? h('span', { className: 'tools' }, tools(m)) : null,
    h('span', { className: `who ${m.role}`, text: m.displayName }),
    h('span', { className: 'text', text: m.text }),
    h('span', { className: 'when', text: formatTimeOfDay(m.at) })));
}

/** Keeps a chat log scrolled to the newest message unless its reader scrolled up. */
export function fillChat(list, items) {
  const atBottom = list.scrollHeight - list.scrollTop - list.clientHeight < 40;
  list.replaceChildren(...items);
  if (atBottom) list.scrollTop = list.scrollHeight;
}

const STATUS_TEXT = { open: 'open', closed: 'closed', published: 'results published' };

/** A poll with its tally as bars; the answer key is marked when the viewer may see it. */
export function pollCard(poll, { showTally = true, body = [], actions = [] } = {}) {
  const total = Math.max(1, poll.voters);
  return h('div', { className: 'poll', dataset: { pollId: poll.pollId } },
    h('h3', {}, h('span', { text: poll.question }),
      h('span', { className: `badge ${poll.status}`, text: `${poll.isQuiz ? 'quiz' : 'poll'} · ${STATUS_TEXT[poll.status]}` })),
    body,
    showTally ? h('div', { className: 'tally' },
      poll.options.map((option, i) => h('div', { className: `option${poll.correctOptions?.includes(i) ? ' correct' : ''}`, dataset: { option: i } },
        h('span', { className: 'name', text: option }),
        h('span', { className: 'bar' }, h('span', { style: `width: ${Math.round(100 * (poll.counts[i] ?? 0) / total)}%` })),
        h('span', { className: 'count', text: String(poll.counts[i] ?? 0) }))),
      h('span', { className: 'muted voters', text: `${poll.voters} ${poll.voters === 1 ? 'voter' : 'voters'}` })) : null,
    actions.length ? h('div', { className: 'row' }, actions) : null);
}

/** The status badge of a lesson. */
export const statusBadge = status => h('span', { className: `badge ${status}`, dataset: { status }, text: status });

const CONNECTION_TEXT = { connected: 'Connected', connecting: 'Connecting…', reconnecting: 'Connection lost: reconnecting…', disconnected: 'Disconnected: retrying…' };

/** Shows the hub connection's state, in words, in the page's #connection. */
export function showConnection(state) {
  const element = document.getElementById('connection');
  element.textContent = CONNECTION_TEXT[state] ?? state;
  element.className = `connection ${state}`;
  element.dataset.state = state;
}
