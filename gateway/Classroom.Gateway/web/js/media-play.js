// Playing a lesson's media with Media Source Extensions (docs/media.md). Every segment is a complete WebM that starts
// on a keyframe, placed on the lesson's timeline at its startMillis ('segments' mode, timestampOffset): the video's
// currentTime is the time since the lesson started, live and in the replay alike. The live player starts at the newest
// segment and skips ahead when it falls more than MAX_BEHIND behind; the replay player follows the event playhead.
const MAX_BEHIND_SECONDS = 3;
const KEEP_BEHIND_SECONDS = 20;
const MAX_GAP_SECONDS = 1;

const url = (streamId, rendition, number) => `/api/media/${streamId}/${rendition}/${number}.webm`;

/** One MediaSource on a <video>, fed segments one at a time, in the rendition chosen ('av' or 'audio'). */
export class SegmentPlayer {
  constructor(video) {
    this.video = video;
    this.rendition = 'av';
    this.generation = 0;
    this.appended = new Set();
    this.chain = Promise.resolve();
    // A gap between two segments (frames a recorder lost) would stall the element for good: step over short ones.
    video.addEventListener('waiting', () => this.#jumpGap());
  }

  get canPlay() {
    return typeof MediaSource !== 'undefined' && MediaSource.isTypeSupported('video/webm; codecs="vp8,opus"');
  }

  /** Starts afresh (a new MediaSource) for segments of these codecs; what was appended before is gone. */
  reset(codecs) {
    const generation = ++this.generation;
    this.appended = new Set();
    this.codecs = codecs;
    const source = new MediaSource();
    if (this.video.src) URL.revokeObjectURL(this.video.src);
    this.video.src = URL.createObjectURL(source);
    const mime = this.rendition === 'audio' ? 'audio/webm; codecs="opus"' : `video/webm; codecs="${codecs}"`;
    this.chain = new Promise(resolve => source.addEventListener('sourceopen', () => {
      if (generation !== this.generation) return resolve();
      this.buffer = source.addSourceBuffer(mime);
      this.buffer.mode = 'segments';
      resolve();
    }, { once: true }));
  }

  /** Queues a segment for appending (once); resolves when it is in the buffer, or was skipped. */
  append(streamId, segment) {
    const key = segment.number;
    if (this.appended.has(key) || (this.rendition === 'audio' && !segment.audioBytes)) return this.chain;
    if (!this.codecs || (this.rendition === 'av' && segment.codecs !== this.codecs)) this.reset(segment.codecs);
    this.appended.add(key);
    const generation = this.generation;
    const bytes = fetch(url(streamId, this.rendition, segment.number)).then(r => (r.ok ? r.arrayBuffer() : null)).catch(() => null);
    this.chain = this.chain.then(async () => {
      const data = await bytes;
      if (!data || generation !== this.generation) return;
      this.#trim();
      this.buffer.timestampOffset = segment.startMillis / 1000;
      await this.#update(() => this.buffer.appendBuffer(data));
    }).catch(error => console.warn('media', error));
    return this.chain;
  }

  /** Whether the moment (seconds) is in what has been appended. */
  buffered(seconds) {
    const ranges = this.video.buffered;
    for (let i = 0; i < ranges.length; i++) if (ranges.start(i) - 0.05 <= seconds && seconds < ranges.end(i)) return true;
    return false;
  }

  get bufferedEnd() {
    const ranges = this.video.buffered;
    return ranges.length ? ranges.end(ranges.length - 1) : 0;
  }

  /** Plays; a browser that will not play sound without a click plays muted, and says so. */
  async play(onMuted) {
    try {
      await this.video.play();
    } catch (error) {
      if (error?.name !== 'NotAllowedError') return;
      this.video.muted = true;
      onMuted?.();
      await this.video.play().catch(() => {});
    }
  }

  #jumpGap() {
    const now = this.video.currentTime;
    if (this.video.seeking || this.buffered(now + 0.05)) return;
    const ranges = this.video.buffered;
    for (let i = 0; i < ranges.length; i++) {
      if (ranges.start(i) > now && ranges.start(i) - now < MAX_GAP_SECONDS) {
        this.video.currentTime = ranges.start(i);
        return;
      }
    }
  }

  // Drops what is long past, so a lesson of hours never fills the buffer.
  #trim() {
    const before = this.video.currentTime - KEEP_BEHIND_SECONDS;
    if (this.video.buffered.length && this.video.buffered.start(0) < before && !this.buffer.updating) {
      return this.#update(() => this.buffer.remove(0, before));
    }
    return Promise.resolve();
  }

  #update(change) {
    return new Promise((resolve, reject) => {
      this.buffer.addEventListener('updateend', resolve, { once: true });
      this.buffer.addEventListener('error', reject, { once: true });
      change();
    });
  }
}

