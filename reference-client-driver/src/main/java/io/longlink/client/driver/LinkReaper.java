package io.longlink.client.driver;

import io.longlink.client.transport.Link;
import io.longlink.client.transport.LinkListener;
import io.longlink.client.transport.Transport;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Keeps every link a driver's clients open, so that the driver's end can drop them all as the end
 * of a process does: without a close frame, whatever the client or a fault switch would rather do.
 * It wraps the real transport, under the fault switches, and a link asked for after the end is
 * never opened.
 */
final class LinkReaper {

  private final List<Link> links = new ArrayList<>();
  private boolean ended;

  /** {@code real}, with every link it opens kept for {@link #dropAll()}. */
  Transport track(Transport real) {
    return (uri, subprotocol, openWithin, listener) -> open(real, uri, subprotocol, openWithin, listener);
  }

  private synchronized Link open(Transport real, URI uri, String subprotocol, Duration openWithin, LinkListener listener) {
    if (ended) {
      return DEAD;
    }
    Link link = real.open(uri, subprotocol, openWithin, listener);
    links.add(link);
    return link;
  }

  /** Drops every link, open or opening, and opens none from now on. */
  void dropAll() {
    List<Link> all;
    synchronized (this) {
      ended = true;
      all = List.copyOf(links);
      links.clear();
    }
    all.forEach(Link::abort);
  }

  private static final Link DEAD = new Link() {
    @Override
    public void send(String text) {}

    @Override
    public void close(int code, String reason) {}

    @Override
    public void abort() {}
  };
}
