// The example page, run as a mini program runs it: its index.js under the wx shim, with Page,
// getApp and require('@longlink/miniprogram') resolved to the CommonJS bundle, against the
// reference server, with a second client in the room.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createClient, memoryStorage, wxTransport } from '../dist/index.mjs';
import { createRequire } from 'node:module';
import { createWx } from './shim/wx.mjs';
import { startServer, token, unavailable, until, user } from './support/server.mjs';

const skip = unavailable() ?? false;
let server;
before(async () => {
  if (!skip) server = await startServer();
});
after(async () => server?.stop());

/** Loads the page as the mini program runtime would, and returns its instance after onLoad. */
function loadPage(wx, globalData) {
  const sdk = createRequire(import.meta.url)('../dist/index.cjs');
  const code = readFileSync(new URL('../examples/chatroom/index.js', import.meta.url), 'utf8');
  let definition;
  const Page = (d) => (definition = d);
  const require = (name) => {
    if (name !== '@longlink/miniprogram') throw new Error('the page requires ' + name);
    return sdk;
  };
  const previous = globalThis.wx;
  globalThis.wx = wx; // the SDK reads wx when a client is created, as in a mini program
  try {
    new Function('require', 'Page', 'getApp', 'wx', code)(require, Page, () => ({ globalData }), wx);
    const page = { ...definition, data: structuredClone(definition.data) };
    page.setData = (patch) => Object.assign(page.data, patch);
    page.onLoad();
    return page;
  } finally {
    globalThis.wx = previous;
  }
}

test('the chat room page sends, receives and shows the reconnecting banner', { skip }, async () => {
  const me = user('alice');
  const other = user('bob');
  const { wx, platform } = createWx();
  const page = loadPage(wx, { url: server.url, token: token(me) });
  const heard = [];
  const bob = createClient({ url: server.url, token: token(other), transport: wxTransport(createWx().wx), storage: memoryStorage(), lifecycle: false, onDelivery: (d) => void heard.push(d) });
  bob.join('lobby');
  const joined = new Promise((resolve) => bob.on('joined', resolve));
  bob.connect();
  await joined;
  await until('the page is connected', () => page.data.banner === '');

  page.onInput({ detail: { value: 'hello room' } });
  page.onSend();
  assert.equal(page.data.draft, '');
  await until('bob hears the page', () => heard.find((d) => d.body === 'hello room' && d.from === me));
  await until('the message is marked sent', () => page.data.messages[0].status === '');

  bob.send({ kind: 'room', id: 'lobby' }, 'hi alice');
  await until('the page shows bob\'s message', () => page.data.messages.find((m) => m.from === other && m.body === 'hi alice'));

  platform.halfOpen();
  await until('the banner says reconnecting', () => page.data.banner.startsWith('Offline: reconnecting'), 5000);
  await until('the banner goes when the link is back', () => page.data.banner === '', 10_000);

  page.onUnload();
  bob.destroy();
  await until('no socket left', () => platform.sockets === 0, 5000);
});
