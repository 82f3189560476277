package io.longlink.server.connection;

import java.util.concurrent.atomic.AtomicLong;

/** The bytes queued for sending on all connections together, and their bound (PROTOCOL.md LL-LIM-11). */
public final class OutboundBudget {

  private final long limit;
  private final AtomicLong used = new AtomicLong();

  public OutboundBudget(long limit) {
    this.limit = limit;
  }

  /** Counts {@code n} more bytes, unless that would take the total above the limit. */
  boolean tryReserve(long n) {
    while (true) {
      long now = used.get();
      if (now + n > limit) {
        return false;
      }
      if (used.compareAndSet(now, now + n)) {
        return true;
      }
    }
  }

  void release(long n) {
    used.addAndGet(-n);
  }

  public long used() {
    return used.get();
  }

  public long limit() {
    return limit;
  }
}
