import { queueEnd } from './wx';
import { SUBPROTOCOL, type Link, type LinkEvents, type Transport } from './types';

interface StandardWebSocket {
  readonly readyState: number;
  onopen: ((e: unknown) => void) | null;
  onmessage: ((e: { data: unknown }) => void) | null;
  onclose: ((e: { code: number; reason: string }) => void) | null;
  onerror: ((e: unknown) => void) | null;
  send(data: string): void;
  close(code?: number, reason?: string): void;
}

export type WebSocketConstructor = new (url: string, protocols: string[]) => StandardWebSocket;

/**
 * The standard WebSocket of browsers and Node 22+. It accepts only 1000 and 3000-4999 from
 * scripts, like wx; 4000 fits.
 */
export function webSocketTransport(WebSocketImpl?: WebSocketConstructor): Transport {
  return {
    open(url: string, events: LinkEvents): Link {
      const Impl = WebSocketImpl ?? (typeof WebSocket === 'function' ? (WebSocket as WebSocketConstructor) : undefined);
      let ended = false;
      const end = (code: number, reason: string) => {
        if (!ended) {
          ended = true;
          events.closed(code, reason);
        }
      };
      let ws: StandardWebSocket;
      try {
        if (!Impl) throw new Error('this runtime has no WebSocket; pass one to webSocketTransport()');
        ws = new Impl(url, [SUBPROTOCOL]);
      } catch (e) {
        queueEnd(end, String(e));
        return { send() {}, close() {} };
      }
      ws.onopen = () => !ended && events.opened();
      ws.onmessage = (m) => !ended && events.message(typeof m.data === 'string' ? m.data : null);
      ws.onclose = (c) => end(c.code || 1006, c.reason || '');
      ws.onerror = () => end(1006, 'socket error');
      return {
        send: (data) => {
          if (!ended && ws.readyState === 1) ws.send(data);
        },
        close: (code, reason) => {
          ended = true;
          try {
            ws.close(code, reason);
          } catch {
            // Closing a socket that is still connecting throws in some runtimes; it is let go either way.
          }
        },
      };
    },
  };
}
