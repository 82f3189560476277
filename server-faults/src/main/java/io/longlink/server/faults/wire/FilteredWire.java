package io.longlink.server.faults.wire;

import io.longlink.server.connection.Wire;

/**
 * The wire a filtered connection sends through. The connection counts a queued message's bytes
 * until its {@code done} runs; a filter may send it once, many times or never, so {@code done}
 * goes with the first send the message leads to, and runs at once when there was none.
 */
final class FilteredWire implements Wire {

  private static final Runnable NOTHING = () -> { };
  /** The done of the message being filtered on this thread (the chain is locked meanwhile). */
  private static final ThreadLocal<Runnable> DONE = new ThreadLocal<>();

  private final Chain chain;
  private final Wire real;

  FilteredWire(Chain chain, Wire real) {
    this.chain = chain;
    this.real = real;
  }

  /** The done to pass with a send: the current message's the first time, nothing after. */
  static Runnable takeDone() {
    Runnable done = DONE.get();
    DONE.remove();
    return done == null ? NOTHING : done;
  }

  @Override
  public void sendText(String text, Runnable done) {
    DONE.set(done);
    try {
      chain.fromServer(text);
    } finally {
      Runnable unused = takeDone();
      if (unused != NOTHING) {
        unused.run();
      }
    }
  }

  @Override
  public boolean offeredSubprotocol() {
    return chain.offeredSubprotocol(real.offeredSubprotocol());
  }

  @Override
  public String query() {
    return real.query();
  }

  @Override
  public String remoteAddress() {
    return real.remoteAddress();
  }

  @Override
  public void sendBinary(byte[] data) {
    real.sendBinary(data);
  }

  @Override
  public void sessionStarted() {
    real.sessionStarted();
  }

  @Override
  public void close(int code, String reason) {
    chain.serverCloses(code, reason);
  }

  @Override
  public void abort() {
    real.abort();
  }
}
