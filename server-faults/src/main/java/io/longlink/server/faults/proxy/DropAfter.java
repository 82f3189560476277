package io.longlink.server.faults.proxy;

/**
 * {@code --drop-after N} and {@code --cut-after N}: the client's TCP connection ends without a
 * close frame once N messages came from upstream ({@link #fromUpstream}), or once N messages
 * went to the client ({@link #toClient}), the violations' filters having changed, held, dropped
 * or added some.
 */
final class DropAfter implements NetworkFault {

  private final int messages;
  private final boolean counted;
  private ClientSide next;
  private int seen;
  private boolean dropped;

  private DropAfter(int messages, boolean countedToClient) {
    this.messages = messages;
    this.counted = countedToClient;
  }

  /** Drops the link once {@code messages} came from upstream. */
  static DropAfter fromUpstream(int messages) {
    return new DropAfter(messages, false);
  }

  /** Drops the link once {@code messages} went to the client. */
  static DropAfter toClient(int messages) {
    return new DropAfter(messages, true);
  }

  @Override
  public ClientSide around(ClientSide next) {
    this.next = next;
    if (messages == 0) {
      trip();
    }
    return new ClientSide() {
      @Override
      public void text(String text) {
        boolean now;
        synchronized (DropAfter.this) {
          if (dropped) {
            return;
          }
          next.text(text);
          now = counted && ++seen == messages;
        }
        if (now) {
          trip();
        }
      }

      @Override
      public void binary(byte[] data) {
        boolean now;
        synchronized (DropAfter.this) {
          if (dropped) {
            return;
          }
          next.binary(data);
          now = counted && ++seen == messages;
        }
        if (now) {
          trip();
        }
      }

      @Override
      public void close(int code, String reason) {
        synchronized (DropAfter.this) {
          if (dropped) {
            return;
          }
        }
        next.close(code, reason);
      }

      @Override
      public void drop() {
        trip();
      }

      @Override
      public void goSilent() {
        next.goSilent();
      }
    };
  }

  @Override
  public void fromUpstream() {
    boolean now;
    synchronized (this) {
      now = !counted && ++seen == messages;
    }
    if (now) {
      trip();
    }
  }

  private void trip() {
    synchronized (this) {
      if (dropped) {
        return;
      }
      dropped = true;
    }
    next.drop();
  }
}
