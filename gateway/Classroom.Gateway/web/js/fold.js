// Folds hub events into a classroom snapshot, as the classroom grain folds its log (ClassroomState.Apply), for what a
// viewer receives: tallies rather than votes, joins only while a class is small enough to list, counts above that.
// Marker labels are the grain's (English, as stored); pages show them by kind in their own language (markerLabel).
// The board's events fold in js/board-fold.js.
import { t } from './i18n.js';
import { applyBoardEvent, emptyBoard } from './board-fold.js';
const CHAT_HISTORY = 200;
// As many segments as a snapshot carries (MediaLimits.LatestSegments).
const MEDIA_SEGMENTS = 5;

export function applyEvent(snapshot, event) {
  snapshot.seq = event.seq;
  if (applyBoardEvent(snapshot, event)) return;
  const data = event.data ?? {};
  const handler = handlers[event.type];
  if (handler) handler(snapshot, data, event);
}

const without = (list, item) => list.filter(x => x !== item);
const poll = (snapshot, pollId) => snapshot.polls.find(p => p.pollId === pollId);

function addMarker(snapshot, label, kind, event) {
  const started = snapshot.startedAt ? Date.parse(snapshot.startedAt) : null;
  const offsetMillis = started === null ? 0 : Math.max(0, Date.parse(event.at) - started);
  snapshot.markers.push({ label, kind, at: event.at, offsetMillis, seq: event.seq });
}

