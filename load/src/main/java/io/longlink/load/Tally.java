package io.longlink.load;

import java.util.BitSet;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * What a load run counts, chat by chat: chat {@code k} was meant to leave at {@code intended(k)},
 * and its ack and its deliveries are timed from then, not from when they actually left, so that a
 * server that stalls the sender is charged for the wait (coordinated omission). A chat has
 * {@code places} delivery places (its recipient, or each member of its room): a bit each, which a
 * second delivery to the same place finds set (a duplicate). What is owed is kept as a count, so
 * that a progress line or the drain's check costs nothing however long the run. Thread-safe.
 */
final class Tally {

  /** Latencies up to an hour, in microseconds, to three significant digits. */
  private static final long HIGHEST_MICROS = 3_600_000_000L;

  private final long intervalNanos;
  private final int places;
  private final int recipients;
  private volatile long startNanos;
  private final BitSet sent = new BitSet();
  private final BitSet acked = new BitSet();
  /** Bit {@code k * places + place}: chat k reached that place. */
  private final BitSet delivered = new BitSet();
  private long deliveries;
  /** Deliveries of acked chats not made yet. */
  private long owed;
  /** When an ack, a delivery or a failure was last counted ({@link System#nanoTime()}). */
  private volatile long lastChangeNanos = System.nanoTime();
  private final LongAdder duplicates = new LongAdder();
  private final LongAdder failed = new LongAdder();
  private final Map<String, LongAdder> failures = new ConcurrentHashMap<>();
  private final Map<Integer, LongAdder> closes = new ConcurrentHashMap<>();
  private final AtomicLong sessions = new AtomicLong();
  private final Histogram ackMicros = new ConcurrentHistogram(HIGHEST_MICROS, 3);
  private final Histogram deliveryMicros = new ConcurrentHistogram(HIGHEST_MICROS, 3);

  private final long measuredFrom;
  private final Recorder recentAcks = new Recorder(HIGHEST_MICROS, 3);

  /**
   * Chats below {@code measuredFrom} are the warm-up's: counted, but left out of the latencies.
   * Each chat has {@code places} places and is owed to {@code recipients} of them once acked.
   */
  Tally(int ratePerSecond, long measuredFrom, int places, int recipients) {
    this.intervalNanos = 1_000_000_000L / ratePerSecond;
    this.measuredFrom = measuredFrom;
    this.places = places;
    this.recipients = recipients;
  }

  /** Chat 0 is meant to leave at {@code startNanos}, each next one an interval later. */
  void startAt(long startNanos) {
    this.startNanos = startNanos;
  }

  /** When chat {@code k} was meant to be sent ({@link System#nanoTime()}). */
  long intended(long k) {
    return startNanos + k * intervalNanos;
  }

  synchronized void sent(int k) {
    sent.set(k);
  }

  void acked(int k, long nowNanos) {
    long micros = micros(nowNanos - intended(k));
    synchronized (this) {
      if (acked.get(k)) {
        return;
      }
      // Recorded before anyone waiting is told: a report taken once all is acked has every latency.
      recentAcks.recordValue(micros);
      if (k >= measuredFrom) {
        ackMicros.recordValue(micros);
      }
      acked.set(k);
      lastChangeNanos = nowNanos;
      int from = k * places;
      owed += recipients - delivered.get(from, from + places).cardinality();
      notifyAll();
    }
  }

  /** The ack latencies since the last call, warm-up included: what a progress line shows. */
  Histogram recentAcks() {
    return recentAcks.getIntervalHistogram();
  }

  /** A chat the client gave up on; no promise was made, so it is not lost, but it is reported. */
  void failed(String why) {
    failures.computeIfAbsent(why, w -> new LongAdder()).increment();
    synchronized (this) {
      failed.increment();
      lastChangeNanos = System.nanoTime();
      notifyAll();
    }
  }

