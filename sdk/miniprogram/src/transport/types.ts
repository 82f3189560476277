/**
 * What the client needs of a transport, and nothing WebSocket-specific: open a link to a URL,
 * send text, close it, hear that it opened, got text, or ended. An HTTP long-polling binding
 * (PROTOCOL.md §20) fits the same shape: open is the first poll, send a POST, closed the final
 * goaway's code. The WebSocket transports offer the subprotocol themselves (LL-TR-1).
 */
export interface Transport {
  open(url: string, events: LinkEvents): Link;
}

export interface Link {
  send(text: string): void;
  /**
   * Ends the link. The client has let go of it when it calls this: later events of the link are
   * ignored, and on a half-open link none may ever come.
   */
  close(code: number, reason: string): void;
}

export interface LinkEvents {
  opened(): void;
  /** One text frame. Binary frames are not Longlink (LL-TR-4): transports report them as null. */
  message(text: string | null): void;
  /** The link ended: the peer's close code, or 1006 when it ended without one. */
  closed(code: number, reason: string): void;
}

export const SUBPROTOCOL = 'longlink.v1';
