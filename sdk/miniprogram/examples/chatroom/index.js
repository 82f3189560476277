// The chat room of the protocol's origin: one room, a message list, a box to type in, and a
// banner while the link is down. Messages typed offline are queued (and survive the app being
// killed); they leave with their ids when the link is back.
const { createClient } = require('@longlink/miniprogram');

const ROOM = 'lobby';

Page({
  data: { messages: [], draft: '', banner: 'Connecting…' },

  onLoad() {
    // The app's login gave it the URL and a token (never put the token in the URL).
    const { url, token } = getApp().globalData;
    this.client = createClient({ url, token, onDelivery: (d) => this.add({ id: d.id, from: d.from, body: d.body }) });
    this.client.on('state', (s) => this.setData({ banner: banner(s) }));
    this.client.on('acked', (a) => this.mark(a.id, ''));
    this.client.on('failed', (f) => this.mark(f.id, 'not sent: ' + f.code));
    this.client.join(ROOM);
    this.client.connect();
  },

  onInput(e) {
    this.setData({ draft: e.detail.value });
  },

  onSend() {
    const body = this.data.draft.trim();
    if (!body) return;
    const id = this.client.send({ kind: 'room', id: ROOM }, body);
    this.setData({ draft: '' });
    this.add({ id, from: 'me', body, status: 'sending' });
  },

  onUnload() {
    // Timers, sockets and wx listeners all go with the page.
    this.client.destroy();
  },

  add(message) {
    this.setData({ messages: this.data.messages.concat(message) });
  },

  mark(id, status) {
    this.setData({ messages: this.data.messages.map((m) => (m.id === id ? { ...m, status } : m)) });
  },
});

function banner(s) {
  if (s.state === 'open') return '';
  if (s.state === 'reconnecting') return 'Offline: reconnecting in ' + Math.ceil(s.delayMs / 1000) + ' s (attempt ' + (s.attempt + 1) + ')';
  if (s.state === 'closed') return s.cause === 'closed_by_app' ? '' : 'Disconnected: ' + s.reason;
  return 'Connecting…';
}
