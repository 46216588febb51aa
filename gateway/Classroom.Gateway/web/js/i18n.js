// The pages' language and the lesson's clock. Simplified Chinese first; English one click away (the switch every page
// header gets), remembered in this browser, and sent to the server (a cookie, Accept-Language, the hub URL's `lang`) so
// that its refusals come in the same language. Every word a page shows comes from a catalogue, /i18n/<lang>.json:
// flat keys, `{name}` placeholders, and plural forms as objects keyed by Intl.PluralRules categories.
// A key missing from the catalogue shows as the key itself and is reported with console.error("i18n: …"); the browser
// tests fail on any such report.

export const LANGUAGES = ['zh-CN', 'en'];
const STORAGE_KEY = 'classroom.lang';
const COOKIE = 'classroom_lang';

/** The saved choice, else the first of the browser's languages we have, else Chinese. */
function chooseLanguage() {
  const saved = localStorage.getItem(STORAGE_KEY);
  if (LANGUAGES.includes(saved)) return saved;
  for (const preferred of navigator.languages ?? [navigator.language]) {
    const tag = String(preferred).toLowerCase();
    if (tag.startsWith('zh')) return 'zh-CN';
    if (tag.startsWith('en')) return 'en';
  }
  return 'zh-CN';
}

export const lang = chooseLanguage();
document.documentElement.lang = lang;
document.cookie = `${COOKIE}=${lang}; path=/; max-age=31536000; samesite=lax`;

async function fetchJson(path) {
  const response = await fetch(path, { headers: { Accept: 'application/json' } });
  if (!response.ok) throw new Error(`${path}: ${response.status}`);
  return response.json();
}

const [catalogue, settings] = await Promise.all([fetchJson(`/i18n/${lang}.json`), fetchJson('/api/settings')]);

/** The time zone lessons are given in (Asia/Shanghai unless the gateway is configured otherwise). */
export const timeZone = settings.timeZone;

const plurals = new Intl.PluralRules(lang);
const numbers = new Intl.NumberFormat(lang);

/** A message: t('chat.slowModeRule', { count: 10 }). Numbers are formatted the locale's way. */
export function t(key, params = {}) {
  let message = catalogue[key];
  if (message === undefined) {
    console.error(`i18n: no "${key}" in the ${lang} catalogue`);
    return key;
  }
  if (typeof message === 'object') message = message[plurals.select(Number(params.count ?? 0))] ?? message.other;
  return message.replace(/\{(\w+)\}/g, (whole, name) => {
    if (!(name in params)) return whole;
    const value = params[name];
    return typeof value === 'number' ? numbers.format(value) : String(value);
  });
}

export const formatNumber = n => numbers.format(n);

/** Sets the texts of a page's static markup: data-i18n (text) and data-i18n-<attribute> (placeholder, aria-label, title). */
export function translate(root = document) {
  for (const element of root.querySelectorAll('[data-i18n]')) element.textContent = t(element.dataset.i18n);
  for (const attribute of ['placeholder', 'aria-label', 'title']) {
    const data = `data-i18n-${attribute}`;
    for (const element of root.querySelectorAll(`[${data}]`)) element.setAttribute(attribute, t(element.getAttribute(data)));
  }
}

/** The header's switch to the other language: the choice is remembered and the page reloads in it. */
function languageSwitch() {
  const other = lang === 'zh-CN' ? 'en' : 'zh-CN';
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'small language';
  button.lang = other;
  button.textContent = t(`language.${other}`);
  button.title = t('language.switch');
  button.addEventListener('click', () => {
    localStorage.setItem(STORAGE_KEY, other);
    document.cookie = `${COOKIE}=${other}; path=/; max-age=31536000; samesite=lax`;
    location.reload();
  });
  return button;
}

translate();
document.querySelector('header.bar')?.append(languageSwitch());