/** The live lesson's picture and sound: joins at the newest segment, appends each new one, stays near the live edge. */
export class LiveMedia {
  constructor(video, { onChange, onMuted, report } = {}) {
    this.player = new SegmentPlayer(video);
    this.video = video;
    this.onChange = onChange ?? (() => {});
    this.onMuted = onMuted;
    this.report = report;
    this.skew = Infinity;
    this.started = false;
    video.addEventListener('timeupdate', () => this.#keepUp());
    this.reporting = setInterval(() => { if (this.delay !== null) this.report?.(this.delay); }, 5000);
  }

  /** Server time now, from the lowest (local - server) difference seen in event times: network delay only adds to it. */
  observe(events) {
    for (const event of events ?? []) this.skew = Math.min(this.skew, Date.now() - Date.parse(event.at));
  }

  /** Seconds the picture is behind the lesson's now; null while nothing plays. */
  get delay() {
    if (!this.started || !this.startedAt || !Number.isFinite(this.skew)) return null;
    return Math.max(0, (Date.now() - this.skew - Date.parse(this.startedAt)) / 1000 - this.video.currentTime);
  }

  /** Shows the snapshot's media (a join or rejoin): starts at the newest segment. */
  show(snapshot) {
    this.startedAt = snapshot.startedAt;
    this.media = snapshot.media;
    const latest = this.media?.segments?.at(-1);
    if (!this.media?.live) {
      this.started = false;
      this.video.pause();
    } else if (!this.started && latest) {
      this.#begin(latest);
    }
    this.onChange(this);
  }

  /** Takes a segment announced live. */
  add(snapshot, segment) {
    this.startedAt = snapshot.startedAt;
    this.media = snapshot.media;
    if (!this.started) this.#begin(segment);
    else this.player.append(this.media.streamId, segment);
    this.onChange(this);
  }

  /** 'av' or 'audio': starts again at the newest segment in the other rendition. */
  setRendition(rendition) {
    this.player.rendition = rendition;
    this.started = false;
    this.player.codecs = null;
    const latest = this.media?.segments?.at(-1);
    if (this.media?.live && latest) this.#begin(latest);
    this.onChange(this);
  }

  async #begin(segment) {
    if (!this.player.canPlay) return;
    this.started = true;
    this.player.reset(segment.codecs);
    await this.player.append(this.media.streamId, segment);
    this.video.currentTime = segment.startMillis / 1000;
    await this.player.play(this.onMuted);
  }

  // More than MAX_BEHIND_SECONDS behind the lesson's now or what is buffered (a stall, a slow link, a busy machine):
  // jump to the newest segment's start, once it is in the buffer.
  #keepUp() {
    const newest = this.media?.segments?.at(-1);
    const start = newest ? newest.startMillis / 1000 : 0;
    const behind = Math.max(this.delay ?? 0, this.player.bufferedEnd - this.video.currentTime);
    if (newest && behind > MAX_BEHIND_SECONDS && start > this.video.currentTime + 0.5 && this.player.buffered(start)) {
      this.video.currentTime = start;
    }
    this.onChange(this);
  }
}

/** The replay's picture and sound, kept on the event playhead: what covers the moment is fetched, the rest follows. */
export class ReplayMedia {
  constructor(video, classroomId, { request }) {
    this.player = new SegmentPlayer(video);
    this.video = video;
    this.path = `/api/lessons/${encodeURIComponent(classroomId)}/replay/media`;
    this.request = request;
    this.segments = [];
    this.streamId = null;
    this.quietUntil = 0;
  }

  /**
   * Puts the picture at the moment (ms) and, when playing, plays from there at the speed; answers whether anything was
   * recorded at that moment. Calls are taken one at a time, the latest winning.
   */
  follow(positionMillis, options) {
    this.wanted = [positionMillis, options];
    this.following ??= (async () => {
      let covered = false;
      try {
        while (this.wanted) {
          const [position, next] = this.wanted;
          this.wanted = null;
          covered = await this.#follow(position, next);
        }
      } finally {
        this.following = null;
      }
      return covered;
    })();
    return this.following;
  }

  async #follow(positionMillis, { playing, speed }) {
    if (!this.player.canPlay) return false;
    const seconds = positionMillis / 1000;
    const due = await this.#segmentsFrom(positionMillis);
    if (due.length === 0) {
      this.video.pause();
      return false;
    }
    const covering = due[0].startMillis <= positionMillis;
    // A seek back to what the buffer already dropped, or far ahead: start a fresh source.
    if (!this.player.codecs || (covering && !this.player.buffered(seconds) && this.player.appended.has(due[0].number))) this.player.reset(due[0].codecs);
    await Promise.all(due.slice(0, 3).map(s => this.player.append(this.streamId, s)));
    this.video.playbackRate = speed;
    // The events' playhead leads: the picture follows it when they drift apart by more than half a second.
    if (Math.abs(this.video.currentTime - seconds) > 0.5 && (this.player.buffered(seconds) || seconds < due[0].startMillis / 1000)) {
      this.video.currentTime = Math.max(seconds, due[0].startMillis / 1000);
    }
    if (playing) await this.player.play();
    else this.video.pause();
    return covering;
  }

  /** The known segments that end after the moment, fetching a page from the server when the known ones run short. */
  async #segmentsFrom(millis) {
    let due = this.segments.filter(s => s.startMillis + s.durationMillis > millis);
    // Past the last segment there is nothing to fetch until a live lesson adds some: ask at most every two seconds.
    if (due.length < 3 && performance.now() >= this.quietUntil) {
      const page = await this.request(`${this.path}?from=${Math.floor(millis)}&max=30`);
      this.streamId = page.streamId;
      const known = new Set(this.segments.map(s => s.number));
      const added = page.segments.filter(s => !known.has(s.number));
      this.segments.push(...added);
      this.segments.sort((a, b) => a.number - b.number);
      this.quietUntil = added.length === 0 && !page.hasMore ? performance.now() + 2000 : 0;
      due = this.segments.filter(s => s.startMillis + s.durationMillis > millis);
    }
    return due;
  }
}
