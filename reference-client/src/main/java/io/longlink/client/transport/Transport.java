package io.longlink.client.transport;

import java.net.URI;

/**
 * Opens links to a server. The WebSocket binding is {@link JdkTransport}; the interface is here so
 * that another binding (the long-polling one PROTOCOL.md §20 keeps room for) or a test double can
 * take its place without touching the client's rules.
 */
public interface Transport {

  /**
   * Starts opening a link to {@code uri} offering {@code subprotocol}. Returns at once; the
   * outcome arrives on {@code listener}: {@link LinkListener#opened()} and then frames, or
   * {@link LinkListener#closed(int, String)} alone when the link never opened.
   */
  Link open(URI uri, String subprotocol, LinkListener listener);
}
