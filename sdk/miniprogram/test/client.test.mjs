import { test } from 'node:test';
import assert from 'node:assert/strict';
import { harness } from './support/fakes.mjs';

test('reporter: errors at once with the batch before them, the rest in batches by size or interval', () => {
  const batches = [];
  const h = harness({ client: { reporter: { report: (events) => batches.push(events), batchSize: 3, intervalMs: 5000 } } });
  h.client.connect(); // connect
  h.session({ heartbeat: { interval_ms: 1000, timeout_ms: 60000 } }); // open
  assert.equal(batches.length, 0);
  h.transport.last.end(1011, 'boom'); // close: the third event fills the batch
  assert.deepEqual(batches.map((b) => b.map((e) => e.kind)), [['connect', 'open', 'close']]);
  assert.deepEqual(batches[0][2], { kind: 'close', code: 1011, reason: 'boom', sessionId: 's-1', at: h.scheduler.now() });
  h.scheduler.advance(h.seen.state.at(-1).delayMs); // connect
  h.scheduler.advance(4999);
  assert.equal(batches.length, 1);
  h.scheduler.advance(1);
  assert.deepEqual(batches[1].map((e) => e.kind), ['connect'], 'the interval sends a partial batch');
  h.transport.last.open();
  h.transport.last.deliver('not json');
  assert.deepEqual(batches[2].map((e) => [e.kind, e.code]), [['error', 'unreadable_frame']]);
});

test('destroy() leaves no timer, listener or socket behind', () => {
  const off = [];
  const lifecycle = {
    onNetwork: () => () => off.push('network'),
    onAppShow: () => () => off.push('show'),
    onAppHide: () => () => off.push('hide'),
  };
  const h = harness({ client: { lifecycle, reporter: { report: () => {}, intervalMs: 1000 } } });
  h.client.connect();
  const link = h.session();
  h.client.send({ kind: 'user', id: 'bob' }, 'pending');
  h.client.destroy();
  assert.equal(link.closedWith.code, 1000);
  assert.deepEqual(off.sort(), ['hide', 'network', 'show']);
  assert.equal(h.scheduler.nextDelay(), undefined, 'no timer left');
  assert.throws(() => h.client.send({ kind: 'user', id: 'bob' }, 'x'), /destroyed/);
});

test('unknown members and types from the server are ignored (LL-MSG-3)', () => {
  const h = harness();
  h.client.connect();
  const link = h.session({ future: { nested: [1, 2] } });
  const id = h.client.send({ kind: 'user', id: 'bob' }, 'hi');
  link.deliver({ type: 'ack', id, seq: 1, ts: 1, duplicate: false, extra: 'x' });
  link.deliver({ type: 'typing', from: 'bob' });
  assert.equal(h.seen.acked.length, 1);
  assert.deepEqual(h.seen.error, []);
  assert.equal(link.closedWith, null);
});

test('bad arguments are refused with what to give instead', () => {
  const h = harness();
  assert.throws(() => h.client.send({ kind: 'group', id: 'x' }, 'hi'), /kind: "user" \| "room"/);
  assert.throws(() => h.client.send({ kind: 'user', id: 'bob' }, ''), /at least one character/);
  assert.throws(() => h.client.join('has space'), /printable ASCII/);
  assert.throws(() => h.client.send({ kind: 'user', id: 'bob' }, 'x', { id: 'bad id!' }), /1-64 characters/);
});
