// Pieces the Q&A centre's pages draw alike: the knowledge-point catalogue, questions as list items, search hits with
// their matched words marked, and the live notices (a hub watch, re-made after every reconnect, said in a polite live
// region).
import { request } from './api.js';
import { h, byId, say, messageOf } from './dom.js';
import { connectHub } from './hub.js';
import { lang, t, formatMoment, formatRelative } from './i18n.js';
import { subjectName, gradeName, showConnection } from './views.js';

/** How many knowledge points a question has: at least one, at most this many. */
export const MAX_POINTS = 5;

/**
 * The shipped knowledge-point catalogue (GET /api/qa/subjects): points by subject and by id. When it cannot be read,
 * the catalogue is empty and the pages show the points' ids.
 */
export async function loadCatalogue() {
  let subjects = [];
  try {
    subjects = await request('/api/qa/subjects');
  } catch (error) {
    console.warn('knowledge points:', error);
  }
  const bySubject = new Map(subjects.map(s => [s.subject, s.points]));
  const byId = new Map(subjects.flatMap(s => s.points).map(p => [p.id, p]));
  return {
    points: subject => bySubject.get(subject) ?? [],
    name: id => {
      const point = byId.get(id);
      // A point an administrator added may have no English name yet.
      return point ? (lang === 'en' && point.en ? point.en : point.zh) : id;
    },
  };
}

/** A question's subject, grade and knowledge points in one line: "数学 · 初二 · 一元一次方程、方程的解". */
export function topicLine(item, catalogue) {
  const points = (item.knowledgePoints ?? []).map(catalogue.name).join(t('common.listSeparator'));
  return [subjectName(item.subject), gradeName(item.grade), points].filter(Boolean).join(' · ');
}

/**
 * A message whose placeholders in `nodes` are elements (what people wrote, marked .user-text) and the rest text:
 * withNodes('question.answerBy', { name: span }) → ["", span, "老师的回答"]. The word order stays the catalogue's.
 */
export function withNodes(key, nodes, params = {}) {
  return t(key, params).split(/\{(\w+)\}/).map((part, i) => (i % 2 === 1 ? nodes[part] ?? `{${part}}` : part)).filter(part => part !== '');
}

/** The status of a question as a badge. */
export const qaStatusBadge = status =>
  h('span', { className: `badge qa-${status}`, dataset: { status }, text: t(`qa.status.${status}`) });

/** How long ago: "3分钟前", "3 minutes ago"; under a minute "刚刚", "just now" (not "现在", "now"). */
export const sinceText = iso => (Math.abs(Date.now() - new Date(iso).getTime()) < 60_000 ? t('qa.justNow') : formatRelative(iso));

/** A moment as a time element saying how long ago, with the day and time as its title. */
export const ago = (iso, className) => h('time', { className, dateTime: iso, title: formatMoment(iso), text: sinceText(iso) });

export const questionHref = id => `/question.html?id=${encodeURIComponent(id)}`;

/** A question of a list (the queue, one's own questions, the reported ones). */
export function summaryItem(summary, catalogue) {
  return h('li', { className: 'question-item', dataset: { key: summary.questionId, questionId: summary.questionId } },
    h('div', { className: 'row' },
      h('a', { className: 'title user-text', href: questionHref(summary.questionId), text: summary.title }),
      qaStatusBadge(summary.status)),
    h('div', { className: 'muted', text: topicLine(summary, catalogue) }),
    h('div', { className: 'muted' },
      h('span', { className: 'user-text', text: summary.authorName }), ' · ', withNodes('qa.askedAgo', { ago: ago(summary.askedAt) }), ' · ',
      h('span', { className: 'answer-count', text: summary.answerCount ? t('qa.answerCount', { count: summary.answerCount }) : t('qa.noAnswerYet') })));
}

/** Search parts as text, the matched ones in <mark>: the server's words are never parsed as markup. */
export const markedText = parts => (parts ?? []).map(part => (part.match ? h('mark', { text: part.text }) : part.text));

/** A search hit: a question (to its page) or a lesson (to its replay), best first as the server ranked them. */
export function hitItem(hit, catalogue) {
  const href = hit.kind === 'lesson' ? `/replay.html?lesson=${encodeURIComponent(hit.id)}` : questionHref(hit.id);
  return h('li', { className: 'hit', dataset: { key: `${hit.kind}:${hit.id}`, hitId: hit.id, kind: hit.kind } },
    h('div', { className: 'row' },
      h('span', { className: `badge kind-${hit.kind}`, text: t(`qa.kind.${hit.kind}`) }),
      h('a', { className: 'title user-text', href }, markedText(hit.title)),
      hit.adopted ? h('span', { className: 'badge qa-adopted', text: t('qa.status.adopted') }) : null),
    hit.snippet?.length ? h('p', { className: 'snippet user-text' }, markedText(hit.snippet)) : null,
    h('div', { className: 'muted', text: topicLine(hit, catalogue) }));
}

/** The search's query string from its fields, leaving out the empty ones. */
export function searchQuery(fields) {
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(fields)) {
    if (value !== undefined && value !== null && value !== '') query.set(name, String(value));
  }
  return query.toString();
}

/** A live notice in the reader's words: "王芳老师回答了你的问题：…". */
export function noticeText(notice, { mine = false } = {}) {
  const params = { actor: notice.actorName, title: notice.title, stars: notice.stars ?? 0, count: notice.stars ?? 0 };
  const key = {
    'question.asked': 'qa.notice.asked',
    'answer.posted': mine ? 'qa.notice.answeredMine' : 'qa.notice.answered',
    'answer.adopted': 'qa.notice.adopted',
    'answer.rated': 'qa.notice.rated',
    'followup.posted': 'qa.notice.followUp',
    'question.closed': 'qa.notice.closed',
    'question.hidden-changed': 'qa.notice.hiddenChanged',
  }[notice.type];
  return key ? t(key, params) : null;
}

/** Says a notice in the page's polite live region (#notice); it stays until the next one. */
export function announce(message) {
  const region = byId('notice');
  if (!region || !message) return;
  region.textContent = message;
  region.hidden = false;
}

/**
 * Connects to the hub and keeps watching: `watch(hub)` makes the page's watches (again after every reconnect, as
 * watches belong to a connection) and should re-read what the page shows, since notices sent while disconnected are
 * lost. `onNotice(topic, notice)` gets each notice.
 */
export function watchQa({ watch, onNotice }) {
  const hub = connectHub({ onState: showConnection });
  hub.on('qa', (topic, notice) => onNotice(topic, notice));
  const rewatch = async () => {
    try {
      await watch(hub);
    } catch (error) {
      say(messageOf(error), 'error');
    }
  };
  hub.onStarted = rewatch;
  hub.onreconnected(rewatch);
  hub.begin();
  return hub;
}
