// The replay viewer: a timeline with chapters and a scrubber, the board, chat and polls as they were at the playhead
// (strokes grow while it plays, as they did in the lesson), paced playback at 0.5x-4x over the hub, deep links
// (?t=1h10m5s, 70m, 4205, 1:10:05) and "continue where you left off". With &micro=ID it plays a micro-lesson: the
// lesson's replay limited to its range (js/replay-micro.js), where the lesson's teacher also cuts new ones.
import { request, requireSession } from './api.js';
import { h, fill, morph, byId, say, attempt, param, formatOffset, timeSpanMillis } from './dom.js';
import { t } from './i18n.js';
import { applyEvent, normalize, markerLabel } from './fold.js';
import { connectHub } from './hub.js';
import { chatItems, fillChat, pollCard, statusBadge, showConnection } from './views.js';
import { Board, onlyDrawing } from './board.js';
import { ReplayMedia } from './media-play.js';
import { loadMicroLesson, rangeOf, chatInRange, showMicroLesson, setUpCutting } from './replay-micro.js';
import { loadCatalogue } from './qa-views.js';

const current = requireSession();
const classroomId = param('lesson');
// The moment the link named, read before the page starts writing the playhead into its own address.
const linked = param('t');
const path = `/api/lessons/${encodeURIComponent(classroomId ?? '')}/replay`;
let info = null;
let snapshot = null;
let position = 0;
let playing = false;
let opened = false;
// The micro-lesson being watched (null: the whole lesson), and the part of the timeline the page shows.
let micro = null;
let range = null;

const hub = current && classroomId ? connectHub({ onState: showConnection }) : null;
const board = hub ? new Board() : null;
const media = hub ? new ReplayMedia(byId('media-video'), classroomId, { request }) : null;
// Where the playhead was at the last frame, and when: between frames (a stretch without events) the picture is kept in
// step with an estimate, so that it also crosses stretches without media.
let reckonedFrom = { position: 0, at: performance.now() };

/** Keeps the recording at the playhead: paused or playing at the chosen speed. */
function followMedia() {
  reckonedFrom = { position, at: performance.now() };
  media?.follow(position, { playing, speed: Number(byId('speed').value) }).then(covered => {
    byId('media-state').textContent = covered ? '' : t('media.noRecording');
    byId('media-video').hidden = !covered;
  }, () => {});
}

setInterval(() => {
  if (!playing || !media) return;
  const estimate = reckonedFrom.position + (performance.now() - reckonedFrom.at) * Number(byId('speed').value);
  media.follow(Math.min(estimate, info?.durationMillis ?? estimate), { playing, speed: Number(byId('speed').value) }).catch(() => {});
}, 1000);


/** A moment as deep links write it: 4205000 → "1h10m5s", 2500 → "2.5s". */
function linkTime(millis) {
  const total = Math.floor(millis / 1000);
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const fraction = millis % 1000 ? `.${String(Math.round(millis % 1000)).padStart(3, '0').replace(/0+$/, '')}` : '';
  return `${hours ? `${hours}h` : ''}${hours || minutes ? `${minutes}m` : ''}${total % 60}${fraction}s`;
}

function showFrame(frame) {
  snapshot = normalize(frame.snapshot, timeSpanMillis);
  showPosition(frame.offsetMillis);
  render();
  followMedia();
}

function showPosition(millis, { updateLink = true } = {}) {
  position = millis;
  if (millis > info.durationMillis) info.durationMillis = millis;
  range = rangeOf(micro, info);
  // A micro-lesson's clock counts from its own start; its links keep the lesson's time.
  const length = range.to - range.from;
  byId('scrubber').min = String(range.from);
  byId('scrubber').max = String(range.to);
  byId('duration').textContent = formatOffset(length);
  if (!byId('scrubber').matches(':active')) byId('scrubber').value = String(millis);
  byId('scrubber').setAttribute('aria-valuetext', t('replay.at', { position: formatOffset(millis - range.from), duration: formatOffset(length) }));
  byId('position').textContent = formatOffset(millis - range.from);
  if (updateLink) {
    const url = new URL(location.href);
    url.searchParams.set('t', linkTime(millis));
    history.replaceState(null, '', url);
    byId('link').value = url.href;
  }
  renderChapters();
}

/** Draws the moment: all of it, or after `events` were folded in, what they changed. */
function render(events = null) {
  board.update(snapshot.board, events);
  if (onlyDrawing(events)) return;
  fillChat(byId('chat'), chatItems(chatInRange(snapshot.chat.messages, micro, info)));
  byId('present').textContent = t('replay.present', { count: snapshot.presence.present });
  const polls = [...snapshot.polls].reverse();
  morph(byId('polls'), polls.length === 0 ? h('p', { className: 'empty', text: t('replay.noPolls') }) : polls.map(p => pollCard(p)));
}

