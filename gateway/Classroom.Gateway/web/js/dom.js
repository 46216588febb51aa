// Building the page. User text only ever goes in as text (text nodes, textContent, attribute values), never as
// markup: nothing here touches innerHTML.
import morphdom from '/lib/morphdom/morphdom-esm.js';
import { ApiError } from './api.js';
import { t } from './i18n.js';

/** An element: h('button', {className: 'primary', onclick: f, disabled: true}, 'Send'). */
export function h(tag, props = {}, ...children) {
  const element = document.createElement(tag);
  for (const [key, value] of Object.entries(props ?? {})) {
    if (value === undefined || value === null || value === false) continue;
    if (key.startsWith('on')) on(element, key.slice(2), value);
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

// Handlers live on the element (element.handlers) behind one listener, so that a redraw that keeps an element can give
// it the new handlers, which know the new state.
function dispatch(event) {
  return this.handlers?.[event.type]?.call(this, event);
}

function on(element, type, handler) {
  element.handlers ??= {};
  if (!element.handlers[type]) element.addEventListener(type, dispatch);
  element.handlers[type] = handler;
}

/** Gives a kept element the handlers of the element that describes it now (and its children, when they were equal). */
function takeHandlers(from, to, deep) {
  for (const type of Object.keys(from.handlers ?? {})) {
    if (!to.handlers?.[type]) delete from.handlers[type];
  }
  for (const [type, handler] of Object.entries(to.handlers ?? {})) on(from, type, handler);
  if (!deep) return;
  for (let i = 0; i < from.children.length && i < to.children.length; i++) takeHandlers(from.children[i], to.children[i], true);
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

/**
 * Redraws an element's children as `children` describe them, changing only what differs (morphdom): the focused
 * control, a half-ticked ballot and a screen reader's place survive. Children with an id or data-key keep their element.
 */
export function morph(element, ...children) {
  const target = element.cloneNode(false);
  append(target, children);
  morphdom(element, target, {
    childrenOnly: true,
    getNodeKey: node => node.id || node.dataset?.key || undefined,
    onBeforeElUpdated(from, to) {
      // Inline styles through the style object: the pages' content security policy refuses style attributes.
      if (from.style && from.style.cssText !== to.style.cssText) from.style.cssText = to.style.cssText;
      // A control being typed in keeps what the person typed.
      if (from === document.activeElement && (from.tagName === 'INPUT' || from.tagName === 'TEXTAREA') && from.type !== 'checkbox' && from.type !== 'radio') {
        to.value = from.value;
      }
      // Equal: nothing to change but the handlers, down the whole subtree (morphdom will not visit it).
      const equal = from.isEqualNode(to);
      takeHandlers(from, to, equal);
      return !equal;
    },
  });
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

/**
 * The readable part of an error: the server's sentence, without SignalR's wrapping or the refusal's code. Errors of
 * the connection itself (SignalR's own, in English) are said as a connection problem in the page's language.
 */
export function messageOf(error) {
  const text = error?.message ?? String(error);
  const hub = /HubException: (.*)$/s.exec(text);
  if (hub) return hub[1].replace(/^\[[\w.-]+\]\s*/, '').trim();
  if (error instanceof ApiError) return text;
  console.warn(error);
  return t('error.connection');
}

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
