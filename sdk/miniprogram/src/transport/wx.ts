import { SUBPROTOCOL, type Link, type LinkEvents, type Transport } from './types';

/** The SocketTask of wx.connectSocket, as miniprogram-api-typings declares it (what the client uses). */
export interface SocketTask {
  send(options: { data: string; fail?: (e: { errMsg: string }) => void }): void;
  close(options: { code?: number; reason?: string }): void;
  onOpen(cb: (result: unknown) => void): void;
  onMessage(cb: (result: { data: string | ArrayBuffer }) => void): void;
  onClose(cb: (result: { code: number; reason: string }) => void): void;
  onError(cb: (result: { errMsg: string }) => void): void;
}

export interface ConnectSocketApi {
  connectSocket(options: {
    url: string;
    protocols?: string[];
    timeout?: number;
    fail?: (e: { errMsg: string }) => void;
  }): SocketTask;
}

/**
 * wx.connectSocket (and uni.connectSocket, Taro.connectSocket, which copy it). Close codes are
 * limited to 1000 and 3000-4999 there, which 4000 (LL-HB-6) fits. A fail callback (the sixth
 * socket of an app, a bad URL) and onError both end the attempt as 1006; whichever comes first
 * wins, the rest of that task's events are ignored.
 */
export function wxTransport(api: ConnectSocketApi): Transport {
  return {
    open(url: string, events: LinkEvents): Link {
      let ended = false;
      const end = (code: number, reason: string) => {
        if (!ended) {
          ended = true;
          events.closed(code, reason);
        }
      };
      let task: SocketTask;
      try {
        task = api.connectSocket({ url, protocols: [SUBPROTOCOL], fail: (e) => end(1006, e.errMsg) });
      } catch (e) {
        queueEnd(end, String(e));
        return { send() {}, close() {} };
      }
      task.onOpen(() => !ended && events.opened());
      task.onMessage((m) => !ended && events.message(typeof m.data === 'string' ? m.data : null));
      task.onClose((c) => end(c.code || 1006, c.reason || ''));
      task.onError((e) => end(1006, e.errMsg || 'socket error'));
      return {
        send: (data) => {
          if (!ended) task.send({ data, fail: (e) => end(1006, e.errMsg) });
        },
        close: (code, reason) => {
          ended = true;
          task.close({ code, reason });
        },
      };
    },
  };
}

/** Reports a synchronous failure after open returned, as every other ending is reported. */
export function queueEnd(end: (code: number, reason: string) => void, reason: string): void {
  void Promise.resolve().then(() => end(1006, reason));
}
