package io.longlink.client.driver.fault;

import io.longlink.client.transport.Link;
import io.longlink.client.transport.LinkListener;
import io.longlink.client.transport.Transport;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/** Faults in how the client opens and ends connections. */
final class ConnectionFaults {

  private static final LinkListener IGNORED = new LinkListener() {
    @Override
    public void opened() {}

    @Override
    public void text(String frame) {}

    @Override
    public void closed(int code, String reason) {}
  };

  private ConnectionFaults() {}

  /** LL-RC-3: once an attempt's socket opens, a second, silent connection opens beside it, dropped with the first. */
  static Fault twoAttemptsAtOnce() {
    return new Fault() {
      @Override
      public Transport transport(Transport real) {
        return LinkFault.around(real, () -> new LinkFault() {
          private volatile Link shadow;

          @Override
          void opened() {
            shadow = real.open(uri, subprotocol, openWithin, IGNORED);
            client.opened();
          }

          @Override
          void clientCloses(int code, String reason) {
            dropShadow();
            wire.close(code, reason);
          }

          @Override
          void clientAborts() {
            dropShadow();
            wire.abort();
          }

          @Override
          void ended(int code, String reason) {
            dropShadow();
            client.closed(code, reason);
          }

          private void dropShadow() {
            Link s = shadow;
            if (s != null) {
              s.abort();
            }
          }
        });
      }
    };
  }

  /**
   * LL-RC-5: the application's close ends the link with 1000 on the wire, but the client is told
   * the link was lost (1006), so it reconnects.
   */
  static Fault reconnectsAfterDeliberateClose() {
    AtomicReference<LinkFault> current = new AtomicReference<>();
    return new Fault() {
      @Override
      public Transport transport(Transport real) {
        return LinkFault.around(real, () -> {
          LinkFault link = new LinkFault() { };
          current.set(link);
          return link;
        });
      }

      @Override
      public Runnable deliberateClose(Runnable realClose) {
        return () -> {
          LinkFault link = current.get();
          if (link == null || link.wire == null) {
            realClose.run();
            return;
          }
          link.wire.close(1000, "closed by the application");
          link.client.closed(1006, "the link was lost");
        };
      }
    };
  }

  /**
   * LL-SEC-1: a ws:// URI is given to the client as wss://, which passes its check, and turned
   * back into ws:// when the link opens.
   */
  static Fault plainTextAnywhere() {
    AtomicBoolean downgraded = new AtomicBoolean();
    return new Fault() {
      @Override
      public URI uri(URI given) {
        if (!"ws".equalsIgnoreCase(given.getScheme())) {
          return given;
        }
        downgraded.set(true);
        return URI.create("wss" + given.toString().substring(2));
      }

      @Override
      public Transport transport(Transport real) {
        return (uri, subprotocol, openWithin, listener) -> real.open(
            downgraded.get() ? URI.create("ws" + uri.toString().substring(3)) : uri, subprotocol, openWithin, listener);
      }
    };
  }

  /** LL-SEC-2: every connection carries the token in its query. */
  static Fault tokenInUrl(String token) {
    return new Fault() {
      @Override
      public Transport transport(Transport real) {
        return (uri, subprotocol, openWithin, listener) -> {
          String query = "token=" + URLEncoder.encode(token, StandardCharsets.UTF_8);
          String base = uri.toString();
          return real.open(URI.create(base + (uri.getRawQuery() == null ? "?" : "&") + query), subprotocol, openWithin,
              listener);
        };
      }
    };
  }
}
