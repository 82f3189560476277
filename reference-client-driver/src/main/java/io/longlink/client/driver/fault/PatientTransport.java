package io.longlink.client.driver.fault;

import io.longlink.client.transport.Link;
import io.longlink.client.transport.LinkListener;
import io.longlink.client.transport.Transport;
import java.net.URI;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * The transport of LL-HB-8's fault: it keeps open every connection the client gives up before
 * auth_ok, and holds the client's next connection back until the server ends the kept one.
 */
final class PatientTransport implements Transport {

  private static final Duration NO_DEADLINE = Duration.ofDays(1);

  private final Transport real;
  private Patient kept;
  private Deferred waiting;

  PatientTransport(Transport real) {
    this.real = real;
  }

  @Override
  public synchronized Link open(URI uri, String subprotocol, Duration openWithin, LinkListener listener) {
    if (kept == null) {
      return openNow(uri, subprotocol, listener);
    }
    if (waiting != null) {
      waiting.givenUp = true;
    }
    waiting = new Deferred(uri, subprotocol, listener);
    return waiting;
  }

  private Patient openNow(URI uri, String subprotocol, LinkListener listener) {
    Patient p = new Patient();
    // The fault is the missing deadline: the handshake may take as long as the server likes.
    p.attach(real, uri, subprotocol, NO_DEADLINE, listener);
    return p;
  }

  private synchronized void keep(Patient p) {
    kept = p;
  }

  private synchronized void released(Patient p) {
    if (kept != p) {
      return;
    }
    kept = null;
    Deferred next = waiting;
    waiting = null;
    if (next != null && !next.givenUp) {
      next.opened = openNow(next.uri, next.subprotocol, next.listener);
    }
  }

  /** One link: a close by the client before auth_ok is swallowed and the link kept. */
  private final class Patient extends LinkFault implements Link {

    private volatile boolean authed;
    private volatile boolean ended;

    @Override
    void serverSends(String frame) {
      if (Frames.type(Frames.parse(frame)).equals("auth_ok")) {
        authed = true;
      }
      client.text(frame);
    }

    @Override
    void ended(int code, String reason) {
      ended = true;
      client.closed(code, reason);
      released(this);
    }

    @Override
    public void send(String text) {
      wire.send(text);
    }

    @Override
    public void close(int code, String reason) {
      if (authed || ended) {
        wire.close(code, reason);
      } else {
        keep(this);
      }
    }

    @Override
    public void abort() {
      if (authed || ended) {
        wire.abort();
      } else {
        keep(this);
      }
    }
  }

  /** The client's next connection, while a kept one lingers. */
  private static final class Deferred implements Link {

    final URI uri;
    final String subprotocol;
    final LinkListener listener;
    volatile boolean givenUp;
    volatile Link opened;

    Deferred(URI uri, String subprotocol, LinkListener listener) {
      this.uri = uri;
      this.subprotocol = subprotocol;
      this.listener = listener;
    }

    @Override
    public void send(String text) {
      Link l = opened;
      if (l != null) {
        l.send(text);
      }
    }

    @Override
    public void close(int code, String reason) {
      giveUp(l -> l.close(code, reason));
    }

    @Override
    public void abort() {
      giveUp(Link::abort);
    }

    private void giveUp(Consumer<Link> end) {
      Link l = opened;
      if (l == null) {
        givenUp = true;
      } else {
        end.accept(l);
      }
    }
  }
}
