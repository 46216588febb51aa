// The schedule: sign in, browse lessons by subject and weekend, read a course's preview and its teacher's profile,
// register or cancel (students), open the console (the lesson's teacher), join live, watch replays.
import { request, session, signIn, signInAsGuest, signOut, createAccount } from './api.js';
import { h, fill, byId, say, attempt, formatWhen, timeSpanMillis, param } from './dom.js';
import { statusBadge } from './views.js';

const teachers = new Map();
let registrations = new Set();
let lessons = [];

function showAccount(current) {
  fill(byId('account'), current
    ? [h('span', { className: 'muted', text: `Signed in as ${current.user.displayName} (${current.user.kind})` }),
       h('button', { className: 'small', onclick: () => { signOut(); location.reload(); } }, 'Sign out')]
    : []);
  byId('sign-in').hidden = !!current;
  byId('schedule').hidden = !current;
  byId('new-lesson').hidden = current?.user.kind !== 'teacher';
}

function afterSignIn() {
  const next = param('next');
  // Only paths on this site: a crafted link must not send a signed-in user elsewhere.
  if (next && next.startsWith('/') && !next.startsWith('//')) location.assign(next);
  else start();
}

function formValues(form) {
  return Object.fromEntries(new FormData(form).entries());
}

byId('sign-in-form').addEventListener('submit', async event => {
  event.preventDefault();
  const { userName, password } = formValues(event.target);
  if (await attempt(() => signIn(userName, password))) afterSignIn();
});
byId('guest-form').addEventListener('submit', async event => {
  event.preventDefault();
  if (await attempt(() => signInAsGuest(formValues(event.target).displayName || null))) afterSignIn();
});
byId('create-form').addEventListener('submit', async event => {
  event.preventDefault();
  if (await attempt(() => createAccount(formValues(event.target)))) afterSignIn();
});
byId('new-lesson-form').addEventListener('submit', async event => {
  event.preventDefault();
  const v = formValues(event.target);
  const minutes = Number(v.minutes);
  const lesson = await attempt(() => request('/api/lessons', {
    method: 'POST',
    body: {
      title: v.title, subject: v.subject, grade: Number(v.grade), courseType: v.courseType, description: v.description,
      startsAt: new Date(v.startsAt).toISOString(),
      duration: `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}:00`,
    },
  }), 'Lesson scheduled.');
  if (lesson) {
    event.target.reset();
    await load();
  }
});
byId('subject').addEventListener('change', () => load());
byId('window').addEventListener('change', () => load());

/** From Saturday 00:00 to Monday 00:00 of this weekend (or the coming one), in the viewer's time zone. */
function weekend() {
  const today = new Date();
  today.setHours(0, 0, 0, 0);
  const day = today.getDay();
  const saturday = new Date(today);
  saturday.setDate(today.getDate() + (day === 0 ? -1 : 6 - day));
  const monday = new Date(saturday);
  monday.setDate(saturday.getDate() + 2);
  return [saturday, monday];
}

function query() {
  const parameters = new URLSearchParams();
  const subject = byId('subject').value;
  if (subject) parameters.set('subject', subject);
  const range = byId('window').value;
  if (range === 'weekend') {
    const [from, to] = weekend();
    parameters.set('from', from.toISOString());
    parameters.set('to', to.toISOString());
  } else if (range === 'week') {
    parameters.set('from', new Date(Date.now() - 3 * 3600_000).toISOString());
    parameters.set('to', new Date(Date.now() + 7 * 86400_000).toISOString());
  }
  return parameters.toString();
}

async function load() {
  const current = session();
  const [listed, me] = await Promise.all([
    attempt(() => request(`/api/lessons?${query()}`)),
    current?.user.kind === 'student' ? attempt(() => request('/api/students/me')) : null,
  ]);
  if (!listed) return;
  lessons = listed;
  registrations = new Set((me?.registrations ?? []).map(r => r.classroomId));
  fillSubjects(listed);
  render();
}

function fillSubjects(listed) {
  const select = byId('subject');
  const known = new Set([...select.options].map(o => o.value));
  for (const subject of new Set(listed.map(l => l.subject))) {
    if (!known.has(subject)) select.append(h('option', { value: subject, text: subject }));
  }
}