// Dates and times, always in the lesson's time zone whatever the reader's computer says.
const dayMonth = new Intl.DateTimeFormat(lang, { timeZone, month: lang === 'en' ? 'short' : 'long', day: 'numeric' });
const dayMonthYear = new Intl.DateTimeFormat(lang, { timeZone, year: 'numeric', month: lang === 'en' ? 'short' : 'long', day: 'numeric' });
const weekday = new Intl.DateTimeFormat(lang, { timeZone, weekday: 'short' });
const hourMinute = new Intl.DateTimeFormat(lang, { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
const hourMinuteSecond = new Intl.DateTimeFormat(lang, { timeZone, hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' });
const yearOf = new Intl.DateTimeFormat('en', { timeZone, year: 'numeric' });
const relative = new Intl.RelativeTimeFormat(lang, { numeric: 'auto' });

/** A lesson's day and hours: "11月7日(周六) 14:30-15:30", "Sat Nov 7, 14:30–15:30"; the year only when not this year. */
export function formatLessonTime(startIso, durationMillis) {
  const start = new Date(startIso);
  const end = new Date(start.getTime() + durationMillis);
  const thisYear = yearOf.format(start) === yearOf.format(new Date());
  return t('time.lesson', {
    date: (thisYear ? dayMonth : dayMonthYear).format(start),
    weekday: weekday.format(start),
    start: hourMinute.format(start),
    end: hourMinute.format(end),
  });
}

/** A moment as its day and time: "11月7日(周六) 14:30". */
export function formatMoment(iso) {
  const date = new Date(iso);
  const thisYear = yearOf.format(date) === yearOf.format(new Date());
  return t('time.moment', { date: (thisYear ? dayMonth : dayMonthYear).format(date), weekday: weekday.format(date), time: hourMinute.format(date) });
}

export const formatTimeOfDay = iso => hourMinuteSecond.format(new Date(iso));

/** How far a moment is from now: "3分钟前", "2天后", "in 3 hours", "4年后". */
export function formatRelative(iso, now = Date.now()) {
  const seconds = (new Date(iso).getTime() - now) / 1000;
  const size = Math.abs(seconds);
  if (size < 60) return relative.format(Math.round(seconds), 'second');
  if (size < 3600) return relative.format(Math.round(seconds / 60), 'minute');
  if (size < 86400) return relative.format(Math.round(seconds / 3600), 'hour');
  if (size < 45 * 86400) return relative.format(Math.round(seconds / 86400), 'day');
  if (size < 365 * 86400) return relative.format(Math.round(seconds / (30.44 * 86400)), 'month');
  return relative.format(Math.round(seconds / (365.25 * 86400)), 'year');
}

/** The offset of the lesson's time zone from UTC at a moment, in milliseconds (+8 h for Beijing). */
function zoneOffset(utcMillis) {
  const parts = Object.fromEntries(new Intl.DateTimeFormat('en', {
    timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric',
  }).formatToParts(new Date(utcMillis)).map(p => [p.type, Number(p.value)]));
  return Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute, parts.second) - Math.floor(utcMillis / 1000) * 1000;
}

/** A wall-clock time in the lesson's time zone ("2030-06-01T14:30", as a datetime-local input gives it) → a Date. */
export function fromZonedInput(value) {
  const [date, time = '00:00'] = value.split('T');
  const [year, month, day] = date.split('-').map(Number);
  const [hour, minute] = time.split(':').map(Number);
  const wall = Date.UTC(year, month - 1, day, hour, minute);
  const guess = wall - zoneOffset(wall);
  return new Date(wall - zoneOffset(guess));
}

/** The calendar day (year, month 1-12, day, weekday 0-6 from Sunday) of a moment in the lesson's time zone. */
export function zonedDay(millis) {
  const shifted = new Date(millis + zoneOffset(millis));
  return { year: shifted.getUTCFullYear(), month: shifted.getUTCMonth() + 1, day: shifted.getUTCDate(), weekday: shifted.getUTCDay() };
}

/** Midnight of a calendar day in the lesson's time zone, as a Date. */
export function zonedMidnight({ year, month, day }) {
  return fromZonedInput(`${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}T00:00`);
}
