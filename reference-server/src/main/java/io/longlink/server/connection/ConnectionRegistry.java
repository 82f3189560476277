package io.longlink.server.connection;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * The open connections of a server, so that shutdown can say goodbye to each and wait for them to
 * go, and so that when their outbound queues together reach their bound the ones holding the most
 * can be found (LL-LIM-11).
 */
public final class ConnectionRegistry {

  private final Set<Connection> open = new HashSet<>();
  private final OutboundBudget budget;

  public ConnectionRegistry(long maxTotalOutboundBytes) {
    this.budget = new OutboundBudget(maxTotalOutboundBytes);
  }

  /** The bytes queued on all connections together. */
  public OutboundBudget budget() {
    return budget;
  }

  /** The connection whose outbound queue holds the most bytes, or null when none holds any. */
  synchronized Connection largestQueue() {
    Connection largest = null;
    long most = 0;
    for (Connection c : open) {
      long bytes = c.queuedBytes();
      if (bytes > most) {
        most = bytes;
        largest = c;
      }
    }
    return largest;
  }

  synchronized void add(Connection c) {
    open.add(c);
  }

  synchronized void remove(Connection c) {
    if (open.remove(c) && open.isEmpty()) {
      notifyAll();
    }
  }

  public synchronized List<Connection> snapshot() {
    return List.copyOf(open);
  }

  public synchronized int size() {
    return open.size();
  }

  /** Waits until every connection closed, or the timeout passed; true when none is left. */
  public synchronized boolean awaitEmpty(long timeoutMs) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMs);
    while (!open.isEmpty()) {
      long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
      if (left <= 0) {
        return false;
      }
      wait(left);
    }
    return true;
  }
}
