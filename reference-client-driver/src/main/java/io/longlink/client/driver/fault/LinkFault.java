package io.longlink.client.driver.fault;

import io.longlink.client.transport.Link;
import io.longlink.client.transport.LinkListener;
import io.longlink.client.transport.Transport;
import java.net.URI;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * Sits on one link between the client and the wire. Every hook passes its event through
 * unchanged; a fault overrides the ones it breaks. {@link #wire} is the real link,
 * {@link #client} the client's listener. The transport may report the link's end before
 * {@link #wire} is set, so a hook that uses it from a server event checks it.
 */
abstract class LinkFault {

  protected Link wire;
  protected LinkListener client;
  /** Where the link goes, as the client asked. */
  protected URI uri;
  protected String subprotocol;
  /** The opening-handshake time the client gave the link, passed on to links the fault opens itself. */
  protected Duration openWithin;

  /** The client sends {@code frame}. */
  void clientSends(String frame) {
    wire.send(frame);
  }

  /** The client closes the link. */
  void clientCloses(int code, String reason) {
    wire.close(code, reason);
  }

  /** The client drops the link. */
  void clientAborts() {
    wire.abort();
  }

  /** The handshake completed. */
  void opened() {
    client.opened();
  }

  /** The server sent {@code frame}. */
  void serverSends(String frame) {
    client.text(frame);
  }

  /** The link ended. */
  void ended(int code, String reason) {
    client.closed(code, reason);
  }

  /** A transport whose every link goes through a fresh fault from {@code faults}. */
  static Transport around(Transport real, Supplier<? extends LinkFault> faults) {
    return (URI uri, String subprotocol, Duration openWithin, LinkListener listener) -> {
      LinkFault fault = faults.get();
      fault.attach(real, uri, subprotocol, openWithin, listener);
      return new Link() {
        @Override
        public void send(String text) {
          fault.clientSends(text);
        }

        @Override
        public void close(int code, String reason) {
          fault.clientCloses(code, reason);
        }

        @Override
        public void abort() {
          fault.clientAborts();
        }
      };
    };
  }

  /** Opens the real link for {@code listener}, with this fault's hooks between them. */
  final void attach(Transport real, URI target, String offered, Duration within, LinkListener listener) {
    client = listener;
    uri = target;
    subprotocol = offered;
    openWithin = within;
    wire = real.open(target, offered, within, new LinkListener() {
      @Override
      public void opened() {
        LinkFault.this.opened();
      }

      @Override
      public void text(String frame) {
        serverSends(frame);
      }

      @Override
      public void closed(int code, String reason) {
        ended(code, reason);
      }
    });
  }
}
