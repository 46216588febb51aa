// One SignalR connection to the classroom hub with the official client (window.signalR, from lib/signalr), signed in
// with the session's token, renewed when about to expire (the gateway closes a connection whose token expires: it
// reconnects with a fresh one). It reconnects by itself, forever, with growing pauses; whoever uses it re-joins on
// 'reconnected'.
import { freshToken } from './api.js';
import { lang } from './i18n.js';

const RETRY_MILLIS = [0, 1000, 2000, 5000];

export function connectHub({ onState } = {}) {
  const connection = new signalR.HubConnectionBuilder()
    // The connection's language, for the hub's refusals.
    .withUrl(`/hubs/classroom?lang=${encodeURIComponent(lang)}`, { accessTokenFactory: freshToken })
    .withAutomaticReconnect({ nextRetryDelayInMilliseconds: context => RETRY_MILLIS[Math.min(context.previousRetryCount, RETRY_MILLIS.length - 1)] })
    .configureLogging(signalR.LogLevel.Warning)
    .build();
  const report = state => onState?.(state);
  connection.onreconnecting(() => report('reconnecting'));
  connection.onreconnected(() => report('connected'));
  // Automatic reconnection gives up only when stopped; a failed first start is retried here.
  connection.onclose(() => { report('disconnected'); setTimeout(() => begin(), 2000); });

  async function begin() {
    try {
      report('connecting');
      await connection.start();
    } catch {
      setTimeout(() => begin(), 2000);
      return;
    }
    report('connected');
    await connection.onStarted?.();
  }

  connection.begin = begin;
  return connection;
}
