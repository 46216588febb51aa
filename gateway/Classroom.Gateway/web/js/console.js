// The teacher console of a live lesson: the whiteboard (drawing, pages, the pen handed to students), start and end,
// roster, hands in order, stage, the live count, chat moderation and slow mode, polls and quizzes with their moving
// tallies, markers.
import { requireSession } from './api.js';
import { h, fill, morph, byId, say, attempt, messageOf, param, formatOffset } from './dom.js';
import { t, formatNumber } from './i18n.js';
import { LiveLesson } from './live.js';
import { nameOf, markerLabel } from './fold.js';
import { chatItems, fillChat, pollCard, statusBadge, showConnection } from './views.js';
import { Board, penButton, onlyDrawing } from './board.js';
import { mountMediaConsole } from './media-console.js';

const current = requireSession();
const classroomId = param('lesson');
if (current && !classroomId) say(t('console.noLesson'), 'error');

const lesson = current && classroomId ? new LiveLesson(classroomId, { onChange: render, onConnection: showConnection, onError: error => say(messageOf(error), 'error') }) : null;
const act = (method, ...args) => attempt(() => lesson.invoke(method, ...args));
const board = lesson ? new Board({ lesson, me: current.user.userId, onRefusal: error => say(messageOf(error), 'error'), act }) : null;
const media = lesson ? mountMediaConsole(lesson) : null;
/** A button's name for a screen reader: its visible words, then whom it acts on ("禁言：演示学生2"). */
const forWhom = (action, name) => t('console.forWhom', { action: t(action), name });
for (const option of byId('slow-mode').options) {
  if (option.value !== '0') option.textContent = t('console.slowSeconds', { count: Number(option.value) });
}


function render(_, events) {
  const s = lesson.snapshot;
  if (!s) return;
  if (lesson.role !== 'teacher' && lesson.role !== 'assistant') {
    say(t('console.staffOnly'), 'error');
    location.replace(`/lesson.html?lesson=${encodeURIComponent(classroomId)}`);
    return;
  }
  board.update(s.board, events, { drawing: s.status !== 'ended', staff: true });
  // A stroke being drawn sends a frame every few dozen milliseconds: it changes the board and nothing else.
  if (onlyDrawing(events)) return;
  document.title = t('console.documentTitle', { title: s.preview?.title ?? classroomId });
  byId('title').textContent = s.preview?.title ?? classroomId;
  fill(byId('lesson-status'), statusBadge(s.status));
  byId('start').hidden = s.status !== 'scheduled';
  byId('end').hidden = s.status !== 'live';
  const counts = s.presence.counts;
  byId('viewers').textContent = counts
    ? t('console.presentCounts', { count: s.presence.present, students: counts.students, viewers: counts.viewers })
    : t('console.presentCount', { count: s.presence.present });
  byId('viewers').dataset.present = s.presence.present;
  renderPeople(s);
  renderChat(s);
  renderPolls(s);
  renderMarkers(s);
  media.render(s);
}

function renderPeople(s) {
  const live = s.status === 'live';
  byId('hand-count').textContent = formatNumber(s.hands.length);
  byId('no-hands').hidden = s.hands.length > 0;
  morph(byId('hands'), s.hands.map(id => h('li', { dataset: { userId: id, key: id } },
    h('div', {}, h('span', { className: 'user-text', text: nameOf(s, id) }), h('span', { className: 'row' },
      h('button', { className: 'small primary', disabled: !live, onclick: () => act('InviteToStage', id), 'aria-label': forWhom('console.invite', nameOf(s, id)) }, t('console.invite')),
      h('button', { className: 'small', onclick: () => act('LowerHand', id), 'aria-label': forWhom('console.lower', nameOf(s, id)) }, t('console.lower')),
      penButton(s.board, id, nameOf(s, id), act, live))))));
  byId('stage-count').textContent = formatNumber(s.stage.length);
  morph(byId('stage'), s.stage.length === 0 ? h('li', { className: 'empty', text: t('stage.nobody') }) : s.stage.map(id => h('li', { dataset: { userId: id, key: id } },
    h('span', { className: 'user-text', text: nameOf(s, id) }),
    h('span', { className: 'row' }, penButton(s.board, id, nameOf(s, id), act, live),
      h('button', { className: 'small', onclick: () => act('RemoveFromStage', id), 'aria-label': forWhom('console.remove', nameOf(s, id)) }, t('console.remove'))))));
  byId('present-count').textContent = formatNumber(s.presence.present);
  morph(byId('roster'), s.presence.participants.map(p => h('li', { dataset: { userId: p.userId, key: p.userId } },
    h('span', {}, h('span', { className: 'user-text', text: p.displayName }), ' ', h('span', { className: 'muted', text: t(`role.${p.role}`) })),
    p.role === 'student' ? h('span', { className: 'row' }, penButton(s.board, p.userId, p.displayName, act, live), muteButton(s, p.userId, p.displayName)) : null)));
  // Who holds the pen, also when the class is too large to list everyone present.
  const holders = byId('board-holders');
  holders.hidden = s.board.penHolders.length === 0;
  morph(holders, holders.hidden ? [] : [h('span', { className: 'muted', dataset: { key: 'label' }, text: t('board.penHolders') }),
    h('ul', { className: 'plain', dataset: { key: 'list' } }, s.board.penHolders.map(id => h('li', { dataset: { key: id } },
      h('span', { className: 'user-text', text: nameOf(s, id) }), penButton(s.board, id, nameOf(s, id), act, live))))]);
}

