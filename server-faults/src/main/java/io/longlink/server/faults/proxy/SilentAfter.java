package io.longlink.server.faults.proxy;

/**
 * {@code --silent-after N}: once N messages came from upstream, the link goes half-open: nothing
 * more reaches the client, nothing more of the client's is read, and nobody closes.
 */
final class SilentAfter implements NetworkFault {

  private final int messages;
  private ClientSide next;
  private int seen;
  private boolean silent;

  SilentAfter(int messages) {
    this.messages = messages;
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
        synchronized (SilentAfter.this) {
          if (!silent) {
            next.text(text);
          }
        }
      }

      @Override
      public void binary(byte[] data) {
        synchronized (SilentAfter.this) {
          if (!silent) {
            next.binary(data);
          }
        }
      }

      @Override
      public void close(int code, String reason) {
        synchronized (SilentAfter.this) {
          if (silent) {
            return;
          }
        }
        next.close(code, reason);
      }

      @Override
      public void drop() {
        synchronized (SilentAfter.this) {
          if (silent) {
            return;
          }
        }
        next.drop();
      }

      @Override
      public void goSilent() {
        trip();
      }
    };
  }

  @Override
  public void fromUpstream() {
    boolean now;
    synchronized (this) {
      seen++;
      now = seen == messages;
    }
    if (now) {
      trip();
    }
  }

  private void trip() {
    synchronized (this) {
      if (silent) {
        return;
      }
      silent = true;
    }
    next.goSilent();
  }
}
