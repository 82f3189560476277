#!/usr/bin/env node
// The conformance driver of @longlink/miniprogram (spec/DRIVER.md): commands as JSON lines on
// standard input, events as JSON lines on standard output, logs on standard error.
//
//   node driver/driver.js --runtime wx          the SDK's CommonJS bundle under the wx shim, as a mini program runs it
//   node driver/driver.js --runtime websocket   Node's own standard WebSocket (Node 22+; on Node 20.10+ run
//                                               node --experimental-websocket driver/driver.js --runtime websocket)
//   node driver/driver.js --runtime ws          the standard WebSocket API of the ws package (a dev dependency),
//                                               which delivers every message that comes before the close, as
//                                               browsers do and Node's own WebSocket does not (README)
'use strict';
const path = require('node:path');
const readline = require('node:readline');
const { pathToFileURL } = require('node:url');

const lines = process.stdout;
// Standard output carries events only.
console.log = console.error;

function usage(problem) {
  process.stderr.write('longlink driver: ' + problem + '\n');
  process.exit(2);
}

const args = process.argv.slice(2);
const at = args.indexOf('--runtime');
const runtime = at >= 0 ? args[at + 1] : 'wx';
if (!['wx', 'websocket', 'ws'].includes(runtime) || args.some((a, i) => a !== '--runtime' && i !== at + 1)) {
  usage('the arguments are --runtime wx (default), --runtime websocket or --runtime ws; got ' + args.join(' '));
}
if (runtime === 'ws') {
  try {
    // The SDK finds it where it finds a browser's: as the global WebSocket.
    const WS = require('ws');
    // Without permessage-deflate: ws, like Node's own WebSocket, can lose a compressed message that
    // arrives together with the close (its inflate is asynchronous); measured on LL-RC-10's goaway
    // scenario, 6-7 runs in 8-12 lost the goaway with compression, none of 8 without. No client
    // code can see a message its runtime drops, so the check measures the SDK, not that defect.
    globalThis.WebSocket = class extends WS {
      constructor(url, protocols, options) { super(url, protocols, { perMessageDeflate: false, ...options }); }
    };
  } catch (e) {
    usage('--runtime ws needs the ws package: run npm ci in ' + path.join(__dirname, '..') + ' (' + e.message + ')');
  }
}
if (runtime === 'websocket' && typeof globalThis.WebSocket !== 'function') {
  const flag = process.allowedNodeEnvironmentFlags.has('--experimental-websocket')
    ? 'run node --experimental-websocket ' + path.relative(process.cwd(), __filename) + ' --runtime websocket, or use --runtime wx'
    : 'use --runtime wx here';
  usage('--runtime websocket needs the standard WebSocket of Node 22 or later; this is Node ' + process.versions.node + ': ' + flag + '.');
}

async function main() {
  const { platform } = runtime === 'wx' ? await installWx() : { platform: null };
  // Loaded after wx exists, as in a mini program: the SDK then defaults to wx's socket, storage and events.
  const sdk = require(path.join(__dirname, '../dist/index.cjs'));
  // Off wx, the app and network events come from the driver's commands.
  const lifecycle = runtime === 'wx' ? undefined : manualLifecycle();
  const storage = runtime === 'wx' ? undefined : sdk.memoryStorage();
  const driver = new Driver(sdk, { platform, lifecycle, storage });
  write({ type: 'ready', contract: 1, client: { name: sdk.LIBRARY_NAME, version: sdk.LIBRARY_VERSION }, supports: ['choose_id', 'stored_state', 'manual_ack', 'network', 'app', 'signing'] });
  const input = readline.createInterface({ input: process.stdin });
  input.on('line', (line) => line.trim() && driver.handle(line));
  // End of input: end the client without a close frame, as when the app is killed (DRIVER.md §2).
  input.on('close', () => driver.exit());
}

async function installWx() {
  const { createWx } = await import(pathToFileURL(path.join(__dirname, '../test/shim/wx.mjs')).href);
  const phone = createWx();
  globalThis.wx = phone.wx;
  return phone;
}

/** For --runtime websocket and ws: the platform events the network and app commands make. */
function manualLifecycle() {
  const network = new Set();
  const show = new Set();
  const sub = (set) => (l) => (set.add(l), () => set.delete(l));
  return { onNetwork: sub(network), onAppShow: sub(show), onAppHide: () => () => {}, network, show };
}

