// The teacher console of a live lesson: start and end, roster, hands in order, stage, the live count, chat moderation
// and slow mode, polls and quizzes with their moving tallies, markers.
import { requireSession } from './api.js';
import { h, fill, byId, say, attempt, param, formatOffset } from './dom.js';
import { LiveLesson } from './live.js';
import { nameOf } from './fold.js';
import { chatItems, fillChat, pollCard, statusBadge, showConnection } from './views.js';

const current = requireSession();
const classroomId = param('lesson');
if (current && !classroomId) say('No lesson given: open the console from the schedule.', 'error');

const lesson = current && classroomId ? new LiveLesson(classroomId, { onChange: render, onConnection: showConnection }) : null;
const act = (method, ...args) => attempt(() => lesson.invoke(method, ...args));


function render() {
  const s = lesson.snapshot;
  if (!s) return;
  if (lesson.role !== 'teacher' && lesson.role !== 'assistant') {
    say('Only the lesson’s teacher and assistants can use the console. Opening the student view…', 'error');
    location.replace(`/lesson.html?lesson=${encodeURIComponent(classroomId)}`);
    return;
  }
  document.title = `Console: ${s.preview?.title ?? classroomId}`;
  byId('title').textContent = s.preview?.title ?? classroomId;
  fill(byId('lesson-status'), statusBadge(s.status));
  byId('start').hidden = s.status !== 'scheduled';
  byId('end').hidden = s.status !== 'live';
  const counts = s.presence.counts;
  byId('viewers').textContent = `${s.presence.present} present${counts ? ` (${counts.students} students, ${counts.viewers} viewers)` : ''}`;
  byId('viewers').dataset.present = s.presence.present;
  renderPeople(s);
  renderChat(s);
  renderPolls(s);
  renderMarkers(s);
}

function renderPeople(s) {
  const live = s.status === 'live';
  byId('hand-count').textContent = String(s.hands.length);
  byId('no-hands').hidden = s.hands.length > 0;
  fill(byId('hands'), s.hands.map(id => h('li', { dataset: { userId: id } },
    h('div', {}, h('span', { text: nameOf(s, id) }), h('span', { className: 'row' },
      h('button', { className: 'small primary', disabled: !live, onclick: () => act('InviteToStage', id) }, 'Invite to stage'),
      h('button', { className: 'small', onclick: () => act('LowerHand', id) }, 'Lower'))))));
  byId('stage-count').textContent = String(s.stage.length);
  fill(byId('stage'), s.stage.length === 0 ? h('li', { className: 'empty', text: 'Nobody on stage.' }) : s.stage.map(id => h('li', { dataset: { userId: id } },
    h('span', { text: nameOf(s, id) }), h('button', { className: 'small', onclick: () => act('RemoveFromStage', id) }, 'Remove'))));
  byId('present-count').textContent = String(s.presence.present);
  fill(byId('roster'), s.presence.participants.map(p => h('li', { dataset: { userId: p.userId } },
    h('span', {}, h('span', { text: p.displayName }), ' ', h('span', { className: 'muted', text: p.role })),
    p.role === 'student' ? muteButton(s, p.userId) : null)));
}

function muteButton(s, userId) {
  const muted = s.chat.muted.includes(userId);
  return h('button', { className: 'small', onclick: () => act(muted ? 'Unmute' : 'Mute', userId) }, muted ? 'Unmute' : 'Mute');
}

function renderChat(s) {
  fillChat(byId('chat'), chatItems(s.chat.messages, m => [
    h('button', { className: 'small danger', title: 'Delete this message', onclick: () => act('DeleteChat', m.messageId) }, 'Delete'),
    m.role === 'student' ? muteButton(s, m.userId) : null,
  ]));
  byId('slow-mode').value = String(s.chat.slowModeSeconds);
  if (byId('slow-mode').value !== String(s.chat.slowModeSeconds)) {
    byId('slow-mode').append(h('option', { value: s.chat.slowModeSeconds, text: `${s.chat.slowModeSeconds} s` }));
    byId('slow-mode').value = String(s.chat.slowModeSeconds);
  }
  byId('chat-enabled').checked = s.chat.enabled;
}

function renderPolls(s) {
  fill(byId('polls'), s.polls.length === 0 ? h('p', { className: 'empty', text: 'No polls yet.' }) : [...s.polls].reverse().map(p => pollCard(p, {
    actions: [
      p.status === 'open' ? h('button', { className: 'small', onclick: () => act('ClosePoll', p.pollId) }, 'Close') : null,
      p.status !== 'published' ? h('button', { className: 'small primary', onclick: () => act('PublishPollResults', p.pollId) }, 'Publish results') : null,
    ],
  })));
}

function renderMarkers(s) {
  fill(byId('markers'), s.markers.map(m => h('li', {},
    h('span', { text: m.label }), h('span', { className: 'muted clock', text: formatOffset(m.offsetMillis) }))));
}

byId('start').addEventListener('click', () => act('StartLesson'));
byId('end').addEventListener('click', () => {
  if (confirm('End the lesson for everyone? This cannot be undone.')) act('EndLesson');
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
  if (await attempt(() => lesson.invoke('AddMarker', input.value).then(() => true), 'Marker added.')) input.value = '';
});
byId('poll-form').addEventListener('submit', async event => {
  event.preventDefault();
  const form = event.target;
  const values = new FormData(form);
  const correct = String(values.get('correct') ?? '').split(/[\s,]+/).filter(Boolean).map(n => Number(n) - 1);
  const definition = {
    question: values.get('question'),
    options: String(values.get('options')).split('\n').map(o => o.trim()).filter(Boolean),
    multipleChoice: values.get('multipleChoice') === 'on',
    correctOptions: correct.length ? correct : null,
    anonymous: values.get('anonymous') === 'on',
    autoCloseSeconds: values.get('autoClose') ? Number(values.get('autoClose')) : null,
  };
  if (correct.some(n => !Number.isInteger(n))) {
    say('Correct options are option numbers, such as 2 or 1,3.', 'error');
    return;
  }
  if (await attempt(() => lesson.invoke('CreatePoll', definition), 'Poll opened.')) form.reset();
});
if (classroomId) byId('replay-link').href = `/replay.html?lesson=${encodeURIComponent(classroomId)}`;

lesson?.start();
