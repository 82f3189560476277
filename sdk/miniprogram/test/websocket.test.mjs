// The standard-WebSocket transport, on Node 20 too: a tiny WebSocket with the browser's API over
// the shim's RFC 6455 client stands in where the runtime has none.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createClient, memoryStorage, webSocketTransport } from '../dist/index.mjs';
import { WsClient } from './shim/ws-client.mjs';
import { startServer, token, unavailable, until, user } from './support/server.mjs';

class TinyWebSocket {
  constructor(url, protocols) {
    this.readyState = 0;
    this.onopen = this.onmessage = this.onclose = this.onerror = null;
    this.ws = new WsClient(url, protocols, {
      open: (protocol) => {
        this.readyState = 1;
        this.protocol = protocol;
        this.onopen?.({});
      },
      text: (data) => this.onmessage?.({ data }),
      binary: (data) => this.onmessage?.({ data }),
      error: () => this.onerror?.({}),
      close: (code, reason) => {
        this.readyState = 3;
        this.onclose?.({ code, reason });
      },
    });
  }
  send(data) {
    this.ws.sendText(data);
  }
  close(code, reason) {
    this.readyState = 2;
    this.ws.close(code, reason);
  }
}

const skip = unavailable() ?? false;
let server;
before(async () => {
  if (!skip) server = await startServer();
});
after(async () => server?.stop());

test('webSocketTransport offers longlink.v1 and carries a session: a chat to oneself comes back', { skip }, async () => {
  const alice = user('alice');
  const opened = [];
  const Impl = class extends TinyWebSocket {
    constructor(url, protocols) {
      super(url, protocols);
      opened.push(protocols);
    }
  };
  const delivered = [];
  const states = [];
  const client = createClient({
    url: server.url, token: token(alice), transport: webSocketTransport(Impl), storage: memoryStorage(), lifecycle: false,
    onDelivery: (d) => void delivered.push(d),
  });
  client.on('state', (s) => states.push(s));
  client.connect();
  await until('open', () => states.some((s) => s.state === 'open'));
  const id = client.send({ kind: 'user', id: alice }, 'note to self');
  await until('the chat back', () => delivered.find((d) => d.id === id));
  assert.deepEqual(opened, [['longlink.v1']]);
  client.destroy();
  assert.deepEqual(states.at(-1), { state: 'closed', cause: 'closed_by_app', code: 1000, reason: 'closed by the application' });
});

test('webSocketTransport without a WebSocket reports the attempt failed, and the client backs off', async () => {
  const states = [];
  const client = createClient({
    url: 'ws://127.0.0.1:9/ws', token: 'token-of-alice', transport: webSocketTransport(undefined), storage: memoryStorage(), lifecycle: false,
    onDelivery: () => {},
  });
  client.on('state', (s) => states.push(s));
  const hadWebSocket = 'WebSocket' in globalThis;
  const saved = globalThis.WebSocket;
  delete globalThis.WebSocket;
  try {
    client.connect();
    await until('reconnecting', () => states.find((s) => s.state === 'reconnecting'));
  } finally {
    if (hadWebSocket) globalThis.WebSocket = saved;
    client.destroy();
  }
  const r = states.find((s) => s.state === 'reconnecting');
  assert.equal(r.code, undefined, 'no socket opened: no close code');
  assert.match(r.reason, /no WebSocket/);
});
