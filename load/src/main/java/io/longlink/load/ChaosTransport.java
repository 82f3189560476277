package io.longlink.load;

import io.longlink.client.transport.Link;
import io.longlink.client.transport.LinkListener;
import io.longlink.client.transport.Transport;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.random.RandomGenerator;

/**
 * A transport that can drop its open links the way a dying phone network does: the socket is
 * aborted (no close frame reaches the server, which sees its TCP connection end) and the client
 * hears of it as an abnormal close, 1006, after which it reconnects with its backoff and
 * resumes. Wraps the real transport; nothing of this is in the client library.
 */
final class ChaosTransport implements Transport {

  static final String DROP_REASON = "dropped by the load run's --chaos, without a close frame";

  private final Transport inner;
  private final Set<Tracked> open = ConcurrentHashMap.newKeySet();

  ChaosTransport(Transport inner) {
    this.inner = inner;
  }

  @Override
  public Link open(URI uri, String subprotocol, Duration openWithin, LinkListener listener) {
    Tracked tracked = new Tracked(listener);
    tracked.link = inner.open(uri, subprotocol, openWithin, tracked);
    return tracked;
  }

  /** Drops {@code share} of the links open now, chosen at random; returns how many. */
  int drop(double share, RandomGenerator random) {
    List<Tracked> now = new ArrayList<>(open);
    double exact = share * now.size();
    // Whole links: the fraction is a chance of one more, so that small shares still drop some.
    int n = (int) exact + (random.nextDouble() < exact - (int) exact ? 1 : 0);
    Collections.shuffle(now, new java.util.Random(random.nextLong()));
    int dropped = 0;
    for (Tracked t : now.subList(0, Math.min(n, now.size()))) {
      dropped += t.drop() ? 1 : 0;
    }
    return dropped;
  }

  /** One link and its listener: after a drop nothing more reaches the client, but the one close. */
  private final class Tracked implements Link, LinkListener {
    private final LinkListener listener;
    private volatile Link link;
    private boolean ended;

    Tracked(LinkListener listener) {
      this.listener = listener;
    }

    synchronized boolean drop() {
      if (ended || link == null) {
        return false;
      }
      link.abort();
      closed(1006, DROP_REASON);
      return true;
    }

    @Override
    public synchronized void opened() {
      if (!ended) {
        open.add(this);
        listener.opened();
      }
    }

    @Override
    public synchronized void text(String frame) {
      if (!ended) {
        listener.text(frame);
      }
    }

    @Override
    public synchronized void closed(int code, String reason) {
      if (!ended) {
        ended = true;
        open.remove(this);
        listener.closed(code, reason);
      }
    }

    @Override
    public void send(String text) {
      link.send(text);
    }

    @Override
    public void close(int code, String reason) {
      link.close(code, reason);
    }

    @Override
    public void abort() {
      link.abort();
    }
  }
}
