import { test } from 'node:test';
import assert from 'node:assert/strict';
import { memoryStorage } from '../dist/index.mjs';
import { harness } from './support/fakes.mjs';

const chat = (seq, from = 'bob', id = 'm' + seq, extra = {}) => ({ type: 'chat', id, seq, from, to: { kind: 'user', id: 'alice' }, body: 'b' + seq, ts: 1, redelivered: false, ...extra });
const acks = (link) => link.frames('ack').map((f) => f.seq);

test('each (from, id) handed over once; every copy acked after processing (LL-DD-6, LL-DLV-1)', () => {
  const h = harness();
  h.client.connect();
  const link = h.session();
  link.deliver(chat(50, 'alice', 'm1'));
  link.deliver(chat(50, 'alice', 'm1', { redelivered: true }));
  link.deliver(chat(51, 'alice', 'm1'));
  link.deliver(chat(52, 'bob', 'm1'));
  assert.deepEqual(h.seen.delivered.map((d) => [d.from, d.id, d.seq]), [['alice', 'm1', 50], ['bob', 'm1', 52]]);
  assert.deepEqual(acks(link), [50, 50, 51, 52]);
});

test('async handler: acked when its promise resolves, repeats meanwhile wait for it; a failure is not acked', async () => {
  const pending = [];
  const h = harness({ client: { onDelivery: (d) => new Promise((resolve, reject) => pending.push({ d, resolve, reject })) } });
  h.client.connect();
  const link = h.session();
  link.deliver(chat(5));
  link.deliver(chat(5, 'bob', 'm5', { redelivered: true }));
  assert.deepEqual(acks(link), [], 'not acked before processing');
  pending[0].resolve();
  await Promise.resolve();
  assert.deepEqual(acks(link), [5, 5]);
  link.deliver(chat(6));
  pending[1].reject(new Error('disk full'));
  await Promise.resolve();
  await Promise.resolve();
  assert.deepEqual(acks(link), [5, 5]);
  assert.equal(h.seen.error.at(-1).code, 'handler_failed');
  link.deliver(chat(6, 'bob', 'm6', { redelivered: true }));
  assert.equal(pending.length, 3, 'a failed delivery is handed over again when it comes again');
});

test('honest last_seq with its epoch: never above an unprocessed seq (LL-DLV-11, LL-DLV-14)', async () => {
  const waiting = new Map();
  const h = harness({ client: { onDelivery: (d) => new Promise((resolve) => waiting.set(d.seq, resolve)) } });
  h.client.connect();
  let link = h.session({ epoch: 'e-1' });
  for (const seq of [50, 57, 63]) link.deliver(chat(seq));
  waiting.get(50)();
  waiting.get(63)();
  await Promise.resolve();
  link.end(1006, '');
  h.scheduler.advance(1000);
  h.transport.last.open();
  const auth = h.transport.last.frames('auth')[0];
  assert.deepEqual([auth.last_seq, auth.epoch], [56, 'e-1']);
  h.transport.last.deliver({ ...authOkOf(h), epoch: 'e-2' });
  link = h.transport.last;
  link.deliver(chat(1, 'carol', 'c1'));
  waiting.get(1)();
  await Promise.resolve();
  link.end(1006, '');
  h.scheduler.advance(1000);
  h.transport.last.open();
  const third = h.transport.last.frames('auth')[0];
  assert.deepEqual([third.last_seq, third.epoch], [1, 'e-2'], 'a new epoch counts from nothing');
});

test('no last_seq without an epoch, and none before anything was processed', () => {
  const h = harness();
  h.client.connect();
  h.transport.last.open();
  assert.deepEqual(Object.keys(h.transport.last.frames('auth')[0]).sort(), ['client', 'token', 'type']);
});

test('processed pairs and the resume point outlive the client; at least 1000 pairs are kept (LL-DD-6)', () => {
  const storage = memoryStorage();
  const first = harness({ storage });
  first.client.connect();
  const link = first.session();
  for (let seq = 1; seq <= 1050; seq++) link.deliver(chat(seq));
  first.client.abandon();
  const second = harness({ storage });
  second.client.connect();
  second.transport.last.open();
  assert.equal(second.transport.last.frames('auth')[0].last_seq, 1050);
  second.transport.last.deliver(authOkOf(second));
  for (let seq = 51; seq <= 1050; seq++) second.transport.last.deliver(chat(seq, 'bob', 'm' + seq, { redelivered: true }));
  assert.equal(second.seen.delivered.length, 0, 'the latest 1000 pairs are remembered across the restart');
  assert.equal(acks(second.transport.last).length, 1000, 'and every repeat is acked');
});

function authOkOf() {
  return { type: 'auth_ok', session_id: 's-x', user_id: 'alice', server_time: 0, heartbeat: { interval_ms: 1000, timeout_ms: 3000 }, reconnect: { initial_delay_ms: 500, multiplier: 2, max_delay_ms: 4000, jitter: 0.5 }, limits: { max_message_bytes: 1024, rate_messages: 5, rate_window_ms: 2000 }, delivery: { ack_timeout_ms: 2000 }, dedup_window_ms: 60000, epoch: 'e-1' };
}

test('an auth_ok without epoch (a 1.0 server) still opens a session; last_seq is then never sent (LL-DLV-14)', () => {
  const h = harness();
  h.client.connect();
  h.transport.last.open();
  const { epoch, ...ok } = authOkOf();
  void epoch;
  h.transport.last.deliver(ok);
  assert.equal(h.seen.state.at(-1).state, 'open');
  h.transport.last.deliver(chat(9));
  h.transport.last.end(1006, '');
  h.scheduler.advance(1000);
  h.transport.last.open();
  assert.equal(h.transport.last.frames('auth')[0].last_seq, undefined);
});
