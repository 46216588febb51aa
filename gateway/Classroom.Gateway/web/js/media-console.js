// The console's broadcast card: go live with the camera or a shared screen, mute, camera off, stop; what was sent,
// upload errors, and how far behind the viewers are (their players report it; asked every few seconds).
import { byId, say, attempt, messageOf } from './dom.js';
import { t, formatNumber } from './i18n.js';
import { MediaSender } from './media-send.js';

const seconds = millis => formatNumber(Math.round(millis / 100) / 10);

export function mountMediaConsole(lesson) {
  const sender = new MediaSender(lesson, { onChange: () => render() });
  let status = null;

  function render() {
    const live = status === 'live';
    byId('media-live').hidden = !sender.live;
    byId('media-camera').hidden = byId('media-screen').hidden = sender.live;
    byId('media-camera').disabled = byId('media-screen').disabled = !live;
    for (const id of ['media-mute', 'media-camera-off', 'media-stop']) byId(id).hidden = !sender.live;
    byId('media-mute').setAttribute('aria-pressed', String(sender.live && !sender.microphone));
    byId('media-camera-off').setAttribute('aria-pressed', String(sender.live && !sender.camera));
    byId('media-camera-off').disabled = sender.source === 'screen';
    const preview = byId('media-preview');
    if (sender.live && preview.srcObject !== sender.stream) preview.srcObject = sender.stream;
    preview.hidden = !sender.live;
    preview.dataset.width = sender.stats.width;
    preview.dataset.height = sender.stats.height;
    const { sent, failed, dropped, lastError } = sender.stats;
    byId('media-stats').textContent = !live && !sender.live ? t('media.notLive')
      : sender.live || sent ? t('media.stats', { sent, failed, dropped }) : '';
    byId('media-stats').dataset.sent = sent;
    byId('media-error').textContent = lastError ? t('media.uploadError', { error: lastError }) : '';
  }

  async function goLive(source) {
    try {
      await sender.start(source);
    } catch (error) {
      say(error?.name && !/HubException/.test(error.message) ? t('media.deviceError', { error: error.message || error.name }) : messageOf(error), 'error');
    }
  }

  async function showLag() {
    if (!sender.live) return;
    const lag = await lesson.invoke('GetMediaLag').catch(() => null);
    if (!lag) return;
    byId('media-lag').textContent = lag.viewers === 0 ? t('media.lagNone')
      : t('media.lag', { median: seconds(lag.medianMillis), max: seconds(lag.maxMillis), count: lag.viewers });
    byId('media-lag').dataset.viewers = lag.viewers;
  }

  byId('media-camera').addEventListener('click', () => goLive('camera'));
  byId('media-screen').addEventListener('click', () => goLive('screen'));
  byId('media-mute').addEventListener('click', () => attempt(() => sender.setTracks({ microphone: !sender.microphone })));
  byId('media-camera-off').addEventListener('click', () => attempt(() => sender.setTracks({ camera: !sender.camera })));
  byId('media-stop').addEventListener('click', () => attempt(() => sender.stop()));
  setInterval(showLag, 3000);

  return {
    /** Redraws for the lesson's state; a lesson that ended stops the broadcast. */
    render(snapshot) {
      status = snapshot.status;
      if (status === 'ended' && sender.live) sender.stop().catch(() => {});
      render();
    },
  };
}
