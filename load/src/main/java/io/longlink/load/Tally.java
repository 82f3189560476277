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
 * and its ack and its delivery are timed from then, not from when it actually left, so that a
 * server that stalls the sender is charged for the wait (coordinated omission). Thread-safe.
 */
final class Tally {

  /** Latencies up to an hour, in microseconds, to three significant digits. */
  private static final long HIGHEST_MICROS = 3_600_000_000L;

  private final long intervalNanos;
  private volatile long startNanos;
  private final BitSet sent = new BitSet();
  private final BitSet acked = new BitSet();
  private final BitSet delivered = new BitSet();
  private final LongAdder duplicates = new LongAdder();
  private final LongAdder failed = new LongAdder();
  private final Map<String, LongAdder> failures = new ConcurrentHashMap<>();
  private final Map<Integer, LongAdder> closes = new ConcurrentHashMap<>();
  private final AtomicLong sessions = new AtomicLong();
  private final Histogram ackMicros = new ConcurrentHistogram(HIGHEST_MICROS, 3);
  private final Histogram deliveryMicros = new ConcurrentHistogram(HIGHEST_MICROS, 3);

  private final long measuredFrom;
  private final Recorder recentAcks = new Recorder(HIGHEST_MICROS, 3);

  /** Chats below {@code measuredFrom} are the warm-up's: counted, but left out of the latencies. */
  Tally(int ratePerSecond, long measuredFrom) {
    this.intervalNanos = 1_000_000_000L / ratePerSecond;
    this.measuredFrom = measuredFrom;
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
    synchronized (this) {
      acked.set(k);
      notifyAll();
    }
    long micros = micros(nowNanos - intended(k));
    recentAcks.recordValue(micros);
    if (k >= measuredFrom) {
      ackMicros.recordValue(micros);
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
      notifyAll();
    }
  }

  /** A delivery reached the application; a second one of the same chat is a duplicate. */
  void delivered(int k, long nowNanos) {
    boolean first;
    synchronized (this) {
      first = !delivered.get(k);
      delivered.set(k);
      notifyAll();
    }
    if (first && k >= measuredFrom) {
      deliveryMicros.recordValue(micros(nowNanos - intended(k)));
    } else if (!first) {
      duplicates.increment();
    }
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

  synchronized long deliveredCount() {
    return delivered.cardinality();
  }

  /** Acked chats not delivered (yet, while the run goes on; for good once it drained). */
  synchronized long owed() {
    BitSet missing = (BitSet) acked.clone();
    missing.andNot(delivered);
    return missing.cardinality();
  }

  /** Delivered chats the sender never saw acked: not an error (the ack may be lost with a dropped link). */
  synchronized long deliveredUnacked() {
    BitSet extra = (BitSet) delivered.clone();
    extra.andNot(acked);
    return extra.cardinality();
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
