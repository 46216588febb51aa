// The student's view of the teacher's broadcast: plays from the newest segment, keeps near the live edge, says how far
// behind it is (and tells the server, for the teacher), and switches to the sound alone for slow networks.
import { byId } from './dom.js';
import { t, formatNumber } from './i18n.js';
import { LiveMedia } from './media-play.js';

export function mountLiveMedia(lesson) {
  const video = byId('media-video');
  const media = new LiveMedia(video, {
    onChange: () => render(),
    onMuted: () => { byId('media-unmute').hidden = false; },
    report: delay => lesson.invoke('ReportMediaLag', delay).catch(() => {}),
  });
  let audioOnly = false;

  function render() {
    const m = media.media;
    const supported = media.player.canPlay;
    const state = !supported ? t('media.unsupported')
      : !m?.live ? t(m?.streamId ? 'media.ended' : 'media.waiting')
      : !m.camera && !audioOnly ? t('media.cameraIsOff')
      : !m.microphone ? t('media.micIsOff') : '';
    const stateLine = byId('media-state');
    if (stateLine.textContent !== state) stateLine.textContent = state;
    byId('media-video').hidden = !m?.live;
    const delay = media.delay;
    byId('media-delay').textContent = m?.live && delay !== null ? t('media.delay', { seconds: formatNumber(Math.round(delay * 10) / 10) }) : '';
    byId('media-audio-only').setAttribute('aria-pressed', String(audioOnly));
    byId('media-audio-only').hidden = !m?.live;
  }

  byId('media-audio-only').addEventListener('click', () => {
    audioOnly = !audioOnly;
    video.classList.toggle('audio-only', audioOnly);
    media.setRendition(audioOnly ? 'audio' : 'av');
  });
  byId('media-unmute').addEventListener('click', () => {
    video.muted = false;
    byId('media-unmute').hidden = true;
  });

  return {
    /** After a join (snapshot) or with the events of a frame. */
    update(snapshot, events) {
      media.observe(events);
      if (!events) {
        media.show(snapshot);
        return;
      }
      for (const event of events) {
        if (event.type === 'media.segment-added') media.add(snapshot, snapshot.media.segments.find(s => s.number === event.data.number) ?? event.data);
        else if (event.type.startsWith('media.') || event.type === 'lesson.ended') media.show(snapshot);
      }
      render();
    },
  };
}
