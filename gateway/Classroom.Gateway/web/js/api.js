// The HTTP API and the signed-in session (a bearer token kept in this browser's local storage). Requests ask for the
// page's language, so that the server's refusals come in it.
import { lang, t } from './i18n.js';
const SESSION_KEY = 'classroom.session';
// An access token this close to its end is renewed (with the refresh token) before it is sent.
const RENEW_BEFORE_MS = 60_000;
let renewing = null;

export class ApiError extends Error {
  constructor(status, message) {
    super(message);
    this.status = status;
  }
}

/** The signed-in user and token, or null when signed out, or expired with no refresh token to renew it. */
export function session() {
  try {
    const saved = JSON.parse(localStorage.getItem(SESSION_KEY));
    return saved && (saved.expiresAt > Date.now() || saved.refreshToken) ? saved : null;
  } catch {
    return null;
  }
}

export function signOut() {
  const refreshToken = session()?.refreshToken;
  localStorage.removeItem(SESSION_KEY);
  // Ends the sign-in on the server too (best effort: signing out here must not wait for the network).
  if (refreshToken) request('/api/accounts/logout', { method: 'POST', body: { refreshToken }, anonymous: true }).catch(() => {});
}

/**
 * Whether the signed-in user is an operator (an administrator of the programme), as their token says. It only decides
 * which buttons a page offers: the server checks the token itself on every action.
 */
export function isOperator() {
  try {
    const payload = session()?.token.split('.')[1] ?? '';
    const json = atob(payload.replace(/-/g, '+').replace(/_/g, '/'));
    return JSON.parse(json)['classroom:operator'] === 'true';
  } catch {
    return false;
  }
}

/** The session's access token, renewed first (one renewal for all callers) when it is about to expire; '' when signed out. */
export async function freshToken() {
  const current = session();
  if (!current) return '';
  if (current.expiresAt - Date.now() > RENEW_BEFORE_MS || !current.refreshToken) return current.token;
  renewing ??= renew(current).finally(() => { renewing = null; });
  return renewing;
}

async function renew(current) {
  try {
    const token = await request('/api/accounts/refresh', { method: 'POST', body: { refreshToken: current.refreshToken }, anonymous: true });
    save({ ...current, token: token.accessToken, refreshToken: token.refreshToken, expiresAt: Date.now() + token.expiresIn * 1000 });
    return token.accessToken;
  } catch (error) {
    // Refused: the sign-in has ended (signed out elsewhere, or its refresh token was stolen and reused). A network
    // failure keeps the session for the next try.
    if (error.status === 401) localStorage.removeItem(SESSION_KEY);
    return session()?.token ?? '';
  }
}

const save = saved => localStorage.setItem(SESSION_KEY, JSON.stringify(saved));

export const signIn = (userName, password) => start('/api/accounts/login', { userName, password });

export const signInAsGuest = displayName => start('/api/accounts/guest', { displayName });

export async function createAccount(account) {
  await request('/api/accounts', { method: 'POST', body: account, anonymous: true });
  return signIn(account.userName, account.password);
}

async function start(path, body) {
  const token = await request(path, { method: 'POST', body, anonymous: true });
  const user = await request('/api/me', { token: token.accessToken });
  const saved = { token: token.accessToken, refreshToken: token.refreshToken, expiresAt: Date.now() + token.expiresIn * 1000, user };
  save(saved);
  return saved;
}

/** Sends users who are not signed in to the schedule's sign-in, returning here afterwards. */
export function requireSession() {
  const current = session();
  if (!current) location.assign(`/?next=${encodeURIComponent(location.pathname + location.search)}`);
  return current;
}

/** A JSON request with the session's token; failures throw an ApiError with the problem's detail. */
export async function request(path, { method = 'GET', body, token, anonymous = false } = {}) {
  const headers = { Accept: 'application/json', 'Accept-Language': lang };
  const bearer = token ?? (anonymous ? null : await freshToken());
  if (bearer) headers.Authorization = `Bearer ${bearer}`;
  // A file (a photo) goes as its bytes, typed as the file is; anything else as JSON.
  const raw = body instanceof Blob;
  if (body !== undefined) headers['Content-Type'] = raw ? body.type || 'application/octet-stream' : 'application/json';
  let response;
  try {
    response = await fetch(path, { method, headers, body: body === undefined || raw ? body : JSON.stringify(body) });
  } catch {
    throw new ApiError(0, t('error.network'));
  }
  if (response.status === 401 && !anonymous && !token) {
    signOut();
  }
  const text = await response.text();
  let json = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    // Not ours (a proxy's error page): said below by its status.
  }
  if (!response.ok) {
    // Our refusals carry a code and are worded in the page's language; a problem without one is the framework's own
    // (an unknown path, in English) and is said by its status.
    throw new ApiError(response.status, (json?.code && (json.detail ?? json.title)) || t('error.http', { status: response.status }));
  }
  return json;
}
