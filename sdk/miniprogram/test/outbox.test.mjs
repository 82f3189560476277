import { test } from 'node:test';
import assert from 'node:assert/strict';
import { memoryStorage } from '../dist/index.mjs';
import { harness } from './support/fakes.mjs';

const bob = { kind: 'user', id: 'bob' };
const ids = (link, types = ['chat', 'join', 'leave']) => link.frames().filter((f) => types.includes(f.type)).map((f) => f.id);

test('queued offline, flushed after auth_ok with original ids, in order, joins and leaves among the chats (LL-RC-8, LL-RC-9)', () => {
  const h = harness();
  h.client.connect();
  let link = h.session();
  const c1 = h.client.send(bob, 'one');
  link.end(1006, '');
  const j = h.client.join('lobby', { id: 'j-1' });
  const c2 = h.client.send({ kind: 'room', id: 'lobby' }, 'two');
  const l = h.client.leave('lobby', { id: 'l-1' });
  h.scheduler.advance(1000);
  link = h.session({ session_id: 's-2' });
  assert.deepEqual(ids(link), [c1, j, c2, l]);
  link.deliver({ type: 'ack', id: c1, seq: 7, ts: 1, duplicate: true });
  link.deliver({ type: 'joined', id: 'j-1', room: 'lobby' });
  link.end(1006, '');
  h.scheduler.advance(1000);
  link = h.session({ session_id: 's-3' });
  h.scheduler.advance(2200); // the pacer still counts the five sent 1 s ago
  assert.deepEqual(ids(link), [c2, l], 'settled ones are not sent again; the rest again, with their ids');
  assert.deepEqual(h.seen.acked.map((a) => [a.id, a.seq, a.duplicate]), [[c1, 7, true]]);
  assert.deepEqual(h.seen.joined, [{ id: 'j-1', room: 'lobby' }]);
});

test('§17: resent codes go again after retry_after_ms (initial_delay_ms without), the others settle as failed (LL-CHAT-8, LL-ERRC-1)', () => {
  const h = harness();
  h.client.connect();
  const link = h.session();
  const a = h.client.send(bob, 'a', { id: 'a' });
  const b = h.client.send(bob, 'b', { id: 'b' });
  const c = h.client.send(bob, 'c', { id: 'c' });
  link.deliver({ type: 'error', code: 'rate_limited', message: 'slow down', ref: a, retry_after_ms: 800 });
  link.deliver({ type: 'error', code: 'unavailable', message: 'store down', ref: b });
  link.deliver({ type: 'error', code: 'x_unknown_refusal', message: 'no', ref: c });
  h.scheduler.advance(499);
  assert.deepEqual(ids(link), ['a', 'b', 'c']);
  h.scheduler.advance(1);
  assert.deepEqual(ids(link), ['a', 'b', 'c', 'b'], 'unavailable without a hint: initial_delay_ms 500');
  h.scheduler.advance(300);
  assert.deepEqual(ids(link), ['a', 'b', 'c', 'b', 'a']);
  assert.deepEqual(h.seen.failed.map((f) => [f.id, f.code]), [['c', 'x_unknown_refusal']]);
  for (const code of ['invalid_message', 'not_member', 'bad_signature', 'stale_message', 'unknown_type']) {
    const id = h.client.send(bob, code);
    link.deliver({ type: 'error', code, message: 'x', ref: id });
    assert.deepEqual(h.seen.failed.at(-1), { id, kind: 'chat', code, reason: 'x' });
  }
});

test('too large in UTF-8 bytes: failed, never sent (LL-LIM-8)', () => {
  const h = harness();
  h.client.connect();
  const link = h.session();
  const body = '世'.repeat(320); // 960 bytes of UTF-8, 320 UTF-16 units: over 1024 with the envelope
  const id = h.client.send(bob, body);
  assert.deepEqual(h.seen.failed.map((f) => [f.id, f.code]), [[id, 'too_large']]);
  assert.equal(link.frames('chat').length, 0);
  h.client.send(bob, 'x'.repeat(900));
  assert.equal(link.frames('chat').length, 1, 'ASCII of the same length fits');
});

