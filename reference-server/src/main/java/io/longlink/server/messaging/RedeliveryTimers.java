package io.longlink.server.messaging;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * When each delivery that was sent and not acknowledged is due to be sent again (LL-DLV-2): a
 * deadline per delivery, and one wake-up per user, not a scheduled task per delivery. Acks nearly
 * always come within milliseconds; a task scheduled and cancelled for each of them was a good
 * share of a busy server's work. Every deadline is "sent + ack timeout", so a user's deadlines in
 * the order they were set are in deadline order, and the wake-up is for the first. An ack only
 * drops its deadline: the wake-up, if it comes for nothing, finds nothing due and waits for the
 * next. Timers exist only while the recipient has a session; the next session's backlog covers
 * the rest. Thread-safe: deliveries of one user are timed under that user's delivery lock, acks
 * come on any thread.
 */
final class RedeliveryTimers {

  private final ScheduledExecutorService scheduler;
  private final long ackTimeoutNanos;
  private final LongSupplier nanoClock;
  private final Consumer<String> onDue;
  private final Map<String, UserDeadlines> byUser = new HashMap<>();

  /** A user's deadlines (seq to {@code nanoClock} time), in the order set, and the wake-up pending for the first. */
  private static final class UserDeadlines {
    final LinkedHashMap<Long, Long> bySeq = new LinkedHashMap<>();
    ScheduledFuture<?> wakeUp;
  }

  /** {@code onDue} runs on the scheduler when some of a user's deliveries may be due: it takes the user's delivery lock and calls {@link #due}. */
  RedeliveryTimers(ScheduledExecutorService scheduler, long ackTimeoutMs, LongSupplier nanoClock, Consumer<String> onDue) {
    this.scheduler = scheduler;
    this.ackTimeoutNanos = TimeUnit.MILLISECONDS.toNanos(ackTimeoutMs);
    this.nanoClock = nanoClock;
    this.onDue = onDue;
  }

  /** (Re)starts the timer of one delivery: due an ack timeout from now. */
  synchronized void start(String user, long seq) {
    UserDeadlines d = byUser.computeIfAbsent(user, u -> new UserDeadlines());
    d.bySeq.remove(seq);
    d.bySeq.put(seq, nanoClock.getAsLong() + ackTimeoutNanos);
    if (d.wakeUp == null) {
      d.wakeUp = wakeUp(user, ackTimeoutNanos);
    }
  }

  /**
   * The deliveries of {@code user} whose time has come, in seq order, forgotten (a resend starts
   * them again); the next wake-up is set for the rest.
   */
  synchronized List<Long> due(String user) {
    UserDeadlines d = byUser.get(user);
    if (d == null) {
      return List.of();
    }
    long now = nanoClock.getAsLong();
    List<Long> due = new ArrayList<>();
    for (Iterator<Map.Entry<Long, Long>> it = d.bySeq.entrySet().iterator(); it.hasNext(); ) {
      Map.Entry<Long, Long> e = it.next();
      if (e.getValue() - now > 0) {
        break;
      }
      due.add(e.getKey());
      it.remove();
    }
    d.wakeUp = null;
    if (d.bySeq.isEmpty()) {
      byUser.remove(user);
    } else {
      d.wakeUp = wakeUp(user, d.bySeq.values().iterator().next() - now);
    }
    Collections.sort(due);
    return due;
  }

  /** Drops the timer of an acknowledged (or dropped) delivery. */
  synchronized void cancel(String user, long seq) {
    UserDeadlines d = byUser.get(user);
    if (d != null) {
      d.bySeq.remove(seq);
    }
  }

  /** Drops every timer of a user whose last session ended. */
  synchronized void cancelAll(String user) {
    UserDeadlines d = byUser.remove(user);
    if (d != null && d.wakeUp != null) {
      d.wakeUp.cancel(false);
    }
  }

  /** Deliveries with a timer running, all users together: for tests and metrics. */
  synchronized int running() {
    return byUser.values().stream().mapToInt(d -> d.bySeq.size()).sum();
  }

  private ScheduledFuture<?> wakeUp(String user, long inNanos) {
    return scheduler.schedule(() -> onDue.accept(user), Math.max(0, inNanos), TimeUnit.NANOSECONDS);
  }
}