  /** A delivery of chat {@code k} reached the application at {@code place}; a second one there is a duplicate. */
  void delivered(int k, int place, long nowNanos) {
    synchronized (this) {
      int bit = k * places + place;
      lastChangeNanos = nowNanos;
      if (delivered.get(bit)) {
        duplicates.increment();
      } else {
        // Recorded before anyone waiting is told, as for acks.
        if (k >= measuredFrom) {
          deliveryMicros.recordValue(micros(nowNanos - intended(k)));
        }
        delivered.set(bit);
        deliveries++;
        if (acked.get(k)) {
          owed--;
        }
      }
      notifyAll();
    }
  }

  /** The chats acked when the server stopped for a restart; null without one. */
  private BitSet ackedAtRestart;
  private long owedAtRestart;

  /** The server has stopped for a restart: what it acked and had not delivered by now went with it, or not. */
  synchronized void restarted() {
    ackedAtRestart = (BitSet) acked.clone();
    owedAtRestart = owed;
  }

  /**
   * Whether all that is owed is owed from before a restart of a server that keeps nothing across
   * one: nothing more can come. Walks the chats acked before the restart only when so little is
   * owed that it could be.
   */
  synchronized boolean onlyOwedFromBeforeTheRestart() {
    return ackedAtRestart != null && owed <= owedAtRestart && owed == owedFromBeforeTheRestart();
  }

  /**
   * Deliveries still owed of chats acked before the restart: what a server that keeps pending
   * deliveries in memory loses to a restart (PROTOCOL.md LL-SHUT-4); 0 without a restart.
   */
  synchronized long owedFromBeforeTheRestart() {
    if (ackedAtRestart == null) {
      return 0;
    }
    long owedThen = 0;
    for (int k = ackedAtRestart.nextSetBit(0); k >= 0; k = ackedAtRestart.nextSetBit(k + 1)) {
      int from = k * places;
      owedThen += recipients - delivered.get(from, from + places).cardinality();
    }
    return owedThen;
  }

  /** When the last ack, delivery or failure was counted. */
  long lastChangeNanos() {
    return lastChangeNanos;
  }

  void closed(int code) {
    closes.computeIfAbsent(code, c -> new LongAdder()).increment();
  }

  void sessionOpened() {
    sessions.incrementAndGet();
  }

  /** Waits until an ack, a delivery or a failure is counted, or {@code nanos} have passed. */
  synchronized void awaitChange(long nanos) throws InterruptedException {
    if (nanos > 0) {
      TimeUnit.NANOSECONDS.timedWait(this, nanos);
    }
  }

  synchronized long sentCount() {
    return sent.cardinality();
  }

  synchronized long ackedCount() {
    return acked.cardinality();
  }

  /** Deliveries that reached the application, each place of each chat once. */
  synchronized long deliveredCount() {
    return deliveries;
  }

  /** Deliveries of acked chats not made (yet, while the run goes on; for good once it drained). */
  synchronized long owed() {
    return owed;
  }

  /**
   * Chats delivered at least once whose ack the sender never saw: not an error (the ack may be
   * lost with a dropped link). A walk over every delivery: for the report, not for progress.
   */
  synchronized long deliveredUnacked() {
    long count = 0;
    for (int bit = delivered.nextSetBit(0); bit >= 0; ) {
      int k = bit / places;
      if (!acked.get(k)) {
        count++;
      }
      int next = (k + 1) * places;
      bit = next < 0 ? -1 : delivered.nextSetBit(next);
    }
    return count;
  }

  long duplicates() {
    return duplicates.sum();
  }

  long failedCount() {
    return failed.sum();
  }

  Map<String, Long> failures() {
    Map<String, Long> out = new TreeMap<>();
    failures.forEach((k, v) -> out.put(k, v.sum()));
    return out;
  }

  Map<Integer, Long> closes() {
    Map<Integer, Long> out = new TreeMap<>();
    closes.forEach((k, v) -> out.put(k, v.sum()));
    return out;
  }

  long sessions() {
    return sessions.get();
  }

  Histogram ackMicros() {
    return ackMicros.copy();
  }

  Histogram deliveryMicros() {
    return deliveryMicros.copy();
  }

  private static long micros(long nanos) {
    return Math.min(HIGHEST_MICROS, Math.max(0, nanos / 1_000));
  }
}
