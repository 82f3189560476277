// A `wx` for Node that behaves as a phone does where it matters to Longlink: connectSocket on a
// real socket (ws-client.mjs) with the SocketTask API of miniprogram-api-typings, at most five
// sockets per app, close codes limited to 1000 and 3000-4999, half-open links that fire nothing,
// sockets killed without close frames when the app stays hidden, storage, app and network events.
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { WsClient } from './ws-client.mjs';

const MAX_SOCKETS = 5;

/**
 * options: storageFile (JSON file; memory when absent), backgroundKillMs (hidden this long: the
 * platform kills every socket; default 5000), closeTimeoutMs (the close handshake's wait).
 * Returns { wx, platform }: wx is the API a mini program sees, platform what a test does to the phone.
 */
export function createWx({ storageFile, backgroundKillMs = 5000, closeTimeoutMs = 1000 } = {}) {
  const storage = storageFile && existsSync(storageFile) ? JSON.parse(readFileSync(storageFile, 'utf8')) : {};
  const persist = () => storageFile && writeFileSync(storageFile, JSON.stringify(storage));
  const tasks = new Set();
  const listeners = { show: new Set(), hide: new Set(), network: new Set() };
  let online = true;
  let killTimer = null;
  const later = (fn) => setImmediate(fn);

  function connectSocket({ url, protocols = [], fail }) {
    const task = new SocketTask();
    if (!online || tasks.size >= MAX_SOCKETS) {
      const errMsg = online ? `connectSocket:fail exceed max task count (${MAX_SOCKETS} sockets per app)` : 'connectSocket:fail network is down';
      later(() => {
        fail?.({ errMsg });
        task.emit('error', { errMsg });
      });
      return task;
    }
    tasks.add(task);
    task.ws = new WsClient(url, protocols, {
      open: (protocol) => task.emit('open', { header: {}, protocol }),
      text: (data) => task.emit('message', { data }),
      binary: (data) => task.emit('message', { data: data.buffer.slice(data.byteOffset, data.byteOffset + data.length) }),
      error: (errMsg) => task.emit('error', { errMsg }),
      close: (code, reason) => {
        tasks.delete(task);
        task.emit('close', { code, reason });
      },
    }, { closeTimeoutMs });
    return task;
  }

  class SocketTask {
    constructor() {
      this.handlers = { open: [], message: [], close: [], error: [] };
      this.halfOpen = false;
    }
    onOpen(cb) { this.handlers.open.push(cb); }
    onMessage(cb) { this.handlers.message.push(cb); }
    onClose(cb) { this.handlers.close.push(cb); }
    onError(cb) { this.handlers.error.push(cb); }
    emit(type, result) {
      // On a half-open link nothing arrives and nothing is reported, not even the end.
      if (!this.halfOpen) this.handlers[type].forEach((cb) => cb(result));
    }
    send({ data, success, fail }) {
      if (this.halfOpen) return later(() => success?.({ errMsg: 'sendSocketMessage:ok' }));
      const ok = this.ws?.sendText(data);
      later(() => (ok ? success?.({ errMsg: 'sendSocketMessage:ok' }) : fail?.({ errMsg: 'sendSocketMessage:fail socket is not connected' })));
    }
    close({ code = 1000, reason = '', success, fail } = {}) {
      if (code !== 1000 && (code < 3000 || code > 4999)) {
        return later(() => fail?.({ errMsg: `closeSocket:fail The code must be either 1000, or between 3000 and 4999. ${code} is neither.` }));
      }
      if (this.halfOpen) {
        // The close frame goes nowhere; the platform frees the socket once it gives up on the handshake.
        setTimeout(() => { tasks.delete(this); this.ws?.destroy(); }, closeTimeoutMs);
      } else {
        this.ws?.close(code, reason);
      }
      later(() => success?.({ errMsg: 'closeSocket:ok' }));
    }
  }

  const on = (set) => (cb) => set.add(cb);
  const off = (set) => (cb) => set.delete(cb);

  const wx = {
    connectSocket,
    getStorageSync: (key) => (key in storage ? storage[key] : ''),
    setStorageSync: (key, value) => { storage[key] = value; persist(); },
    removeStorageSync: (key) => { delete storage[key]; persist(); },
    clearStorageSync: () => { Object.keys(storage).forEach((k) => delete storage[k]); persist(); },
    onAppShow: on(listeners.show), offAppShow: off(listeners.show),
    onAppHide: on(listeners.hide), offAppHide: off(listeners.hide),
    onNetworkStatusChange: on(listeners.network), offNetworkStatusChange: off(listeners.network),
  };

  const platform = {
    /** Sockets the app holds, as the five-socket limit counts them. */
    get sockets() { return tasks.size; },
    /** Every socket goes silent both ways, keeps its TCP connection, and reports nothing ever again. */
    halfOpen() { tasks.forEach((t) => { t.halfOpen = true; if (t.ws) t.ws.silenced = true; }); },
    hide() {
      listeners.hide.forEach((cb) => cb({}));
      killTimer = setTimeout(() => tasks.forEach((t) => t.ws?.destroy()), backgroundKillMs);
    },
    show() {
      clearTimeout(killTimer);
      listeners.show.forEach((cb) => cb({ path: 'pages/index/index', scene: 1001 }));
    },
    /** Radio off: links go half-open, new sockets fail; radio on: new sockets work again. */
    setNetwork(isConnected) {
      online = isConnected;
      if (!isConnected) platform.halfOpen();
      listeners.network.forEach((cb) => cb({ isConnected, networkType: isConnected ? 'wifi' : 'none' }));
    },
    /** The app is killed: every socket drops without a close frame, and no listener hears of it. */
    kill() {
      clearTimeout(killTimer);
      tasks.forEach((t) => { t.halfOpen = true; t.ws?.destroy(); });
      tasks.clear();
      Object.values(listeners).forEach((s) => s.clear());
    },
    storage,
  };
  return { wx, platform };
}
