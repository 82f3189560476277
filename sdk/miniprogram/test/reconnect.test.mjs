import { test } from 'node:test';
import assert from 'node:assert/strict';
import { authOk, harness } from './support/fakes.mjs';

const failAttempt = (h) => h.transport.last.end(1006, 'refused');

test('backoff: attempt n waits a draw from [delay_n * (1 - jitter), delay_n], growing until auth_ok (LL-RC-2, LL-RC-4)', () => {
  let r = 0;
  const draws = [0, 0.999999, 0.5, 0, 0.999999];
  const h = harness({ client: { random: () => draws[r++ % draws.length] } });
  h.client.connect();
  assert.equal(h.transport.links.length, 1, 'the application\'s connect is made at once');
  h.session();
  h.transport.last.end(1011, 'boom');
  // initial 500, multiplier 2, cap 4000, jitter 0.5: [250,500], [500,1000], [1000,2000], [2000,4000], [2000,4000]
  const expected = [250, 1000, 1500, 2000, 4000];
  for (let n = 0; n < expected.length; n++) {
    const s = h.seen.state.at(-1);
    assert.deepEqual([s.state, s.attempt, s.delayMs], ['reconnecting', n, expected[n]]);
    h.scheduler.advance(expected[n] - 1);
    assert.equal(h.transport.links.length, 1 + n, 'no attempt before the wait is over');
    h.scheduler.advance(1);
    assert.equal(h.transport.links.length, 2 + n);
    assert.deepEqual(h.seen.state.at(-1), { state: 'connecting', attempt: n });
    h.transport.last.open(); // an open socket without auth_ok does not reset n
    failAttempt(h);
  }
  h.scheduler.advance(h.seen.state.at(-1).delayMs);
  h.session();
  h.transport.last.end(1011, 'again');
  assert.equal(h.seen.state.at(-1).attempt, 0, 'auth_ok resets n');
});

test('one attempt at a time: nothing is opened while an attempt is under way (LL-RC-3)', () => {
  const h = harness();
  h.client.connect();
  h.client.connect();
  h.scheduler.advance(120_000);
  assert.ok(h.transport.links[0].closedWith, 'the first attempt was given up before the second was opened');
  assert.equal(h.transport.links.length, 2, 'the first attempt is given up at 60 s, the next opened after its wait');
});

test('close codes marked "no" stop the client until new credentials (LL-RC-6)', () => {
  for (const code of [4001, 4002, 4003, 4007]) {
    const h = harness();
    h.client.connect();
    h.transport.last.open();
    h.transport.last.end(code, 'unauthorized');
    assert.deepEqual(h.seen.state.at(-1), { state: 'closed', cause: 'refused_by_server', code, reason: 'unauthorized' });
    h.scheduler.advance(600_000);
    assert.equal(h.transport.links.length, 1);
    h.client.connect('a-new-token');
    assert.equal(h.transport.links.length, 2, 'a new token: the next connect is made at once');
    h.transport.last.open();
    assert.equal(h.transport.last.frames('auth')[0].token, 'a-new-token');
  }
});

test('an unasked 1000 and unknown codes reconnect; a deliberate close does not (LL-RC-5, LL-CLOSE-3)', () => {
  for (const code of [1000, 3000, 4999, 1011]) {
    const h = harness();
    h.client.connect();
    h.session();
    h.transport.last.end(code, '');
    assert.equal(h.seen.state.at(-1).state, 'reconnecting', 'code ' + code);
  }
  const h = harness();
  h.client.connect();
  const link = h.session();
  h.client.close();
  assert.equal(link.closedWith.code, 1000);
  link.end(1000, 'bye');
  h.scheduler.advance(600_000);
  assert.equal(h.transport.links.length, 1);
  assert.deepEqual(h.seen.state.at(-1), { state: 'closed', cause: 'closed_by_app', code: 1000, reason: 'closed by the application' });
});

test('goaway: the wait is max(retry_after_ms, draw), and the attempt counts in n (LL-RC-7)', () => {
  const h = harness();
  h.client.connect();
  const link = h.session();
  link.deliver({ type: 'goaway', code: 1012, retry_after_ms: 3000 });
  link.end(1012, 'restart');
  assert.equal(h.seen.state.at(-1).delayMs, 3000);
  h.scheduler.advance(3000);
  failAttempt(h);
  assert.deepEqual([h.seen.state.at(-1).attempt, h.seen.state.at(-1).delayMs], [1, 750], 'n = 1 after the hinted attempt: draw 0.5 of [500, 1000]');
  const h2 = harness();
  h2.client.connect();
  h2.session().deliver({ type: 'goaway', code: 4009, retry_after_ms: 100 });
  h2.transport.last.end(4009, 'too many');
  assert.equal(h2.seen.state.at(-1).delayMs, 375, 'a hint below the draw: the draw');
});

test('lifecycle: network back or app shown ends the wait once, counted in n, never before a goaway hint (LL-RC-10)', () => {
  let network;
  let shown;
  const lifecycle = {
    onNetwork: (l) => ((network = l), () => {}),
    onAppShow: (l) => ((shown = l), () => {}),
    onAppHide: () => () => {},
  };
  const h = harness({ client: { lifecycle } });
  h.client.connect();
  h.session();
  h.transport.last.end(1006, '');
  network(false);
  assert.equal(h.transport.links.length, 1);
  h.scheduler.advance(10_000);
  assert.equal(h.transport.links.length, 1, 'offline: the attempt waits for the network');
  network(true);
  assert.equal(h.transport.links.length, 2, 'network back: at once');
  failAttempt(h);
  assert.equal(h.seen.state.at(-1).attempt, 1, 'the early attempt counted');
  shown();
  assert.equal(h.transport.links.length, 3);
  shown();
  assert.equal(h.transport.links.length, 3, 'an attempt is under way: nothing more');
  h.transport.last.open();
  h.transport.last.deliver(authOk({ session_id: 's-2' }));
  shown();
  assert.deepEqual(h.transport.last.frames('ping').length, 1, 'in a session: one probe ping');
  h.transport.last.deliver({ type: 'goaway', code: 1012, retry_after_ms: 5000 });
  h.transport.last.end(1012, '');
  shown();
  assert.equal(h.transport.links.length, 3, 'not before the hint');
  h.scheduler.advance(4999);
  assert.equal(h.transport.links.length, 3);
  h.scheduler.advance(1);
  assert.equal(h.transport.links.length, 4);
});

test('a network-gone report declares the link dead at once (LL-RC-10)', () => {
  let network;
  const lifecycle = { onNetwork: (l) => ((network = l), () => {}), onAppShow: () => () => {}, onAppHide: () => () => {} };
  const h = harness({ client: { lifecycle } });
  h.client.connect();
  const link = h.session();
  network(false);
  assert.equal(link.closedWith.code, 4000);
  assert.equal(h.seen.state.at(-1).state, 'reconnecting');
});

test('maxAttempts: the app can choose to give up; the default never does', () => {
  const h = harness({ client: { maxAttempts: 2 } });
  h.client.connect();
  failAttempt(h);
  h.scheduler.advance(10_000);
  failAttempt(h);
  h.scheduler.advance(10_000);
  failAttempt(h);
  assert.equal(h.seen.state.at(-1).state, 'closed');
  assert.equal(h.seen.state.at(-1).cause, 'gave_up');
  assert.equal(h.seen.state.filter((s) => s.state === 'reconnecting')[0].maxAttempts, 2);
});
