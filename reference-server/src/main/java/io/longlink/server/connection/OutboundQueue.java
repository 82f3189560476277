package io.longlink.server.connection;

/**
 * What one connection has queued for sending and not yet written, in frames and bytes, bounded per
 * connection (LL-LIM-7) and, through the registry's shared count, for all connections together
 * (LL-LIM-11). Once dropped (the connection is being closed as a slow consumer) it takes nothing
 * more, and its bytes no longer count against the total: nothing new is queued on it, and what it
 * held is released when the connection is dropped, within the grace period.
 */
final class OutboundQueue {

  enum Offer {
    QUEUED,
    FULL,
    OVER_BUDGET,
    DROPPED
  }

  private final int maxFrames;
  private final long maxBytes;
  private final OutboundBudget budget;
  private int frames;
  private long bytes;
  private boolean dropped;

  OutboundQueue(int maxFrames, long maxBytes, OutboundBudget budget) {
    this.maxFrames = maxFrames;
    this.maxBytes = maxBytes;
    this.budget = budget;
  }

  /** Counts a frame of {@code n} bytes as queued, or says which bound it would break. */
  synchronized Offer offer(long n) {
    if (dropped) {
      return Offer.DROPPED;
    }
    if (frames + 1 > maxFrames || bytes + n > maxBytes) {
      return Offer.FULL;
    }
    if (!budget.tryReserve(n)) {
      return Offer.OVER_BUDGET;
    }
    frames++;
    bytes += n;
    return Offer.QUEUED;
  }

  /** A frame of {@code n} bytes was written, or failed. */
  synchronized void written(long n) {
    if (!dropped) {
      frames--;
      bytes -= n;
      budget.release(n);
    }
  }

  /** Takes nothing more and gives its bytes back to the budget; false when it was dropped already. */
  synchronized boolean drop() {
    if (dropped) {
      return false;
    }
    dropped = true;
    budget.release(bytes);
    bytes = 0;
    frames = 0;
    return true;
  }

  synchronized long bytes() {
    return bytes;
  }

  long maxBytes() {
    return maxBytes;
  }

  int maxFrames() {
    return maxFrames;
  }
}
