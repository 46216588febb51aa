// A live lesson as one viewer sees it: joins over the hub, keeps the snapshot up to date from event frames, and after
// a reconnect re-joins with the last seq it saw, so the server sends exactly the events it missed: nothing lost,
// nothing repeated. See docs/protocol.md ("Joining and resuming").
import { connectHub } from './hub.js';
import { applyEvent, normalize } from './fold.js';
import { timeSpanMillis } from './dom.js';

export class LiveLesson {
  constructor(classroomId, { asViewer = false, onChange, onConnection, onError } = {}) {
    this.classroomId = classroomId;
    this.asViewer = asViewer;
    this.onChange = onChange ?? (() => {});
    this.onError = onError ?? (() => {});
    this.snapshot = null;
    this.role = null;
    this.through = null;
    this.joining = null;
    this.early = [];
    this.connection = connectHub({ onState: state => onConnection?.(state) });
    this.connection.on('events', (events, through) => this.#frame(events, through));
    // Fell behind: the server stopped sending after some seq; re-joining from what was applied catches up.
    this.connection.on('resync', classroomId => {
      if (classroomId === this.classroomId) this.#rejoin();
    });
    this.connection.onreconnected(() => this.#rejoin());
    this.connection.onStarted = () => this.#rejoin();
  }

  start() {
    return this.connection.begin();
  }

  /** Joins, or re-joins from the last seq seen. Frames that arrive before the answer wait for it. */
  async join() {
    this.joining = this.#join();
    try {
      await this.joining;
    } finally {
      this.joining = null;
    }
  }

  async #join() {
    const answer = await this.connection.invoke('JoinClassroom', this.classroomId, this.through, this.asViewer);
    this.role = answer.role;
    if (answer.mode === 'snapshot') {
      this.snapshot = normalize(answer.snapshot, timeSpanMillis);
    } else {
      for (const event of answer.events) applyEvent(this.snapshot, event);
    }
    this.through = answer.through;
    const early = this.early;
    this.early = [];
    for (const [events, through] of early) this.#apply(events, through);
    this.onChange(this);
  }

  #frame(events, through) {
    if (this.joining || this.snapshot === null) {
      this.early.push([events, through]);
      return;
    }
    this.#apply(events, through);
    this.onChange(this, events);
  }

  #apply(events, through) {
    for (const event of events) {
      if (event.seq > this.through) applyEvent(this.snapshot, event);
    }
    this.through = Math.max(this.through, through);
  }

  async #rejoin() {
    try {
      await this.join();
    } catch (error) {
      // Refused (the lesson does not exist, has ended…): say so. A connection that dropped again comes back by itself
      // and its 'reconnected' brings us back here.
      if (this.connection.state === signalR.HubConnectionState.Connected) this.onError(error);
    }
  }

  /** Calls a hub method on this lesson: invoke('PostChat', text). */
  invoke(method, ...args) {
    return this.connection.invoke(method, this.classroomId, ...args);
  }
}
