package io.longlink.server.transport;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.event.Level;

/**
 * One log line for a kind of event that can come thousands a second (refused connections during
 * an attack): the first event is logged at once, later ones at most once per interval, each line
 * with the count since the previous line, and never with a stack trace.
 */
final class ThrottledLog {

  private static final long INTERVAL_NANOS = TimeUnit.SECONDS.toNanos(10);

  private final Logger log;
  private final Level level;
  private final String what;
  private final AtomicLong unreported = new AtomicLong();
  private final AtomicLong nextNanos = new AtomicLong(System.nanoTime());

  /** {@code what} completes "N ... since the last such line", e.g. "connections refused when accepted". */
  ThrottledLog(Logger log, Level level, String what) {
    this.log = log;
    this.level = level;
    this.what = what;
  }

  /** Counts one event; logs when a line is due, with {@code latest} describing this event. */
  void record(String latest) {
    unreported.incrementAndGet();
    long now = System.nanoTime();
    long next = nextNanos.get();
    if (now - next >= 0 && nextNanos.compareAndSet(next, now + INTERVAL_NANOS)) {
      log.atLevel(level).log("{} {} since the last such line (one line per {} s at most); latest: {}", unreported.getAndSet(0),
          what, TimeUnit.NANOSECONDS.toSeconds(INTERVAL_NANOS), latest);
    }
  }
}
