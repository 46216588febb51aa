// The teacher's side of a broadcast (docs/media.md): the camera or a shared screen with the microphone, recorded as
// short segments, each by a MediaRecorder of its own so that each is a complete WebM beginning on a keyframe (a late
// joiner and the replay can start at any of them). The next recorder starts in the same task the last one stops, so
// segments lie end to end. Segments are uploaded one at a time, in order; a sender that falls behind drops the oldest
// waiting segment rather than drifting further from live.
import { freshToken } from './api.js';
import { lang, t } from './i18n.js';

/** How long each segment records: the floor of viewers' delay, and one request a second for each of them. */
export const SEGMENT_MILLIS = 1000;
// How long a recorder runs on after the next one started. Chrome drops the frames still in its encoder when a recorder
// stops (hundreds of milliseconds on a busy machine): the overlap covers them, and the player keeps the next segment's
// frames where the two overlap (an append replaces what it overlaps).
const OVERLAP_MILLIS = 300;
const TYPES = ['video/webm;codecs=vp8,opus', 'video/webm;codecs=vp9,opus', 'video/webm'];
const MAX_WAITING = 3;
const RETRIES = 2;

export class MediaSender {
  constructor(lesson, { onChange } = {}) {
    this.lesson = lesson;
    this.onChange = onChange ?? (() => {});
    this.stream = null;
    this.live = false;
    this.stats = { sent: 0, failed: 0, dropped: 0, lastError: null, width: 0, height: 0 };
  }

  get microphone() { return this.stream?.getAudioTracks().some(track => track.enabled) ?? false; }

  get camera() { return this.stream?.getVideoTracks().some(track => track.enabled) ?? false; }

  /** Goes live with 'camera' or 'screen' (the microphone either way). Throws when the browser refuses a device. */
  async start(source) {
    if (this.live) return;
    const mimeType = TYPES.find(type => MediaRecorder.isTypeSupported(type));
    if (!mimeType) throw new Error('MediaRecorder cannot record WebM here');
    this.stream = await capture(source);
    const video = this.stream.getVideoTracks()[0]?.getSettings();
    Object.assign(this.stats, { width: video?.width ?? 0, height: video?.height ?? 0 });
    const ticket = await this.lesson.invoke('StartBroadcast', source, this.microphone, this.camera);
    Object.assign(this, { live: true, source, mimeType, next: ticket.nextNumber, began: performance.now(), queue: [], uploading: false });
    // The screen's own "stop sharing" button ends the broadcast too.
    this.stream.getVideoTracks()[0]?.addEventListener('ended', () => this.stop());
    this.#cut();
    this.timer = setInterval(() => this.#cut(), SEGMENT_MILLIS);
    this.onChange(this);
  }

  /** Turns the microphone or the camera off or on: segments go on (silence, a black picture), viewers are told. */
  async setTracks({ microphone = this.microphone, camera = this.camera }) {
    for (const track of this.stream?.getAudioTracks() ?? []) track.enabled = microphone;
    for (const track of this.stream?.getVideoTracks() ?? []) track.enabled = camera;
    this.onChange(this);
    if (this.live) await this.lesson.invoke('SetBroadcastTracks', microphone, camera);
  }

  async stop() {
    if (!this.live) return;
    this.live = false;
    clearInterval(this.timer);
    this.recorder?.stop();
    this.recorder = null;
    for (const track of this.stream.getTracks()) track.stop();
    this.onChange(this);
    await this.lesson.invoke('EndBroadcast');
  }

  /** Starts the next segment's recorder and stops the current one, whose file is then queued for upload. */
  #cut() {
    const now = performance.now();
    const previous = this.recorder;
    const previousStart = this.recorderStart;
    if (this.live) {
      this.recorder = new MediaRecorder(this.stream, { mimeType: this.mimeType, videoBitsPerSecond: 1_000_000, audioBitsPerSecond: 48_000 });
      this.recorderStart = now;
      this.recorder.start();
    }
    if (!previous) return;
    const segment = { number: this.next++, offset: Math.round(previousStart - this.began), duration: Math.round(now - previousStart) };
    const parts = [];
    previous.ondataavailable = event => { if (event.data.size > 0) parts.push(event.data); };
    previous.onstop = () => this.#enqueue({ ...segment, body: new Blob(parts, { type: 'video/webm' }) });
    if (this.live) setTimeout(() => previous.stop(), OVERLAP_MILLIS);
    else previous.stop();
  }

  #enqueue(segment) {
    this.queue.push(segment);
    while (this.queue.length > MAX_WAITING) {
      this.queue.shift();
      this.stats.dropped++;
    }
    this.#drain();
  }

  async #drain() {
    if (this.uploading) return;
    this.uploading = true;
    try {
      while (this.queue.length > 0) {
        const segment = this.queue.shift();
        if (await this.#upload(segment)) this.stats.sent++;
        else this.stats.failed++;
        this.onChange(this);
      }
    } finally {
      this.uploading = false;
    }
  }

  async #upload({ number, offset, duration, body }) {
    const path = `/api/lessons/${encodeURIComponent(this.lesson.classroomId)}/media/segments/${number}?offset=${offset}&duration=${duration}`;
    for (let attempt = 0; attempt <= RETRIES; attempt++) {
      try {
        const response = await fetch(path, {
          method: 'POST', body,
          headers: { Authorization: `Bearer ${await freshToken()}`, 'Content-Type': 'video/webm', 'Accept-Language': lang },
        });
        if (response.ok) {
          this.stats.lastError = null;
          return true;
        }
        const problem = await response.json().catch(() => null);
        this.stats.lastError = problem?.detail ?? String(response.status);
        // Refused for what it is (not for the network): sending it again changes nothing.
        if (response.status < 500 && response.status !== 429) return false;
      } catch {
        this.stats.lastError = t('error.network');
      }
    }
    return false;
  }
}

/** The camera with the microphone, or a shared screen with the microphone as its sound. */
async function capture(source) {
  if (source === 'camera') return navigator.mediaDevices.getUserMedia({ video: { width: { ideal: 640 }, height: { ideal: 480 } }, audio: true });
  const screen = await navigator.mediaDevices.getDisplayMedia({ video: true, audio: false });
  try {
    const microphone = await navigator.mediaDevices.getUserMedia({ audio: true });
    return new MediaStream([...screen.getVideoTracks(), ...microphone.getAudioTracks()]);
  } catch {
    return screen;
  }
}
