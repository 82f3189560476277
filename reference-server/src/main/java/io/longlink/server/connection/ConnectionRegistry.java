package io.longlink.server.connection;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/** The open connections of a server, so that shutdown can say goodbye to each and wait for them to go. */
public final class ConnectionRegistry {

  private final Set<Connection> open = new HashSet<>();

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
