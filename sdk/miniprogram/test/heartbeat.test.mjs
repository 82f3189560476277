import { test } from 'node:test';
import assert from 'node:assert/strict';
import { authOk, harness } from './support/fakes.mjs';

test('auth is the first frame, with the library name and version (LL-AUTH-1, LL-AUTH-13)', () => {
  const h = harness();
  h.client.send({ kind: 'user', id: 'bob' }, 'early');
  h.client.connect();
  h.transport.last.open();
  const frames = h.transport.last.frames();
  assert.deepEqual(frames, [{ type: 'auth', token: 'token-of-alice', client: { name: 'longlink-miniprogram', version: '1.1.0' } }]);
  h.transport.last.deliver(authOk());
  assert.equal(h.transport.last.frames('chat').length, 1, 'the chat leaves after auth_ok');
});

test('pings when quiet for interval_ms, on the latest auth_ok\'s interval (LL-HB-1, LL-PAR-2)', () => {
  const h = harness();
  h.client.connect();
  const link = h.session();
  h.scheduler.advance(999);
  assert.equal(link.frames('ping').length, 0);
  h.scheduler.advance(1);
  assert.equal(link.frames('ping').length, 1);
  link.deliver({ type: 'pong', id: 'p-1', ts: 1 });
  h.scheduler.advance(500);
  h.client.send({ kind: 'user', id: 'bob' }, 'hi');
  h.scheduler.advance(999);
  assert.equal(link.frames('ping').length, 1, 'a chat sent is a frame: the next ping counts from it');
  h.scheduler.advance(1);
  assert.equal(link.frames('ping').length, 2);
});

test('a silent link is declared dead at timeout_ms with 4000, then reconnects (LL-HB-5, LL-HB-6, LL-HB-7)', () => {
  const h = harness();
  h.client.connect();
  const link = h.session();
  h.scheduler.advance(2000);
  link.deliver({ type: 'pong', ts: 1 });
  h.scheduler.advance(2999);
  assert.equal(link.closedWith, null, 'any frame restarts the silence clock');
  h.scheduler.advance(1);
  assert.equal(link.closedWith.code, 4000);
  const state = h.seen.state.at(-1);
  assert.equal(state.state, 'reconnecting');
  assert.equal(state.code, 4000);
  assert.equal(state.attempt, 0);
});

test('an attempt without auth_ok is given up at the default timeout, from the start of opening (LL-HB-8)', () => {
  const h = harness();
  h.client.connect();
  h.transport.last.open();
  h.scheduler.advance(59_999);
  assert.equal(h.transport.last.closedWith, null);
  h.scheduler.advance(1);
  assert.ok(h.transport.last.closedWith, 'given up after 60000 ms although no close or error fired');
  assert.equal(h.seen.state.at(-1).state, 'reconnecting');
});

test('after a session, the connect deadline is the session\'s timeout_ms, and counts no frame but auth_ok', () => {
  const h = harness();
  h.client.connect();
  h.session();
  h.transport.last.end(1011, 'boom');
  h.scheduler.advance(h.seen.state.at(-1).delayMs);
  const next = h.transport.last;
  next.open();
  next.deliver({ type: 'pong', ts: 1 });
  h.scheduler.advance(2999);
  assert.equal(next.closedWith, null);
  h.scheduler.advance(1);
  assert.ok(next.closedWith);
});

test('no ping before auth_ok, and a pong alone does not keep an attempt alive', () => {
  const h = harness();
  h.client.connect();
  h.transport.last.open();
  h.scheduler.advance(30_000);
  assert.deepEqual(h.transport.last.frames().map((f) => f.type), ['auth']);
});
