// The schedule: sign in, browse lessons by subject and weekend, read a course's preview and its teacher's profile,
// register or cancel (students), open the console (the lesson's teacher), join live, watch replays.
import { request, session, signIn, signInAsGuest, signOut, createAccount } from './api.js';
import { h, fill, morph, byId, say, attempt, timeSpanMillis, param } from './dom.js';
import { t, timeZone, formatLessonTime, formatRelative, fromZonedInput, zonedDay, zonedMidnight } from './i18n.js';
import { statusBadge, subjectName, gradeName, SUBJECTS } from './views.js';

const teachers = new Map();
let registrations = new Set();
let lessons = [];

function showAccount(current) {
  fill(byId('account'), current
    ? [h('span', { className: 'muted', text: t('account.signedInAs', { name: current.user.displayName, kind: t(`kind.${current.user.kind}`) }) }),
       h('button', { className: 'small', onclick: () => { signOut(); location.reload(); } }, t('account.signOut'))]
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
      startsAt: fromZonedInput(v.startsAt).toISOString(),
      duration: `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}:00`,
    },
  }), t('newLesson.done'));
  if (lesson) {
    event.target.reset();
    await load();
  }
});
byId('subject').addEventListener('change', () => load());
byId('window').addEventListener('change', () => load());

/** From Saturday 00:00 to Monday 00:00 of this weekend (or the coming one), in the lessons' time zone. */
function weekend() {
  const today = zonedDay(Date.now());
  const toSaturday = today.weekday === 0 ? -1 : 6 - today.weekday;
  return [zonedMidnight({ ...today, day: today.day + toSaturday }), zonedMidnight({ ...today, day: today.day + toSaturday + 2 })];
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
    if (!known.has(subject)) select.append(h('option', { value: subject, text: subjectName(subject) }));
  }
}

function render() {
  const groups = [
    ['live', lessons.filter(l => l.status === 'live')],
    ['scheduled', lessons.filter(l => l.status === 'scheduled')],
    ['ended', lessons.filter(l => l.status === 'ended').reverse()],
  ].filter(([, list]) => list.length > 0);
  morph(byId('lessons'), groups.length === 0
    ? h('p', { className: 'empty', text: t('schedule.noLessons') })
    : groups.map(([status, list]) => [h('h3', { text: t(`schedule.group.${status}`) }), h('ul', { className: 'lessons' }, list.map(lessonItem))]));
}

function lessonItem(lesson) {
  const user = session().user;
  const registered = registrations.has(lesson.classroomId);
  const link = (href, text, primary) => h('a', { className: `button${primary ? ' primary' : ''}`, href }, text);
  const id = encodeURIComponent(lesson.classroomId);
  const detailsId = `details-${lesson.classroomId}`;
  const open = openDetails.has(lesson.classroomId);
  const minutes = Math.round(timeSpanMillis(lesson.duration) / 60000);
  const actions = [
    h('button', { className: 'small', 'aria-expanded': String(open), 'aria-controls': detailsId, onclick: () => toggleDetails(lesson) }, t('lesson.preview')),
    user.kind === 'student' && lesson.status === 'scheduled'
      ? h('button', { className: registered ? 'danger' : 'primary', onclick: () => setRegistration(lesson, !registered) },
          registered ? t('lesson.cancelRegistration') : t('lesson.register'))
      : null,
    user.kind === 'teacher' && user.userId === lesson.teacherId && lesson.status !== 'ended' ? link(`/teach.html?lesson=${id}`, t('lesson.openConsole'), true) : null,
    lesson.status === 'live' && !(user.kind === 'teacher' && user.userId === lesson.teacherId) ? link(`/lesson.html?lesson=${id}`, t('lesson.join'), true) : null,
    lesson.status !== 'scheduled' ? link(`/replay.html?lesson=${id}`, t('lesson.replay')) : null,
  ];
  return h('li', { className: 'lesson', id: `lesson-${lesson.classroomId}`, dataset: { lessonId: lesson.classroomId } },
    h('div', { className: 'row' }, h('h3', { className: 'user-text', text: lesson.title }), statusBadge(lesson.status),
      registered ? h('span', { className: 'badge open', text: t('lesson.registeredBadge') }) : null),
    h('div', { className: 'muted' },
      [subjectName(lesson.subject), gradeName(lesson.grade), t(`courseType.${lesson.courseType}`), t('lesson.minutes', { count: minutes })].join(' · ')),
    h('div', {}, h('time', { dateTime: lesson.startsAt, text: formatLessonTime(lesson.startsAt, minutes * 60000) }),
      lesson.status === 'scheduled' ? h('span', { className: 'muted', text: ` · ${formatRelative(lesson.startsAt)}` }) : null),
    h('div', { className: 'muted', text: lesson.capacity
      ? t('lesson.registeredOf', { count: lesson.registered, capacity: lesson.capacity })
      : t('lesson.registered', { count: lesson.registered }) }),
    h('div', { className: 'row' }, actions),
    h('div', { className: 'details', id: detailsId, hidden: !open }, detailsContent(lesson)));
}

