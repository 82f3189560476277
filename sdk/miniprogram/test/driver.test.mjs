// The driver of DRIVER.md on the SDK, run as the kit runs it, against the reference server.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { DriverProcess, noWebSocket } from './support/driver-process.mjs';
import { startServer, token, unavailable, user } from './support/server.mjs';

const skip = unavailable() ?? false;
let server;
const drivers = [];
before(async () => {
  if (!skip) server = await startServer();
});
after(async () => {
  drivers.forEach((d) => d.child.kill());
  await server?.stop();
});

function driver(runtime) {
  const d = new DriverProcess(runtime);
  drivers.push(d);
  return d;
}

async function connected(d, name, extra = {}) {
  await d.next('ready', (e) => e.type === 'ready');
  assert.equal((await d.command({ type: 'connect', cid: 'c-' + name, url: server.url, token: token(name), ...extra })).type, 'done');
  await d.next(name + ' open', (e) => e.type === 'state' && e.state === 'open');
}

const clean = (d) => assert.deepEqual(d.problems, [], 'contract problems');

test('ready, connect, send and acked, delivered and processed, close and shutdown (DRIVER.md §8)', { skip }, async () => {
  const alice = user('alice');
  const bob = user('bob');
  const a = driver('wx');
  const b = driver('wx');
  await Promise.all([connected(a, alice), connected(b, bob)]);
  assert.deepEqual(a.events[0].supports, ['choose_id', 'stored_state', 'manual_ack', 'network', 'app', 'signing']);
  const done = await a.command({ type: 'send', cid: 's1', id: 'm-1', to: { kind: 'user', id: bob }, body: 'hi bob' });
  assert.equal(done.id, 'm-1');
  const acked = await a.next('acked', (e) => e.type === 'acked');
  assert.deepEqual([acked.cid, acked.id, acked.duplicate], ['s1', 'm-1', false]);
  const delivered = await b.next('delivered', (e) => e.type === 'delivered');
  assert.deepEqual([delivered.id, delivered.from, delivered.body], ['m-1', alice, 'hi bob']);
  await b.next('processed', (e) => e.type === 'processed' && e.seq === delivered.seq);
  const chosen = await a.command({ type: 'send', cid: 's2', to: { kind: 'user', id: bob }, body: 'id by the library' });
  assert.match(chosen.id, /^[A-Za-z0-9._:-]{1,64}$/);
  await a.command({ type: 'close', cid: 'x1' });
  const closed = await a.next('closed', (e) => e.type === 'state' && e.state === 'closed');
  assert.equal(closed.code, 1000);
  assert.equal(await a.shutdown(), 0);
  assert.equal(await b.shutdown(), 0);
  clean(a);
  clean(b);
});

test('manual acks: processed only when the kit says so, join answered (feature manual_ack)', { skip }, async () => {
  const alice = user('alice');
  const bob = user('bob');
  const a = driver('wx');
  const b = driver('wx');
  await Promise.all([connected(a, alice), connected(b, bob)]);
  await b.command({ type: 'ack_policy', cid: 'p1', mode: 'manual' });
  await a.command({ type: 'send', cid: 's1', to: { kind: 'user', id: bob }, body: 'process me' });
  const delivered = await b.next('delivered', (e) => e.type === 'delivered');
  assert.equal((await b.command({ type: 'ack', cid: 'k0', seq: delivered.seq + 1000 })).code, 'bad_command');
  assert.equal(b.events.some((e) => e.type === 'processed'), false);
  await b.command({ type: 'ack', cid: 'k1', seq: delivered.seq });
  await b.next('processed', (e) => e.type === 'processed' && e.seq === delivered.seq);
  await a.command({ type: 'join', cid: 'j1', room: 'lobby-' + alice, id: 'j-1' });
  const joined = await a.next('joined', (e) => e.type === 'joined');
  assert.deepEqual([joined.cid, joined.id], ['j1', 'j-1']);
  await Promise.all([a.shutdown(), b.shutdown()]);
  clean(a);
  clean(b);
});

