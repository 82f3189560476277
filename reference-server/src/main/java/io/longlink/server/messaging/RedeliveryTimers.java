package io.longlink.server.messaging;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;

/**
 * One timer per delivery that was sent and not acknowledged: when it fires, the hub sends the
 * delivery again (LL-DLV-2). Timers exist only while the recipient has a session; the next
 * session's backlog covers the rest. Callers hold the hub's lock.
 */
final class RedeliveryTimers {

  private final ScheduledExecutorService scheduler;
  private final long ackTimeoutMs;
  private final BiConsumer<String, Long> onExpiry;
  private final Map<String, Map<Long, ScheduledFuture<?>>> byUser = new HashMap<>();

  RedeliveryTimers(ScheduledExecutorService scheduler, long ackTimeoutMs, BiConsumer<String, Long> onExpiry) {
    this.scheduler = scheduler;
    this.ackTimeoutMs = ackTimeoutMs;
    this.onExpiry = onExpiry;
  }

  /** (Re)starts the timer of one delivery. */
  void start(String user, long seq) {
    Map<Long, ScheduledFuture<?>> timers = byUser.computeIfAbsent(user, u -> new HashMap<>());
    ScheduledFuture<?> previous = timers.put(seq,
        scheduler.schedule(() -> onExpiry.accept(user, seq), ackTimeoutMs, TimeUnit.MILLISECONDS));
    if (previous != null) {
      previous.cancel(false);
    }
  }

  /** Forgets a timer that fired, without cancelling it. */
  void expired(String user, long seq) {
    Map<Long, ScheduledFuture<?>> timers = byUser.get(user);
    if (timers != null) {
      timers.remove(seq);
      if (timers.isEmpty()) {
        byUser.remove(user);
      }
    }
  }

  void cancel(String user, long seq) {
    Map<Long, ScheduledFuture<?>> timers = byUser.get(user);
    if (timers != null) {
      ScheduledFuture<?> timer = timers.remove(seq);
      if (timer != null) {
        timer.cancel(false);
      }
      if (timers.isEmpty()) {
        byUser.remove(user);
      }
    }
  }

  void cancelAll(String user) {
    Map<Long, ScheduledFuture<?>> timers = byUser.remove(user);
    if (timers != null) {
      timers.values().forEach(t -> t.cancel(false));
    }
  }
}