const handlers = {
  'lesson.scheduled': (s, d) => { s.status = 'scheduled'; s.preview = d.preview; },
  'lesson.preview-edited': (s, d) => { s.preview = d.preview; },
  'lesson.started': (s, d, e) => { s.status = 'live'; s.startedAt = e.at; addMarker(s, 'Lesson started', 'lesson-start', e); },
  'lesson.ended': (s, d, e) => {
    s.status = 'ended';
    s.endedAt = e.at;
    s.hands = [];
    s.stage = [];
    if (s.media) s.media.live = false;
    addMarker(s, 'Lesson ended', 'lesson-end', e);
  },
  'staff.assistant-appointed': (s, d) => { if (!s.assistants.includes(d.userId)) s.assistants.push(d.userId); },
  'staff.assistant-dismissed': (s, d) => { s.assistants = without(s.assistants, d.userId); },
  'registration.added': s => { s.registeredCount++; },
  'registration.cancelled': s => { s.registeredCount = Math.max(0, s.registeredCount - 1); },
  'presence.joined': (s, d) => {
    if (!d.firstConnection) return;
    s.presence.present++;
    if (!s.presence.participants.some(p => p.userId === d.userId)) {
      s.presence.participants.push({ userId: d.userId, displayName: d.displayName, role: d.role });
    }
  },
  'presence.left': (s, d) => {
    if (!d.lastConnection) return;
    s.presence.present = Math.max(0, s.presence.present - 1);
    s.presence.participants = s.presence.participants.filter(p => p.userId !== d.userId);
  },
  'presence.counted': (s, d) => {
    s.presence.present = d.present;
    s.presence.counts = { students: d.students, viewers: d.viewers };
  },
  'chat.posted': (s, d, e) => {
    s.chat.messages.push({ messageId: d.messageId, userId: d.userId, displayName: d.displayName, role: d.role, text: d.text, at: e.at });
    if (s.chat.messages.length > CHAT_HISTORY) s.chat.messages.splice(0, s.chat.messages.length - CHAT_HISTORY);
  },
  'chat.deleted': (s, d) => { s.chat.messages = s.chat.messages.filter(m => m.messageId !== d.messageId); },
  'chat.muted': (s, d) => { if (!s.chat.muted.includes(d.userId)) s.chat.muted.push(d.userId); },
  'chat.unmuted': (s, d) => { s.chat.muted = without(s.chat.muted, d.userId); },
  'chat.slow-mode': (s, d) => { s.chat.slowModeSeconds = d.seconds; },
  'chat.enabled': (s, d) => { s.chat.enabled = d.enabled; },
  'poll.opened': (s, d, e) => {
    s.polls.push({
      pollId: d.pollId, question: d.question, options: d.options, multipleChoice: d.multipleChoice, isQuiz: d.isQuiz,
      anonymous: d.anonymous, status: 'open', counts: d.options.map(() => 0), voters: 0, correctOptions: null, closesAt: d.closesAt,
    });
    addMarker(s, `Poll: ${d.question}`, 'poll-opened', e);
  },
  'poll.answer-key': (s, d) => { const p = poll(s, d.pollId); if (p) p.correctOptions = d.correctOptions; },
  'poll.tally': (s, d) => { const p = poll(s, d.pollId); if (p) { p.counts = d.counts; p.voters = d.voters; } },
  'poll.closed': (s, d, e) => {
    const p = poll(s, d.pollId);
    if (!p || p.status !== 'open') return;
    Object.assign(p, { status: 'closed', counts: d.counts, voters: d.voters });
    addMarker(s, `Poll closed: ${p.question}`, 'poll-closed', e);
  },
  'poll.results-published': (s, d) => {
    const p = poll(s, d.pollId);
    if (p) Object.assign(p, { status: 'published', counts: d.counts, voters: d.voters, correctOptions: d.correctOptions ?? p.correctOptions });
  },
  'stage.hand-raised': (s, d) => { if (!s.hands.includes(d.studentId)) s.hands.push(d.studentId); },
  'stage.hand-lowered': (s, d) => { s.hands = without(s.hands, d.studentId); },
  'stage.invited': (s, d) => {
    if (!s.stage.includes(d.studentId)) s.stage.push(d.studentId);
    s.hands = without(s.hands, d.studentId);
  },
  'stage.left': (s, d) => { s.stage = without(s.stage, d.studentId); },
  'marker.added': (s, d, e) => addMarker(s, d.label, 'teacher', e),
  'media.broadcast-started': (s, d) => {
    s.media = { streamId: d.streamId, live: true, source: d.source, microphone: d.microphone, camera: d.camera, segments: s.media?.segments ?? [] };
  },
  'media.tracks-changed': (s, d) => { if (s.media) Object.assign(s.media, { microphone: d.microphone, camera: d.camera }); },
  'media.segment-added': (s, d) => {
    if (!s.media) return;
    const { number, startMillis, durationMillis, bytes, audioBytes, width, height, codecs } = d;
    s.media.segments.push({ number, startMillis, durationMillis, bytes, audioBytes, width, height, codecs });
    if (s.media.segments.length > MEDIA_SEGMENTS) s.media.segments.splice(0, s.media.segments.length - MEDIA_SEGMENTS);
  },
  'media.broadcast-ended': s => { if (s.media) s.media.live = false; },
};

/** A snapshot as the server sent it, with marker offsets in milliseconds like the ones folded here. */
export function normalize(snapshot, timeSpanMillis) {
  snapshot.board ??= emptyBoard();
  snapshot.markers = snapshot.markers.map(m => ({ ...m, offsetMillis: timeSpanMillis(m.offset) }));
  return snapshot;
}

/** A marker or chapter in the page's language: the teacher's own words, or the event it stands for. */
export function markerLabel(marker) {
  // The grain labels poll markers "Poll: <question>" and "Poll closed: <question>".
  const question = () => marker.label.slice(marker.label.indexOf(': ') + 2);
  switch (marker.kind) {
    case 'lesson-start': return t('marker.lessonStart');
    case 'lesson-end': return t('marker.lessonEnd');
    case 'poll-opened': return t('marker.pollOpened', { question: question() });
    case 'poll-closed': return t('marker.pollClosed', { question: question() });
    default: return marker.label;
  }
}

/** A participant's name when the class lists them, else their id. */
export function nameOf(snapshot, userId) {
  return snapshot.presence.participants.find(p => p.userId === userId)?.displayName
    ?? snapshot.chat.messages.findLast(m => m.userId === userId)?.displayName
    ?? userId;
}
