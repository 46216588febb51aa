// The student's view of a live lesson: the whiteboard as the class sees it (and drawing on it while holding the pen),
// chat, vote, raise a hand, see published results and who is on stage. Viewers
// (guests, or students who join only to watch) see the same without the controls. The connection comes back by itself
// after a drop and resumes from the last event seen.
import { requireSession } from './api.js';
import { h, fill, morph, byId, say, attempt, messageOf, param } from './dom.js';
import { t } from './i18n.js';
import { LiveLesson } from './live.js';
import { nameOf } from './fold.js';
import { chatItems, fillChat, pollCard, statusBadge, showConnection } from './views.js';
import { Board, onlyDrawing } from './board.js';
import { mountLiveMedia } from './media-student.js';

const current = requireSession();
const classroomId = param('lesson');
if (current && !classroomId) say(t('student.noLesson'), 'error');

const me = current?.user.userId;
const myVotes = new Map();
// Choices ticked but not yet sent: the polls are redrawn on every event, and a choice in progress must survive that.
const drafts = new Map();
const lesson = current && classroomId
  ? new LiveLesson(classroomId, {
    asViewer: param('watch') === '1', onChange: (_, events) => { render(); liveMedia.update(lesson.snapshot, events); }, onConnection: showConnection,
    onError: error => say(messageOf(error), 'error'),
  })
  : null;
const board = lesson ? new Board({
  lesson, me, onRefusal: error => say(messageOf(error), 'error'), act: (method, ...args) => attempt(() => lesson.invoke(method, ...args)),
}) : null;
const liveMedia = lesson ? mountLiveMedia(lesson) : null;


function render(_, events) {
  const s = lesson.snapshot;
  if (!s) return;
  const student = lesson.role === 'student';
  const live = s.status === 'live';
  const penHolder = student && s.board.penHolders.includes(me);
  board.update(s.board, events, { drawing: penHolder && live, penHolder });
  // A stroke being drawn sends a frame every few dozen milliseconds: it changes the board and nothing else.
  if (onlyDrawing(events)) return;
  document.title = s.preview?.title ?? classroomId;
  byId('title').textContent = s.preview?.title ?? classroomId;
  fill(byId('lesson-status'), statusBadge(s.status));
  const handUp = s.hands.includes(me);
  const onStage = s.stage.includes(me);
  byId('hand').hidden = !student || !live || onStage;
  byId('hand').textContent = t(handUp ? 'student.lowerHand' : 'student.raiseHand');
  byId('hand').dataset.raised = handUp;
  byId('leave-stage').hidden = !onStage;
  byId('stage').textContent = s.stage.length ? s.stage.map(id => nameOf(s, id)).join(t('common.listSeparator')) : t('stage.nobody');
  byId('stage').classList.toggle('user-text', s.stage.length > 0);
  byId('my-place').textContent = onStage ? t('student.onStage') : handUp ? t('student.handUp', { place: s.hands.indexOf(me) + 1 }) : '';
  renderChat(s, student, live);
  renderPolls(s, student);
  if (s.status === 'ended') say(t('student.ended'), 'info');
}

function renderChat(s, student, live) {
  fillChat(byId('chat'), chatItems(s.chat.messages));
  const muted = s.chat.muted.includes(me);
  const reason = !live ? t('chat.opensWhenLive')
    : lesson.role === 'viewer' ? t('chat.viewersWatch')
    : student && !s.chat.enabled ? t('chat.turnedOff')
    : '';
  byId('chat-text').disabled = byId('chat-send').disabled = !!reason;
  byId('chat-text').placeholder = reason || t('chat.askOrAnswer');
  byId('chat-rules').textContent = s.chat.slowModeSeconds > 0 && !muted ? t('chat.slowModeRule', { count: s.chat.slowModeSeconds }) : '';
}

function renderPolls(s, student) {
  const polls = [...s.polls].reverse();
  morph(byId('polls'), polls.length === 0 ? h('p', { className: 'empty', text: t('poll.none') }) : polls.map(p => {
    if (p.status === 'open') return pollCard(p, { showTally: !p.isQuiz, body: student ? ballot(p) : [] });
    if (p.status === 'closed') return pollCard(p, { showTally: !p.isQuiz, body: h('p', { className: 'muted', text: t('poll.closedSoon') }) });
    return pollCard(p, { body: yourAnswer(p) });
  }));
}

/** The options to vote with, as a radio or checkbox group; a new vote replaces the old one. */
function ballot(poll) {
  const name = `poll-${poll.pollId}`;
  const mine = myVotes.get(poll.pollId) ?? [];
  const ticked = drafts.get(poll.pollId) ?? mine;
  const choicesOf = form => [...form.querySelectorAll('input:checked')].map(input => Number(input.value));
  return h('form', {
    className: 'stack',
    dataset: { ballot: poll.pollId },
    onchange: event => drafts.set(poll.pollId, choicesOf(event.currentTarget)),
    onsubmit: async event => {
      event.preventDefault();
      const choices = choicesOf(event.currentTarget);
      if (choices.length === 0) {
        say(t('poll.chooseFirst'), 'error');
        return;
      }
      if (await attempt(() => lesson.invoke('Vote', poll.pollId, choices).then(() => true), t('poll.counted'))) {
        myVotes.set(poll.pollId, choices);
        drafts.delete(poll.pollId);
        render();
      }
    },
  },
  h('fieldset', { className: 'choices' },
    h('legend', { text: t(poll.multipleChoice ? 'poll.chooseSeveral' : 'poll.chooseOne') }),
    poll.options.map((option, i) => h('label', { className: 'inline' },
      h('input', { type: poll.multipleChoice ? 'checkbox' : 'radio', name, value: i, checked: ticked.includes(i) }), h('span', { className: 'user-text', text: option })))),
  h('div', { className: 'row' }, h('button', { className: 'primary small', type: 'submit' }, t(mine.length ? 'poll.changeVote' : 'poll.vote')),
    mine.length ? h('span', { className: 'muted', text: t('poll.voteIn') }) : null));
}

function yourAnswer(poll) {
  const mine = myVotes.get(poll.pollId);
  if (!mine || !poll.correctOptions) return [];
  const right = mine.length === poll.correctOptions.length && mine.every(c => poll.correctOptions.includes(c));
  return h('p', { className: right ? 'badge open' : 'badge live', text: t(right ? 'poll.right' : 'poll.wrong') });
}

byId('chat-form').addEventListener('submit', async event => {
  event.preventDefault();
  const input = byId('chat-text');
  if (input.value.trim() && await attempt(() => lesson.invoke('PostChat', input.value))) input.value = '';
});
byId('hand').addEventListener('click', () => attempt(() => lesson.snapshot.hands.includes(me) ? lesson.invoke('LowerHand', me) : lesson.invoke('RaiseHand')));
byId('leave-stage').addEventListener('click', () => attempt(() => lesson.invoke('RemoveFromStage', me)));

lesson?.start();
