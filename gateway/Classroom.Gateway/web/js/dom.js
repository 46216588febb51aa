// Building the page. User text only ever goes in as text (text nodes, textContent, attribute values), never as
// markup: nothing here touches innerHTML.

/** An element: h('button', {className: 'primary', onclick: f, disabled: true}, 'Send'). */
export function h(tag, props = {}, ...children) {
  const element = document.createElement(tag);
  for (const [key, value] of Object.entries(props ?? {})) {
    if (value === undefined || value === null || value === false) continue;
    if (key.startsWith('on')) element.addEventListener(key.slice(2), value);
    else if (key === 'className') element.className = value;
    else if (key === 'text') element.textContent = value;
    else if (key === 'dataset') Object.assign(element.dataset, value);
    else if (key === 'style') element.style.cssText = value;
    else if (key in element && typeof value !== 'string') element[key] = value;
    else element.setAttribute(key, value === true ? '' : String(value));
  }
  append(element, children);
  return element;
}

function append(element, children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    element.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

/** Replaces an element's children. */
export function fill(element, ...children) {
  element.replaceChildren();
  append(element, children);
  return element;
}

export const byId = id => document.getElementById(id);

/** The page's query parameter, or null. */
export const param = name => new URLSearchParams(location.search).get(name);

/** Shows a message in the page's status line; errors stay until the next message. */
export function say(message, kind = 'info') {
  const status = byId('status');
  if (!status) return;
  status.textContent = message ?? '';
  status.className = `status ${kind}`;
  status.hidden = !message;
}

/** Runs an action from a button or form, showing its error (a person-readable message from the server). */
export async function attempt(action, done) {
  try {
    const result = await action();
    if (done) say(done, 'ok');
    return result;
  } catch (error) {
    say(messageOf(error), 'error');
    return undefined;
  }
}

/** The readable part of an error: the server's message, without SignalR's wrapping. */
export function messageOf(error) {
  const text = error?.message ?? String(error);
  const hub = /HubException: (.*)$/s.exec(text);
  return (hub ? hub[1] : text).trim();
}

const clock = new Intl.DateTimeFormat(undefined, { weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' });
const clockWithYear = new Intl.DateTimeFormat(undefined, { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' });
const timeOfDay = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit', second: '2-digit' });

/** A lesson's start in the reader's time zone; the year only when it is not this year. */
export function formatWhen(iso) {
  const date = new Date(iso);
  return (date.getFullYear() === new Date().getFullYear() ? clock : clockWithYear).format(date);
}
export const formatTimeOfDay = iso => timeOfDay.format(new Date(iso));

/** 3725000 → "1:02:05", 65000 → "1:05". */
export function formatOffset(millis) {
  const total = Math.max(0, Math.floor(millis / 1000));
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = String(total % 60).padStart(2, '0');
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, '0')}:${seconds}` : `${minutes}:${seconds}`;
}

/** A .NET TimeSpan as JSON writes it ("1.02:03:04.5", "00:45:00") → milliseconds. */
export function timeSpanMillis(text) {
  const match = /^(-)?(?:(\d+)\.)?(\d+):(\d+):(\d+)(?:\.(\d+))?$/.exec(text ?? '');
  if (!match) return 0;
  const [, minus, days, hours, minutes, seconds, fraction] = match;
  const millis = ((Number(days ?? 0) * 24 + Number(hours)) * 60 + Number(minutes)) * 60000 + Number(seconds) * 1000
    + Math.round(Number(`0.${fraction ?? 0}`) * 1000);
  return minus ? -millis : millis;
}