function render() {
  const groups = [
    ['Live now', lessons.filter(l => l.status === 'live')],
    ['Coming up', lessons.filter(l => l.status === 'scheduled')],
    ['Replays', lessons.filter(l => l.status === 'ended').reverse()],
  ].filter(([, list]) => list.length > 0);
  fill(byId('lessons'), groups.length === 0
    ? h('p', { className: 'empty', text: 'No lessons match.' })
    : groups.map(([title, list]) => [h('h3', { text: title }), h('ul', { className: 'lessons' }, list.map(lessonItem))]));
}

function lessonItem(lesson) {
  const user = session().user;
  const details = h('div', { className: 'details', hidden: true });
  const registered = registrations.has(lesson.classroomId);
  const link = (href, text, primary) => h('a', { className: `button${primary ? ' primary' : ''}`, href }, text);
  const id = encodeURIComponent(lesson.classroomId);
  const actions = [
    h('button', { className: 'small', onclick: () => toggleDetails(lesson, details) }, 'Preview'),
    user.kind === 'student' && lesson.status === 'scheduled'
      ? h('button', { className: registered ? 'danger' : 'primary', onclick: () => setRegistration(lesson, !registered) },
          registered ? 'Cancel registration' : 'Register')
      : null,
    user.kind === 'teacher' && user.userId === lesson.teacherId && lesson.status !== 'ended' ? link(`/teach.html?lesson=${id}`, 'Open console', true) : null,
    lesson.status === 'live' && !(user.kind === 'teacher' && user.userId === lesson.teacherId) ? link(`/lesson.html?lesson=${id}`, 'Join', true) : null,
    lesson.status !== 'scheduled' ? link(`/replay.html?lesson=${id}`, 'Replay') : null,
  ];
  return h('li', { className: 'lesson', dataset: { lessonId: lesson.classroomId } },
    h('div', { className: 'row' }, h('h3', { text: lesson.title }), statusBadge(lesson.status),
      registered ? h('span', { className: 'badge open', text: 'registered' }) : null),
    h('div', { className: 'muted', text: `${lesson.subject} · grade ${lesson.grade} · ${lesson.courseType.replace('-', ' ')} · ${formatWhen(lesson.startsAt)} · ${Math.round(timeSpanMillis(lesson.duration) / 60000)} min` }),
    h('div', { className: 'muted', text: `${lesson.registered}${lesson.capacity ? ` of ${lesson.capacity}` : ''} registered` }),
    h('div', { className: 'row' }, actions),
    details);
}

async function setRegistration(lesson, register) {
  const path = `/api/lessons/${encodeURIComponent(lesson.classroomId)}/registration`;
  const done = await attempt(() => request(path, { method: register ? 'POST' : 'DELETE' }).then(() => true),
    register ? `Registered for “${lesson.title}”.` : `Registration for “${lesson.title}” cancelled.`);
  if (done) await load();
}

async function toggleDetails(lesson, details) {
  details.hidden = !details.hidden;
  if (details.hidden || details.childElementCount > 0) return;
  const [snapshot, teacher] = await Promise.all([
    attempt(() => request(`/api/lessons/${encodeURIComponent(lesson.classroomId)}`)),
    teacherOf(lesson.teacherId),
  ]);
  const profile = teacher?.profile;
  fill(details,
    h('p', { text: snapshot?.preview?.description || 'No description.' }),
    profile
      ? [h('strong', { text: `${profile.name}, ${profile.title}` }),
         h('span', { className: 'muted', text: `${profile.school}, ${profile.district} · ${profile.yearsOfTeaching} years of teaching` }),
         h('span', { text: profile.bio }),
         teacher.ratingCount > 0 ? h('span', { className: 'muted', text: `Rated ${teacher.ratingAverage.toFixed(1)} of 5 by ${teacher.ratingCount} students` }) : null]
      : h('span', { className: 'muted', text: `Teacher: ${lesson.teacherId}` }));
}

async function teacherOf(teacherId) {
  if (!teachers.has(teacherId)) teachers.set(teacherId, await attempt(() => request(`/api/teachers/${encodeURIComponent(teacherId)}`)));
  return teachers.get(teacherId);
}

function start() {
  const current = session();
  showAccount(current);
  if (current) load();
}

start();
