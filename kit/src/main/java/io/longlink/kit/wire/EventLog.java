package io.longlink.kit.wire;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Predicate;

/**
 * Everything a connection received, in order. A wait consumes the first event that matches and
 * leaves the others for later waits, so that expectations need not be written in the exact order
 * the server interleaves its messages. Transparent events (the pongs of the kit's own keepalive)
 * are never returned and never shown.
 */
final class EventLog {

  private static final class Entry {
    final WireEvent event;
    final boolean transparent;
    boolean consumed;

    Entry(WireEvent event, boolean transparent) {
      this.event = event;
      this.transparent = transparent;
    }
  }

  /** The result of a wait: the event, or why there is none. */
  record Outcome(WireEvent event, WireEvent closedFirst, List<WireEvent> seen) {
    boolean found() {
      return event != null;
    }
  }

  private final ReentrantLock lock = new ReentrantLock();
  private final Condition arrived = lock.newCondition();
  private final List<Entry> entries = new ArrayList<>();
  private volatile long lastArrivalNanos = System.nanoTime();

  void add(WireEvent event, boolean transparent) {
    lock.lock();
    try {
      entries.add(new Entry(event, transparent));
      lastArrivalNanos = event.atNanos();
      arrived.signalAll();
    } finally {
      lock.unlock();
    }
  }

  /** Consumes the first unconsumed event that matches, waiting until {@code deadlineNanos}. */
  Outcome take(Predicate<WireEvent> match, long deadlineNanos) throws InterruptedException {
    lock.lock();
    try {
      int scanned = 0;
      while (true) {
        for (; scanned < entries.size(); scanned++) {
          Entry e = entries.get(scanned);
          if (e.consumed || e.transparent) {
            continue;
          }
          if (match.test(e.event)) {
            e.consumed = true;
            return new Outcome(e.event, null, List.of());
          }
          if (e.event.kind() == WireEvent.Kind.CLOSE) {
            return new Outcome(null, e.event, unconsumed());
          }
        }
        long left = deadlineNanos - System.nanoTime();
        if (left <= 0) {
          return new Outcome(null, null, unconsumed());
        }
        arrived.awaitNanos(left);
      }
    } finally {
      lock.unlock();
    }
  }

  /** Waits until the window ends, and returns the first event that matches in it, if any (not consumed). */
  Optional<WireEvent> watch(Predicate<WireEvent> match, long untilNanos) throws InterruptedException {
    lock.lock();
    try {
      int scanned = 0;
      while (true) {
        for (; scanned < entries.size(); scanned++) {
          Entry e = entries.get(scanned);
          if (!e.consumed && !e.transparent && match.test(e.event)) {
            return Optional.of(e.event);
          }
        }
        long left = untilNanos - System.nanoTime();
        if (left <= 0) {
          return Optional.empty();
        }
        arrived.awaitNanos(left);
      }
    } finally {
      lock.unlock();
    }
  }

  /** The events not consumed yet, in order. */
  List<WireEvent> unconsumed() {
    return collect(e -> !e.consumed && !e.transparent);
  }

  /** Every event, consumed or not, in order (for reports). */
  List<WireEvent> all() {
    return collect(e -> true);
  }

  private List<WireEvent> collect(Predicate<Entry> which) {
    lock.lock();
    try {
      List<WireEvent> list = new ArrayList<>();
      for (Entry e : entries) {
        if (which.test(e)) {
          list.add(e.event);
        }
      }
      return list;
    } finally {
      lock.unlock();
    }
  }

  long lastArrivalNanos() {
    return lastArrivalNanos;
  }

  static long deadline(long timeoutMs) {
    return System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMs);
  }
}
