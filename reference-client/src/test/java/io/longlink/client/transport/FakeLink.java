package io.longlink.client.transport;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/** One link of {@link FakeTransport}: records what the client sent and how it ended the link. */
public final class FakeLink implements Link {

  public final URI uri;
  public final String subprotocol;
  private final LinkListener listener;
  private final List<String> sent = new ArrayList<>();
  private Integer closeCode;
  private boolean aborted;

  FakeLink(URI uri, String subprotocol, LinkListener listener) {
    this.uri = uri;
    this.subprotocol = subprotocol;
    this.listener = listener;
  }

  @Override
  public void send(String text) {
    if (closeCode != null || aborted) {
      throw new AssertionError("the client sent on a link it had ended: " + text);
    }
    sent.add(text);
  }

  @Override
  public void close(int code, String reason) {
    closeCode = code;
  }

  @Override
  public void abort() {
    aborted = true;
  }

  /** The server side: the handshake completes. */
  public void open() {
    listener.opened();
  }

  /** The server side: one frame arrives at the client. */
  public void receive(String frame) {
    listener.text(frame);
  }

  /** The server side (or the network): the link ends with this code. */
  public void end(int code, String reason) {
    listener.closed(code, reason);
  }

  public List<String> sent() {
    return sent;
  }

  /** The code the client closed with, or null if it did not close. */
  public Integer closeCode() {
    return closeCode;
  }

  public boolean aborted() {
    return aborted;
  }
}
