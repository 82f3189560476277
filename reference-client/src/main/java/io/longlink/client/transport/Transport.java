package io.longlink.client.transport;

import java.net.URI;
import java.time.Duration;

/**
 * Opens links to a server. The WebSocket binding is {@link JdkTransport}; the interface is here so
 * that another binding (the long-polling one PROTOCOL.md §20 keeps room for) or a test double can
 * take its place without touching the client's rules.
 */
public interface Transport {

  /**
   * Starts opening a link to {@code uri} offering {@code subprotocol}. Returns at once; the
   * outcome arrives on {@code listener}: {@link LinkListener#opened()} and then frames, or
   * {@link LinkListener#closed(int, String)} alone when the link never opened. The opening
   * handshake gets {@code openWithin}: a binding that cannot otherwise abandon a handshake in
   * progress (the JDK's cannot abort one) ends the connection itself when that time is up, so that
   * a given-up attempt leaves no socket behind (PROTOCOL.md LL-HB-8, LL-RC-3).
   */
  Link open(URI uri, String subprotocol, Duration openWithin, LinkListener listener);
}