function muteButton(s, userId, name) {
  const muted = s.chat.muted.includes(userId);
  return h('button', {
    className: 'small', 'aria-label': forWhom(muted ? 'console.unmute' : 'console.mute', name),
    onclick: () => act(muted ? 'Unmute' : 'Mute', userId),
  }, t(muted ? 'console.unmute' : 'console.mute'));
}

function renderChat(s) {
  fillChat(byId('chat'), chatItems(s.chat.messages, m => [
    h('button', { className: 'small danger', 'aria-label': forWhom('console.delete', m.displayName), onclick: () => act('DeleteChat', m.messageId) }, t('console.delete')),
    m.role === 'student' ? muteButton(s, m.userId, m.displayName) : null,
  ]));
  byId('slow-mode').value = String(s.chat.slowModeSeconds);
  if (byId('slow-mode').value !== String(s.chat.slowModeSeconds)) {
    byId('slow-mode').append(h('option', { value: s.chat.slowModeSeconds, text: t('console.slowSeconds', { count: s.chat.slowModeSeconds }) }));
    byId('slow-mode').value = String(s.chat.slowModeSeconds);
  }
  byId('chat-enabled').checked = s.chat.enabled;
}

function renderPolls(s) {
  morph(byId('polls'), s.polls.length === 0 ? h('p', { className: 'empty', text: t('poll.none') }) : [...s.polls].reverse().map(p => pollCard(p, {
    actions: [
      p.status === 'open' ? h('button', { className: 'small', onclick: () => act('ClosePoll', p.pollId) }, t('console.closePoll')) : null,
      p.status !== 'published' ? h('button', { className: 'small primary', onclick: () => act('PublishPollResults', p.pollId) }, t('console.publish')) : null,
    ],
  })));
}

function renderMarkers(s) {
  morph(byId('markers'), s.markers.map(m => h('li', { dataset: { key: String(m.seq) } },
    h('span', { className: m.kind === 'teacher' ? 'user-text' : null, text: markerLabel(m) }), h('span', { className: 'muted clock', text: formatOffset(m.offsetMillis) }))));
}

byId('start').addEventListener('click', () => act('StartLesson'));
byId('end').addEventListener('click', () => {
  if (confirm(t('console.confirmEnd'))) act('EndLesson');
});
byId('slow-mode').addEventListener('change', event => act('SetSlowMode', Number(event.target.value)));
byId('chat-enabled').addEventListener('change', event => act('SetChatEnabled', event.target.checked));
byId('chat-form').addEventListener('submit', async event => {
  event.preventDefault();
  const input = byId('chat-text');
  if (input.value.trim() && await attempt(() => lesson.invoke('PostChat', input.value))) input.value = '';
});
byId('marker-form').addEventListener('submit', async event => {
  event.preventDefault();
  const input = byId('marker-label');
  if (await attempt(() => lesson.invoke('AddMarker', input.value).then(() => true), t('console.markerAdded'))) input.value = '';
});
byId('poll-form').addEventListener('submit', async event => {
  event.preventDefault();
  const form = event.target;
  const values = new FormData(form);
  const correct = String(values.get('correct') ?? '').split(/[\s,，、]+/).filter(Boolean).map(n => Number(n) - 1);
  const definition = {
    question: values.get('question'),
    options: String(values.get('options')).split('\n').map(o => o.trim()).filter(Boolean),
    multipleChoice: values.get('multipleChoice') === 'on',
    correctOptions: correct.length ? correct : null,
    anonymous: values.get('anonymous') === 'on',
    autoCloseSeconds: values.get('autoClose') ? Number(values.get('autoClose')) : null,
  };
  if (correct.some(n => !Number.isInteger(n))) {
    say(t('console.correctFormat'), 'error');
    return;
  }
  if (await attempt(() => lesson.invoke('CreatePoll', definition), t('console.pollOpened'))) form.reset();
});
if (classroomId) byId('replay-link').href = `/replay.html?lesson=${encodeURIComponent(classroomId)}`;

lesson?.start();
