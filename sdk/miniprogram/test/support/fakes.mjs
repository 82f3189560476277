// Fakes for unit tests: a scheduler whose clock moves only when a test says so, and a
// transport whose links the test plays the server on. No real time, no sockets.
import { readFileSync } from 'node:fs';
import Ajv from 'ajv';
import { createClient, memoryStorage } from '../../dist/index.mjs';

// Every frame a client sends in a unit test is checked against its schema (LL-TR-5, LL-MSG-4).
const schemas = new URL('../../../../spec/schemas/', import.meta.url);
const ajv = new Ajv({ allErrors: true, strict: false });
ajv.addFormat('int64', true); // seq and timestamps: ajv checks their range, the format adds nothing
for (const f of ['defs', 'auth', 'chat', 'delivery_ack', 'ping', 'join', 'leave']) ajv.addSchema(JSON.parse(readFileSync(new URL(f + '.json', schemas), 'utf8')));
const SCHEMA = { auth: 'auth', chat: 'chat', ack: 'delivery_ack', ping: 'ping', join: 'join', leave: 'leave' };

function checkFrame(text) {
  const frame = JSON.parse(text);
  const name = SCHEMA[frame.type];
  const validate = name && ajv.getSchema('https://longlink.io/schemas/v1/' + name + '.json');
  if (!validate) throw new Error('the client sent a frame of no client message type: ' + text);
  if (!validate(frame)) throw new Error('the client sent a frame that fails ' + name + '.json: ' + ajv.errorsText(validate.errors) + ': ' + text);
  return frame;
}

export class FakeScheduler {
  constructor(now = 1_763_769_600_000) {
    this.time = now;
    this.tasks = [];
    this.seq = 0;
  }
  now() {
    return this.time;
  }
  schedule(delayMs, task) {
    const t = { at: this.time + Math.max(0, delayMs), task, order: this.seq++, cancelled: false };
    this.tasks.push(t);
    return () => void (t.cancelled = true);
  }
  /** Runs every task due within ms, in time order, moving the clock to each. */
  advance(ms) {
    const end = this.time + ms;
    for (;;) {
      const due = this.tasks.filter((t) => !t.cancelled && t.at <= end).sort((a, b) => a.at - b.at || a.order - b.order)[0];
      if (!due) break;
      due.cancelled = true;
      this.time = due.at;
      due.task();
    }
    this.tasks = this.tasks.filter((t) => !t.cancelled);
    this.time = end;
  }
  /** The delay of the next pending task from now. */
  nextDelay() {
    const live = this.tasks.filter((t) => !t.cancelled).map((t) => t.at - this.time);
    return live.length ? Math.min(...live) : undefined;
  }
}

export class FakeTransport {
  constructor(scheduler) {
    this.scheduler = scheduler;
    this.links = [];
  }
  open(url, events) {
    const link = new FakeLink(url, events, this.scheduler);
    this.links.push(link);
    return link;
  }
  get last() {
    return this.links[this.links.length - 1];
  }
}

class FakeLink {
  constructor(url, events, scheduler) {
    Object.assign(this, { url, events, scheduler, sent: [], closedWith: null, openedAt: scheduler.now() });
  }
  send(text) {
    this.sent.push({ at: this.scheduler.now(), frame: checkFrame(text), text });
  }
  close(code, reason) {
    this.closedWith = { code, reason, at: this.scheduler.now() };
  }
  // The server's side:
  open() {
    this.events.opened();
  }
  deliver(message) {
    this.events.message(typeof message === 'string' ? message : JSON.stringify(message));
  }
  end(code = 1006, reason = '') {
    this.events.closed(code, reason);
  }
  frames(type) {
    return this.sent.map((s) => s.frame).filter((f) => type === undefined || f.type === type);
  }
}

export function authOk(overrides = {}) {
  return {
    type: 'auth_ok', session_id: 's-1', user_id: 'alice', server_time: 1_763_769_600_000,
    heartbeat: { interval_ms: 1000, timeout_ms: 3000 },
    reconnect: { initial_delay_ms: 500, multiplier: 2, max_delay_ms: 4000, jitter: 0.5 },
    limits: { max_message_bytes: 1024, rate_messages: 5, rate_window_ms: 2000, max_connections_per_user: 5, auth_timeout_ms: 1000 },
    delivery: { ack_timeout_ms: 2000, max_pending: 100 },
    dedup_window_ms: 60000, epoch: 'e-1',
    ...overrides,
  };
}

/** A client on fakes, recording every event; random() is fixed unless given. */
export function harness(options = {}) {
  const scheduler = new FakeScheduler();
  const transport = new FakeTransport(scheduler);
  const storage = options.storage ?? memoryStorage();
  const seen = { state: [], acked: [], failed: [], joined: [], left: [], error: [], delivered: [] };
  const client = createClient({
    url: 'ws://127.0.0.1:9/ws', token: 'token-of-alice', scheduler, transport, storage, lifecycle: false,
    random: () => 0.5,
    onDelivery: (d) => void seen.delivered.push(d),
    ...options.client,
  });
  for (const type of ['state', 'acked', 'failed', 'joined', 'left', 'error']) client.on(type, (e) => seen[type].push(e));
  /** Connects, opens, answers auth with auth_ok: the session is up on transport.last. */
  const session = (ok = {}) => {
    const link = transport.last;
    link.open();
    link.deliver(authOk(ok));
    return link;
  };
  return { scheduler, transport, storage, client, seen, session };
}