function write(event) {
  lines.write(JSON.stringify(event) + '\n');
}

const clip = (text, n) => (text.length > n ? text.slice(0, n - 1) + '…' : text);
const ID = /^[A-Za-z0-9._:-]{1,64}$/;

class Driver {
  constructor(sdk, env) {
    this.sdk = sdk;
    this.env = env;
    this.client = null;
    this.url = null;
    this.cids = new Map();
    this.manual = false;
    this.delayMs = 0;
    this.waiting = new Map();
    this.storage = env.storage ?? (env.platform ? this.sdk.wxStorage(globalThis.wx) : undefined);
  }

  handle(line) {
    let c;
    try {
      c = JSON.parse(line);
    } catch (e) {
      return write({ type: 'log', level: 'error', message: 'ignored a line that is not JSON: ' + e.message });
    }
    if (typeof c !== 'object' || c === null || typeof c.cid !== 'string' || !ID.test(c.cid)) {
      return write({ type: 'log', level: 'error', message: clip('ignored a command without a valid cid (1-64 characters from A-Z a-z 0-9 . _ : -): ' + line, 4096) });
    }
    const handler = COMMANDS[c.type];
    if (!handler) {
      return this.error(c.cid, 'bad_command', 'unknown command type ' + JSON.stringify(c.type) + '; DRIVER.md §4 lists connect, send, join, leave, ack_policy, ack, close, network, app, shutdown');
    }
    try {
      handler.call(this, c);
    } catch (e) {
      this.error(c.cid, 'bad_command', c.type + ': ' + (e && e.message ? e.message : String(e)));
    }
  }

  error(cid, code, message) {
    const e = { type: 'error', code, message: clip(message, 4096) };
    if (cid) e.cid = cid;
    write(e);
  }

  exit() {
    if (this.client) this.client.abandon();
    lines.write('', () => process.exit(0));
  }

  connect(c) {
    if (typeof c.url !== 'string' || typeof c.token !== 'string' || !c.token) throw new Error('url and token are required strings');
    if (this.client && c.url === this.url) {
      // The application's next try on the same server: a new token ends a refusal (LL-RC-6).
      const held = this.hold(() => this.client.connect(c.token));
      return this.result(c.cid, held);
    }
    if (this.client) this.client.destroy();
    if (c.state) {
      if (this.client) throw new Error('state: a stored state is for a restarted client, given in its first connect only');
      this.sdk.writeStoredState(this.storage, c.state);
    }
    this.url = c.url;
    this.client = this.build(c);
    const client = this.client;
    this.result(c.cid, this.hold(() => client.connect()));
  }

  /** Runs fn with the client's events held back, so that the command's result is the first line about it. */
  hold(fn) {
    const held = (this.held = []);
    try {
      fn();
    } finally {
      this.held = null;
    }
    return held;
  }

  result(cid, held) {
    const insecure = held.find((e) => e.type === 'error' && e.code === 'insecure_url');
    if (insecure) this.error(cid, 'insecure_url', insecure.message);
    else write({ type: 'done', cid });
    held.filter((e) => e !== insecure).forEach(write);
  }

  emit(event) {
    if (this.held) this.held.push(event);
    else write(event);
  }

  build(c) {
    const options = {
      url: c.url,
      token: c.token,
      onDelivery: (d) => this.deliver(d),
    };
    if (c.signing_key !== undefined) options.signingKey = c.signing_key;
    if (this.storage) options.storage = this.storage;
    if (this.env.lifecycle) options.lifecycle = this.env.lifecycle;
    const client = this.sdk.createClient(options);
    client.on('state', (s) => this.emit(stateEvent(s)));
    client.on('acked', (a) => this.emit(this.withCid({ type: 'acked', id: a.id, seq: a.seq, duplicate: a.duplicate }, a.id)));
    client.on('failed', (f) => this.emit(this.withCid({ type: 'failed', id: f.id, code: f.code, reason: clip(f.reason, 4096) }, f.id)));
    client.on('joined', (j) => this.emit(this.withCid({ type: 'joined', id: j.id, room: j.room }, j.id)));
    client.on('left', (l) => this.emit(this.withCid({ type: 'left', id: l.id, room: l.room }, l.id)));
    client.on('error', (e) => {
      if (e.code === 'insecure_url' || e.code === 'no_signing_key') this.emit({ type: 'error', code: e.code, message: clip(e.message, 4096) });
      else if (e.code === 'server_error') this.emit({ type: 'error', code: 'client_error', message: clip(e.message, 4096) });
      else this.emit({ type: 'log', level: 'warn', message: clip(e.message, 65536) });
    });
    return client;
  }