async function setRegistration(lesson, register) {
  const path = `/api/lessons/${encodeURIComponent(lesson.classroomId)}/registration`;
  const done = await attempt(() => request(path, { method: register ? 'POST' : 'DELETE' }).then(() => true),
    t(register ? 'lesson.registeredDone' : 'lesson.cancelledDone', { title: lesson.title }));
  if (done) await load();
}

// Previews open, and what they show once fetched: kept across redraws.
const openDetails = new Set();
const previews = new Map();

async function toggleDetails(lesson) {
  const id = lesson.classroomId;
  if (openDetails.has(id)) openDetails.delete(id);
  else openDetails.add(id);
  if (openDetails.has(id) && !previews.has(id)) {
    const [snapshot, teacher] = await Promise.all([
      attempt(() => request(`/api/lessons/${encodeURIComponent(id)}`)),
      teacherOf(lesson.teacherId),
    ]);
    previews.set(id, { description: snapshot?.preview?.description, teacher });
  }
  render();
}

function detailsContent(lesson) {
  const preview = previews.get(lesson.classroomId);
  if (!preview) return [];
  const { description, teacher } = preview;
  const profile = teacher?.profile;
  return [
    description ? h('p', { className: 'user-text', text: description }) : h('p', { className: 'muted', text: t('lesson.noDescription') }),
    profile
      ? [h('strong', { className: 'user-text', text: t('teacher.nameAndTitle', { name: profile.name, title: profile.title }) }),
         h('span', { className: 'muted', text: t('teacher.schoolAndYears', { school: profile.school, district: profile.district, count: profile.yearsOfTeaching }) }),
         h('span', { className: 'user-text', text: profile.bio }),
         teacher.ratingCount > 0 ? h('span', { className: 'muted', text: t('teacher.rating', { average: teacher.ratingAverage.toFixed(1), count: teacher.ratingCount }) }) : null]
      : h('span', { className: 'muted', text: t('teacher.id', { id: lesson.teacherId }) }),
  ];
}

async function teacherOf(teacherId) {
  if (!teachers.has(teacherId)) teachers.set(teacherId, await attempt(() => request(`/api/teachers/${encodeURIComponent(teacherId)}`)));
  return teachers.get(teacherId);
}

/** The new-lesson form's choices: subjects and grades by name, the start in the lessons' time zone. */
function prepareNewLessonForm() {
  fill(byId('new-subject'), SUBJECTS.map(subject => h('option', { value: subject, text: subjectName(subject) })));
  fill(byId('new-grade'), Array.from({ length: 12 }, (_, i) => h('option', { value: i + 1, selected: i + 1 === 8, text: gradeName(i + 1) })));
  byId('starts-label').textContent = t('newLesson.startsAt', { zone: timeZone === 'Asia/Shanghai' ? t('newLesson.beijingTime') : timeZone });
}

function start() {
  const current = session();
  if (current?.user.kind === 'teacher') prepareNewLessonForm();
  showAccount(current);
  if (current) load();
}

start();
