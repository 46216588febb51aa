// Drives one lesson through the gateway's hub with the official @microsoft/signalr client:
// a teacher and a student join, the student chats and votes, and the student must receive
// the events in seq order, with tallies but never individual votes.
// Usage: node classroom-client.mjs <gateway base URL> <classroom id>
import assert from "node:assert/strict";
import * as signalR from "@microsoft/signalr";

const [base, classroomId] = process.argv.slice(2);
if (!base || !classroomId) {
  console.error("usage: node classroom-client.mjs <gateway base URL> <classroom id>");
  process.exit(2);
}

async function token(userName, password) {
  const response = await fetch(new URL("/api/accounts/login", base), {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ userName, password }),
  });
  assert.equal(response.status, 200, `login of ${userName} failed`);
  return (await response.json()).accessToken;
}

// A viewer keeps the frames that arrive before its join result, then applies those after the snapshot's seq.
function viewer(accessToken) {
  const connection = new signalR.HubConnectionBuilder()
    .withUrl(new URL("/hubs/classroom", base).href, { accessTokenFactory: () => accessToken, transport: signalR.HttpTransportType.WebSockets })
    .configureLogging(signalR.LogLevel.Warning)
    .build();
  const state = { connection, through: null, early: [], events: [], waiters: [] };
  connection.on("events", (events, through) => {
    if (state.through === null) {
      state.early.push(...events);
      return;
    }
    accept(state, events.filter((e) => e.seq > state.through), through);
  });
  return state;
}

function accept(state, events, through) {
  state.events.push(...events);
  state.through = Math.max(state.through, through);
  for (const waiter of [...state.waiters]) {
    if (waiter.until(state)) {
      state.waiters.splice(state.waiters.indexOf(waiter), 1);
      waiter.resolve();
    }
  }
}

async function join(state) {
  await state.connection.start();
  const joined = await state.connection.invoke("JoinClassroom", classroomId, null, false);
  assert.equal(joined.mode, "snapshot");
  state.through = joined.through;
  const early = state.early.filter((e) => e.seq > joined.through);
  accept(state, early, early.length ? early[early.length - 1].seq : joined.through);
  return joined;
}

function waitFor(state, until, what) {
  if (until(state)) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`timed out waiting for ${what}; got ${state.events.map((e) => e.type).join(", ")}`)), 15000);
    state.waiters.push({ until, resolve: () => { clearTimeout(timer); resolve(); } });
  });
}

const teacher = viewer(await token("teacher", "teacher-demo"));
const student = viewer(await token("student1", "student-demo"));
try {
  const teacherJoin = await join(teacher);
  assert.equal(teacherJoin.role, "teacher");
  await teacher.connection.invoke("StartLesson", classroomId);
  const studentJoin = await join(student);
  assert.equal(studentJoin.role, "student");

  const message = await student.connection.invoke("PostChat", classroomId, "hello from node");
  assert.equal(message.text, "hello from node");
  const pollId = await teacher.connection.invoke("CreatePoll", classroomId, { question: "x + 1 = 3?", options: ["1", "2"] });
  await student.connection.invoke("Vote", classroomId, pollId, [1]);
  await teacher.connection.invoke("ClosePoll", classroomId, pollId);

  await waitFor(student, (s) => s.events.some((e) => e.type === "poll.closed"), "poll.closed");
  const seqs = student.events.map((e) => e.seq);
  assert.deepEqual(seqs, [...seqs].sort((a, b) => a - b), "events out of order");
  assert.equal(new Set(seqs).size, seqs.length, "duplicate events");
  assert.ok(seqs.every((s) => s > studentJoin.through), "an event the snapshot already covered");
  const types = student.events.map((e) => e.type);
  assert.ok(types.includes("chat.posted"), "no chat.posted");
  assert.ok(types.includes("poll.opened"), "no poll.opened");
  assert.ok(!types.includes("poll.vote"), "a student saw an individual vote");
  const closed = student.events.find((e) => e.type === "poll.closed");
  assert.deepEqual(closed.data.counts, [0, 1]);
  console.log(`ok: ${student.events.length} events in order: ${types.join(", ")}`);
} finally {
  await Promise.allSettled([teacher.connection.stop(), student.connection.stop()]);
}