  withCid(event, id) {
    const cid = this.cids.get(id);
    return cid ? { ...event, cid } : event;
  }

  deliver(d) {
    write({ type: 'delivered', id: d.id, seq: d.seq, from: d.from, to: d.to, body: d.body, redelivered: d.redelivered });
    return new Promise((resolve) => {
      const finish = () => {
        write({ type: 'processed', seq: d.seq, id: d.id, from: d.from });
        resolve();
      };
      if (this.manual) this.waiting.set(d.seq, finish);
      else if (this.delayMs > 0) setTimeout(finish, this.delayMs);
      else finish();
    });
  }

  need() {
    if (!this.client) throw new Error('no client yet: send connect first');
    return this.client;
  }

  send(c) {
    const client = this.need();
    this.queued(c, () => client.send(c.to, c.body, c.id === undefined ? {} : { id: c.id }));
  }

  room(c) {
    const client = this.need();
    this.queued(c, () => client[c.type](c.room, c.id === undefined ? {} : { id: c.id }));
  }

  /**
   * done with the message id first; what the library said meanwhile (a too_large failure comes
   * from inside send) follows, with the command's cid.
   */
  queued(c, call) {
    let id;
    const held = this.hold(() => (id = call()));
    this.cids.set(id, c.cid);
    write({ type: 'done', cid: c.cid, id });
    held.forEach((e) => write(e.id === id && !e.cid ? { ...e, cid: c.cid } : e));
  }

  ackPolicy(c) {
    if (c.mode !== 'auto' && c.mode !== 'manual') throw new Error('mode: ' + JSON.stringify(c.mode) + ' is not auto or manual');
    this.manual = c.mode === 'manual';
    this.delayMs = c.mode === 'auto' ? Number(c.delay_ms ?? 0) : 0;
    write({ type: 'done', cid: c.cid });
  }

  ack(c) {
    const finish = this.waiting.get(c.seq);
    if (!finish) throw new Error('seq: no delivery of seq ' + c.seq + ' waits for processing; under ack_policy manual an ack names a delivery reported delivered and not yet processed');
    this.waiting.delete(c.seq);
    write({ type: 'done', cid: c.cid });
    finish();
  }

  close(c) {
    write({ type: 'done', cid: c.cid });
    if (this.client) this.client.close();
  }

  network(c) {
    if (typeof c.online !== 'boolean') throw new Error('online: give true or false');
    write({ type: 'done', cid: c.cid });
    if (this.env.platform) this.env.platform.setNetwork(c.online);
    else this.env.lifecycle.network.forEach((l) => l(c.online));
  }

  app(c) {
    if (c.state !== 'background' && c.state !== 'foreground') throw new Error('state: give background or foreground');
    write({ type: 'done', cid: c.cid });
    if (this.env.platform) (c.state === 'background' ? this.env.platform.hide() : this.env.platform.show());
    else if (c.state === 'foreground') this.env.lifecycle.show.forEach((l) => l());
  }

  shutdown(c) {
    write({ type: 'done', cid: c.cid });
    this.exit();
  }
}

const COMMANDS = {
  connect: Driver.prototype.connect,
  send: Driver.prototype.send,
  join: Driver.prototype.room,
  leave: Driver.prototype.room,
  ack_policy: Driver.prototype.ackPolicy,
  ack: Driver.prototype.ack,
  close: Driver.prototype.close,
  network: Driver.prototype.network,
  app: Driver.prototype.app,
  shutdown: Driver.prototype.shutdown,
};

function stateEvent(s) {
  const e = { type: 'state', state: s.state };
  if (s.state === 'connecting' && s.attempt !== undefined) e.attempt = s.attempt;
  if (s.state === 'open') e.session_id = s.sessionId;
  if (s.state === 'reconnecting') Object.assign(e, { attempt: s.attempt, delay_ms: s.delayMs });
  if (s.state === 'reconnecting' || s.state === 'closed') {
    if (s.code !== undefined) e.code = s.code;
    if (s.reason) e.reason = clip(s.reason, 1024);
  }
  return e;
}

// Last, once every class and table above exists: the websocket runtime reaches `new Driver` without awaiting.
main().catch((e) => usage('failed to start: ' + (e && e.stack ? e.stack : e)));
