// The student's view of a live lesson: chat, vote, raise a hand, see published results and who is on stage. Viewers
// (guests, or students who join only to watch) see the same without the controls. The connection comes back by itself
// after a drop and resumes from the last event seen.
import { requireSession } from './api.js';
import { h, fill, byId, say, attempt, param } from './dom.js';
import { LiveLesson } from './live.js';
import { nameOf } from './fold.js';
import { chatItems, fillChat, pollCard, statusBadge, showConnection } from './views.js';

const current = requireSession();
const classroomId = param('lesson');
if (current && !classroomId) say('No lesson given: choose one from the schedule.', 'error');

const me = current?.user.userId;
const myVotes = new Map();
// Choices ticked but not yet sent: the polls are redrawn on every event, and a choice in progress must survive that.
const drafts = new Map();
const lesson = current && classroomId
  ? new LiveLesson(classroomId, { asViewer: param('watch') === '1', onChange: render, onConnection: showConnection })
  : null;


function render() {
  const s = lesson.snapshot;
  if (!s) return;
  const student = lesson.role === 'student';
  const live = s.status === 'live';
  document.title = s.preview?.title ?? classroomId;
  byId('title').textContent = s.preview?.title ?? classroomId;
  fill(byId('lesson-status'), statusBadge(s.status));
  const handUp = s.hands.includes(me);
  const onStage = s.stage.includes(me);
  byId('hand').hidden = !student || !live || onStage;
  byId('hand').textContent = handUp ? 'Lower hand' : 'Raise hand';
  byId('hand').dataset.raised = handUp;
  byId('leave-stage').hidden = !onStage;
  byId('stage').textContent = s.stage.length ? s.stage.map(id => nameOf(s, id)).join(', ') : 'Nobody on stage.';
  byId('my-place').textContent = onStage ? 'You are on stage.' : handUp ? `Your hand is up (${s.hands.indexOf(me) + 1} in the queue).` : '';
  renderChat(s, student, live);
  renderPolls(s, student);
  if (s.status === 'ended') say('The lesson has ended. Its replay is on the schedule.', 'info');
}

function renderChat(s, student, live) {
  fillChat(byId('chat'), chatItems(s.chat.messages));
  const muted = s.chat.muted.includes(me);
  const reason = !live ? 'Chat opens when the lesson is live.'
    : lesson.role === 'viewer' ? 'Viewers watch without chatting.'
    : student && !s.chat.enabled ? 'The teacher turned chat off.'
    : '';
  byId('chat-text').disabled = byId('chat-send').disabled = !!reason;
  byId('chat-text').placeholder = reason || 'Ask or answer';
  byId('chat-rules').textContent = s.chat.slowModeSeconds > 0 && !muted ? `slow mode: one message every ${s.chat.slowModeSeconds} s` : '';
}

function renderPolls(s, student) {
  const polls = [...s.polls].reverse();
  fill(byId('polls'), polls.length === 0 ? h('p', { className: 'empty', text: 'No polls yet.' }) : polls.map(p => {
    if (p.status === 'open') return pollCard(p, { showTally: !p.isQuiz, body: student ? ballot(p) : [] });
    if (p.status === 'closed') return pollCard(p, { showTally: !p.isQuiz, body: h('p', { className: 'muted', text: 'Closed: results soon.' }) });
    return pollCard(p, { body: yourAnswer(p) });
  }));
}

/** The options to vote with; a new vote replaces the old one. */
function ballot(poll) {
  const name = `poll-${poll.pollId}`;
  const mine = myVotes.get(poll.pollId) ?? [];
  const ticked = drafts.get(poll.pollId) ?? mine;
  const form = h('form', { className: 'stack', dataset: { ballot: poll.pollId } },
    poll.options.map((option, i) => h('label', { className: 'inline' },
      h('input', { type: poll.multipleChoice ? 'checkbox' : 'radio', name, value: i, checked: ticked.includes(i) }), h('span', { text: option }))),
    h('div', { className: 'row' }, h('button', { className: 'primary small', type: 'submit' }, mine.length ? 'Change vote' : 'Vote'),
      mine.length ? h('span', { className: 'muted', text: 'Your vote is in.' }) : null));
  const choicesOf = () => [...form.querySelectorAll('input:checked')].map(input => Number(input.value));
  form.addEventListener('change', () => drafts.set(poll.pollId, choicesOf()));
  form.addEventListener('submit', async event => {
    event.preventDefault();
    const choices = choicesOf();
    if (choices.length === 0) {
      say('Choose an option first.', 'error');
      return;
    }
    if (await attempt(() => lesson.invoke('Vote', poll.pollId, choices).then(() => true), 'Vote counted.')) {
      myVotes.set(poll.pollId, choices);
      drafts.delete(poll.pollId);
      render();
    }
  });
  return form;
}

function yourAnswer(poll) {
  const mine = myVotes.get(poll.pollId);
  if (!mine || !poll.correctOptions) return [];
  const right = mine.length === poll.correctOptions.length && mine.every(c => poll.correctOptions.includes(c));
  return h('p', { className: right ? 'badge open' : 'badge live', text: right ? 'You answered correctly.' : 'Not quite: see the correct answer.' });
}

byId('chat-form').addEventListener('submit', async event => {
  event.preventDefault();
  const input = byId('chat-text');
  if (input.value.trim() && await attempt(() => lesson.invoke('PostChat', input.value))) input.value = '';
});
byId('hand').addEventListener('click', () => attempt(() => lesson.snapshot.hands.includes(me) ? lesson.invoke('LowerHand', me) : lesson.invoke('RaiseHand')));
byId('leave-stage').addEventListener('click', () => attempt(() => lesson.invoke('RemoveFromStage', me)));

lesson?.start();