test('a restarted client sends its stored outbox with the stored ids (feature stored_state)', { skip }, async () => {
  const alice = user('alice');
  const bob = user('bob');
  const b = driver('wx');
  await connected(b, bob);
  const a = driver('wx');
  await connected(a, alice, { state: { last_seq: 0, outbox: [{ id: 'm-20', to: { kind: 'user', id: bob }, body: 'still there?' }] } });
  const acked = await a.next('acked m-20', (e) => e.type === 'acked' && e.id === 'm-20');
  assert.equal(acked.duplicate, false);
  await b.next('delivered m-20', (e) => e.type === 'delivered' && e.id === 'm-20');
  await Promise.all([a.shutdown(), b.shutdown()]);
  clean(a);
  clean(b);
});

test('network gone and back: reconnecting, then a new session (feature network); insecure URL refused; bad commands', { skip }, async () => {
  const a = driver('wx');
  await connected(a, user('alice'));
  await a.command({ type: 'network', cid: 'n1', online: false });
  const dead = await a.next('reconnecting', (e) => e.type === 'state' && e.state === 'reconnecting');
  assert.equal(dead.code, 4000);
  await a.command({ type: 'network', cid: 'n2', online: true });
  await a.next('open again', (e) => e.type === 'state' && e.state === 'open' && e.at > dead.at);
  await a.command({ type: 'app', cid: 'a1', state: 'background' });
  await a.command({ type: 'app', cid: 'a2', state: 'foreground' });
  const b = driver('wx');
  await b.next('ready', (e) => e.type === 'ready');
  const refused = await b.command({ type: 'connect', cid: 'i1', url: 'ws://longlink.invalid:9/ws', token: 'tok-0123456789' });
  assert.equal(refused.code, 'insecure_url');
  assert.equal(b.events.some((e) => e.type === 'state' && e.state === 'connecting'), false);
  assert.equal((await b.command({ type: 'send', cid: 'x1', to: { kind: 'user', id: 'u' }, body: 'b' })).type, 'done', 'a client exists, stopped: the chat is queued');
  const big = await b.command({ type: 'send', cid: 'x3', to: { kind: 'user', id: 'u' }, body: 'x'.repeat(70000) });
  const failed = await b.next('too_large', (e) => e.type === 'failed' && e.id === big.id);
  assert.deepEqual([failed.cid, failed.code], ['x3', 'too_large']);
  assert.ok(b.events.indexOf(failed) > b.events.findIndex((e) => e.cid === 'x3' && e.type === 'done'), 'done comes first');
  b.child.stdin.write('{"type":"bogus","cid":"x2"}\n');
  assert.equal((await b.next('bogus', (e) => e.cid === 'x2')).code, 'bad_command');
  b.child.stdin.end();
  assert.equal(await b.exited, 0, 'the end of standard input ends the driver');
  await a.shutdown();
  clean(a);
  clean(b);
});


test('--runtime websocket: connect and a chat to oneself', { skip: skip || noWebSocket || false }, async () => {
  const alice = user('alice');
  const a = driver('websocket');
  await connected(a, alice);
  await a.command({ type: 'send', cid: 's1', id: 'self-1', to: { kind: 'user', id: alice }, body: 'note to self' });
  await a.next('delivered', (e) => e.type === 'delivered' && e.id === 'self-1');
  assert.equal(await a.shutdown(), 0);
  clean(a);
});

test('--runtime websocket says why it cannot run on a Node without WebSocket', { skip: !noWebSocket && 'this Node has WebSocket (maybe behind --experimental-websocket)' }, async () => {
  const d = new DriverProcess('websocket');
  assert.equal(await d.exited, 2);
  assert.match(d.stderr, /needs the standard WebSocket of Node 22/);
});
