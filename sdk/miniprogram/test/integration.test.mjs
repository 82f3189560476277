// Against the real reference server, on the wx shim: two phones chat; a chat typed offline
// survives the app being killed and is delivered exactly once, with its original id, after the
// relaunch; a half-open link is detected and the client comes back.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { createWx } from './shim/wx.mjs';
import { startServer, token, unavailable, until, user } from './support/server.mjs';

// What a mini program's "build npm" consumes: the CommonJS bundle.
const { createClient, wxTransport, wxStorage, wxLifecycle } = createRequire(import.meta.url)('../dist/index.cjs');
const skip = unavailable() ?? false;
let server;
const dir = mkdtempSync(join(tmpdir(), 'longlink-jssdk-'));

before(async () => {
  if (!skip) server = await startServer();
});
after(async () => {
  await server?.stop();
  rmSync(dir, { recursive: true, force: true });
});

/** A phone running the SDK as a mini program would: everything through its own wx. */
function phone(name, storageFile) {
  const { wx, platform } = createWx({ storageFile });
  const seen = { delivered: [], acked: [], states: [] };
  const client = createClient({
    url: server.url, token: token(name),
    transport: wxTransport(wx), storage: wxStorage(wx), lifecycle: wxLifecycle(wx),
    onDelivery: (d) => void seen.delivered.push(d),
  });
  client.on('acked', (a) => seen.acked.push(a));
  client.on('state', (s) => seen.states.push(s));
  return { client, seen, platform, open: () => until(name + ' open', () => seen.states.at(-1)?.state === 'open') };
}

test('two clients chat through the reference server on the wx shim', { skip }, async () => {
  const alice = user('alice');
  const bob = user('bob');
  const a = phone(alice);
  const b = phone(bob);
  a.client.connect();
  b.client.connect();
  await Promise.all([a.open(), b.open()]);
  const id = a.client.send({ kind: 'user', id: bob }, 'see you at 6 — 六点见');
  await until('bob gets the chat', () => b.seen.delivered.find((d) => d.id === id));
  await until('alice gets the ack', () => a.seen.acked.find((x) => x.id === id));
  b.client.send({ kind: 'user', id: alice }, 'ok');
  await until('alice gets the answer', () => a.seen.delivered.find((d) => d.from === bob && d.body === 'ok'));
  assert.equal(b.seen.delivered[0].body, 'see you at 6 — 六点见');
  assert.equal(b.seen.delivered[0].from, alice);
  a.client.destroy();
  b.client.destroy();
  await until('sockets released', () => a.platform.sockets === 0 && b.platform.sockets === 0);
});

test('a chat sent offline, the app killed and relaunched: delivered exactly once, with its original id', { skip }, async () => {
  const alice = user('alice');
  const bob = user('bob');
  const file = join(dir, alice + '.json');
  const b = phone(bob);
  b.client.connect();
  const first = phone(alice, file);
  first.client.connect();
  await Promise.all([first.open(), b.open()]);
  first.platform.setNetwork(false);
  const id = first.client.send({ kind: 'user', id: bob }, 'typed in the lift');
  assert.equal(first.seen.states.at(-1).state, 'reconnecting');
  first.platform.kill();

  const relaunched = phone(alice, file);
  relaunched.client.connect();
  await until('the relaunched client gets the ack', () => relaunched.seen.acked.find((x) => x.id === id));
  const marker = relaunched.client.send({ kind: 'user', id: bob }, 'marker');
  // One conversation keeps its order: a second copy of the first chat would come before the marker.
  await until('bob gets the marker', () => b.seen.delivered.find((d) => d.id === marker));
  assert.deepEqual(b.seen.delivered.filter((d) => d.id === id).map((d) => d.body), ['typed in the lift']);
  relaunched.client.destroy();
  b.client.destroy();
});

test('a half-open link is declared dead within timeout_ms, closed with 4000, and the client comes back', { skip }, async () => {
  const a = phone(user('alice'));
  a.client.connect();
  await a.open();
  const since = Date.now();
  a.platform.halfOpen();
  const dead = await until('reconnecting', () => a.seen.states.find((s) => s.state === 'reconnecting'), 5000);
  const took = Date.now() - since;
  assert.equal(dead.code, 4000);
  // Fast profile: timeout_ms 1500, no earlier, with 1000 ms of tolerance for a busy machine.
  assert.ok(took >= 1400 && took <= 2500 + 1000, 'declared dead after ' + took + ' ms');
  await until('open again', () => a.seen.states.filter((s) => s.state === 'open').length === 2);
  a.client.destroy();
});

test('the shim is a phone: five sockets, the sixth fails; close codes 1000 and 3000-4999 only; fragmented frames', { skip }, async () => {
  const { wx, platform } = createWx();
  const events = [];
  const tasks = [];
  for (let i = 0; i < 6; i++) {
    const t = wx.connectSocket({ url: server.url, protocols: ['longlink.v1'], fail: (e) => events.push(['fail', i, e.errMsg]) });
    t.onOpen((r) => events.push(['open', i, r.protocol]));
    t.onClose((r) => events.push(['close', i, r.code]));
    t.onMessage((m) => events.push(['message', i, m.data]));
    tasks.push(t);
  }
  await until('five open, one failed', () => events.filter((e) => e[0] === 'open').length === 5 && events.some((e) => e[0] === 'fail'));
  assert.deepEqual(events.find((e) => e[0] === 'fail').slice(0, 2), ['fail', 5]);
  assert.ok(events.filter((e) => e[0] === 'open').every((e) => e[2] === 'longlink.v1'));
  const refused = await new Promise((resolve) => tasks[0].close({ code: 1001, fail: resolve, success: () => resolve(null) }));
  assert.match(refused.errMsg, /1000, or between 3000 and 4999/);
  // A 40 KB auth leaves in three fragments of 16 KB; the server reads it whole and answers 4001 (bad token).
  tasks[1].send({ data: JSON.stringify({ type: 'auth', token: 'x'.repeat(8000), client: { name: 'n', version: '1' }, pad: 'y'.repeat(32000) }) });
  await until('4001 for the fragmented auth', () => events.find((e) => e[0] === 'close' && e[1] === 1 && e[2] === 4001));
  tasks.forEach((t) => t.close({ code: 1000 }));
  await until('all closed', () => platform.sockets === 0);
});