test('paced: at most rate_messages in any 1.1 x rate_window_ms (LL-LIM-8, LL-LIM-13)', () => {
  const h = harness();
  h.client.connect();
  const link = h.session({ heartbeat: { interval_ms: 1000, timeout_ms: 60000 } });
  for (let i = 0; i < 20; i++) h.client.send(bob, 'm' + i);
  h.scheduler.advance(10_000);
  const times = link.sent.filter((s) => s.frame.type === 'chat').map((s) => s.at);
  assert.equal(times.length, 20);
  for (let i = 5; i < times.length; i++) assert.ok(times[i] - times[i - 5] >= 2200, 'chat ' + i + ' at +' + (times[i] - times[i - 5]));
  assert.deepEqual(h.seen.failed, []);
});

test('not confirmed once the dedup window of the first send is over (LL-DD-7)', () => {
  const h = harness();
  h.client.connect();
  let link = h.session({ dedup_window_ms: 5000 });
  const id = h.client.send(bob, 'lost ack');
  link.end(1006, '');
  h.scheduler.advance(6000);
  for (let i = 0; i < 3 && h.transport.last === link; i++) h.scheduler.advance(5000);
  link = h.session({ dedup_window_ms: 5000 });
  assert.deepEqual(link.frames('chat'), []);
  assert.deepEqual(h.seen.failed.map((f) => [f.id, f.code]), [[id, 'not_confirmed']]);
});

test('signing: every copy has a fresh ts on the server\'s clock and its own sig; no key: no chat, failed and a config error (LL-SEC-6/7/8)', () => {
  const key = 'bG9uZ2xpbmstdGVzdC1rZXktMDAwMDAwMDAwMDAwMDA';
  const h = harness({ client: { signingKey: key } });
  h.client.connect();
  const signing = { alg: 'HMAC-SHA256', replay_window_ms: 60000 };
  let link = h.session({ signing, server_time: h.scheduler.now() + 300_000 });
  h.client.send(bob, 'hi bob', { id: 'm-1' });
  const first = link.frames('chat')[0];
  assert.equal(first.ts, h.scheduler.now() + 300_000);
  assert.match(first.sig, /^[A-Za-z0-9_-]{43}$/);
  link.end(1006, '');
  h.scheduler.advance(1000);
  link = h.session({ signing, server_time: h.scheduler.now() + 300_000 });
  const again = link.frames('chat')[0];
  assert.equal(again.id, 'm-1');
  assert.equal(again.ts, first.ts + 1000);
  assert.notEqual(again.sig, first.sig);

  const n = harness();
  n.client.send(bob, 'queued');
  n.client.connect();
  const l2 = n.session({ signing });
  n.client.send(bob, 'later');
  assert.equal(l2.frames('chat').length, 0);
  assert.deepEqual(n.seen.failed.map((f) => f.code), ['no_signing_key', 'no_signing_key']);
  assert.deepEqual(n.seen.error.map((e) => e.code), ['no_signing_key']);
  n.scheduler.advance(1000);
  assert.equal(l2.frames('ping').length, 1);
  assert.equal(l2.closedWith, null, 'the session stays: receiving needs no key');
});

test('the outbox outlives the client: a new one on the same storage sends the chat once, with its id', () => {
  const storage = memoryStorage();
  const first = harness({ storage });
  const id = first.client.send(bob, 'typed offline');
  first.client.abandon();
  const second = harness({ storage });
  second.client.connect();
  const link = second.session();
  assert.deepEqual(link.frames('chat').map((f) => [f.id, f.body]), [[id, 'typed offline']]);
  link.deliver({ type: 'ack', id, seq: 3, ts: 1, duplicate: false });
  const third = harness({ storage });
  third.client.connect();
  assert.deepEqual(third.session().frames('chat'), [], 'acked: gone from storage');
});

test('ws:// outside loopback is refused with a configuration error, and no socket (LL-SEC-1, LL-SEC-2)', () => {
  const h = harness({ client: { url: 'ws://longlink.invalid:9/ws' } });
  h.client.connect();
  assert.equal(h.transport.links.length, 0);
  assert.equal(h.seen.error[0].code, 'insecure_url');
  assert.equal(h.seen.state.at(-1).cause, 'configuration');
  for (const url of ['ws://localhost:9/ws', 'ws://LOCALHOST:9/', 'ws://127.1.2.3:9/', 'ws://[::1]:9/', 'wss://chat.example.com/ws']) {
    const ok = harness({ client: { url } });
    ok.client.connect();
    assert.equal(ok.transport.links.length, 1, url);
  }
  const t = harness({ client: { url: 'wss://x.example/ws?t=token-of-alice' } });
  t.client.connect();
  assert.equal(t.transport.links.length, 0);
});