function renderChapters() {
  // A micro-lesson lists the chapters that begin inside it (the one beginning where it ends is the next part's).
  const chapters = info.chapters.filter(c => c.offsetMillis >= range.from && (micro ? c.offsetMillis < range.to : c.offsetMillis <= range.to));
  const currentChapter = chapters.findLast(c => c.offsetMillis <= position);
  morph(byId('chapters'), chapters.map(c => h('li', { dataset: { key: String(c.seq) } }, h('button', {
    className: c === currentChapter ? 'current' : '', dataset: { offset: c.offsetMillis }, onclick: () => seek(c.offsetMillis),
    'aria-current': c === currentChapter ? 'step' : null,
  }, h('span', { className: c.kind === 'teacher' ? 'user-text' : null, text: markerLabel(c) }), h('span', { className: 'muted clock', text: formatOffset(c.offsetMillis) })))));
  const span = Math.max(1, range.to - range.from);
  morph(byId('ticks'), chapters.map(c => h('span', { dataset: { key: String(c.seq) }, title: markerLabel(c), style: `left: ${(100 * (c.offsetMillis - range.from) / span).toFixed(2)}%` })));
}

function setPlaying(value) {
  playing = value;
  byId('play').textContent = t(value ? 'replay.pause' : 'replay.play');
  followMedia();
}

/** The player on the hub: opened once per connection (again after a reconnect, carrying on from the playhead). */
async function ensurePlayer() {
  if (opened) return;
  await (micro ? hub.invoke('OpenMicroLesson', micro.microLessonId) : hub.invoke('OpenReplay', classroomId));
  opened = true;
}

async function seek(millis) {
  const target = Math.max(range.from, Math.min(millis, range.to));
  const frame = await attempt(async () => {
    if (hub.state !== signalR.HubConnectionState.Connected) return request(`${path}/state?t=${target / 1000}`);
    await ensurePlayer();
    return hub.invoke('SeekReplay', classroomId, target);
  });
  if (frame) showFrame(frame);
}

async function play() {
  const speed = Number(byId('speed').value);
  const started = await attempt(async () => {
    await ensurePlayer();
    const atEnd = position >= range.to && (micro || info.status === 'ended');
    showFrame(await hub.invoke('SeekReplay', classroomId, atEnd ? range.from : position));
    await hub.invoke('PlayReplay', classroomId, speed);
    return true;
  });
  if (started) setPlaying(true);
}

async function pause() {
  const at = await attempt(() => hub.invoke('PauseReplay', classroomId));
  setPlaying(false);
  if (at !== undefined) showPosition(at);
}

hub?.on('replay', frame => {
  if (frame.classroomId !== classroomId || !snapshot) return;
  for (const event of frame.events) applyEvent(snapshot, event);
  showPosition(frame.positionMillis, { updateLink: frame.ended });
  render(frame.events);
  followMedia();
  if (frame.ended) {
    setPlaying(false);
    say(t(micro ? 'micro.end' : 'replay.end'), 'info');
  }
});
hub?.onreconnecting(() => { opened = false; });
hub?.onreconnected(async () => {
  if (playing) await play();
});

byId('play').addEventListener('click', () => (playing ? pause() : play()));
byId('speed').addEventListener('change', () => {
  if (playing) attempt(() => hub.invoke('PlayReplay', classroomId, Number(byId('speed').value)));
  followMedia();
});
byId('scrubber').addEventListener('input', event => { byId('position').textContent = formatOffset(Number(event.target.value)); });
byId('scrubber').addEventListener('change', event => seek(Number(event.target.value)));
// From the keyboard, the playhead moves in steps a person can use (the range itself counts milliseconds).
const SCRUB_KEYS = { ArrowLeft: -5000, ArrowDown: -5000, ArrowRight: 5000, ArrowUp: 5000, PageDown: -60000, PageUp: 60000 };
byId('scrubber').addEventListener('keydown', event => {
  const step = SCRUB_KEYS[event.key];
  const target = step !== undefined ? position + step : event.key === 'Home' ? range.from : event.key === 'End' ? range.to : null;
  if (target === null || !info) return;
  event.preventDefault();
  seek(target);
});

async function load() {
  const answer = await attempt(() => request(path));
  if (!answer) return;
  info = answer.replay;
  if (param('micro')) {
    micro = await loadMicroLesson(param('micro'));
    if (!micro) return;
    if (micro.classroomId !== classroomId) {
      // A link that pairs a micro-lesson with another lesson: its range means nothing there.
      say(t('micro.notThisLesson'), 'error');
      return;
    }
    showMicroLesson(micro, info, await loadCatalogue());
  }
  range = rangeOf(micro, info);
  const title = micro?.title ?? info.preview?.title ?? classroomId;
  document.title = t('replay.documentTitle', { title });
  byId('title').textContent = title;
  fill(byId('lesson-status'), statusBadge(info.status));
  // The server reads every deep-link form, and says what it accepts when it cannot read one; a micro-lesson starts at
  // its start, and a link outside it is brought inside.
  const frame = await attempt(() => request(`${path}/state?t=${encodeURIComponent(linked ?? String(range.from / 1000))}`));
  if (!frame) return;
  showFrame(micro && (frame.offsetMillis < range.from || frame.offsetMillis > range.to)
    ? await request(`${path}/state?t=${range.from / 1000}`) : frame);
  if (!micro && info.status === 'ended' && info.preview?.teacherId === current.user.userId) await setUpCutting(info, () => position);
  if (!micro && linked === null && answer.resumeMillis > 0) {
    const resume = byId('resume');
    resume.textContent = t('replay.resume', { position: formatOffset(answer.resumeMillis) });
    resume.hidden = false;
    resume.addEventListener('click', () => { resume.hidden = true; seek(answer.resumeMillis); });
  }
  hub.begin();
}

if (current && !classroomId) say(t('replay.noLesson'), 'error');
if (hub) load();
