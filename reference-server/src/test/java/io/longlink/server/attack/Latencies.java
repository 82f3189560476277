package io.longlink.server.attack;

import java.util.ArrayList;
import java.util.List;

/** Ack latencies of one phase, in milliseconds. */
final class Latencies {

  private final List<Double> millis = new ArrayList<>();

  synchronized void add(double ms) {
    millis.add(ms);
  }

  synchronized int count() {
    return millis.size();
  }

  /** The {@code p}-th percentile (0-100), nearest rank; NaN without samples. */
  synchronized double percentile(double p) {
    if (millis.isEmpty()) {
      return Double.NaN;
    }
    List<Double> sorted = new ArrayList<>(millis);
    sorted.sort(null);
    int rank = (int) Math.ceil(p / 100 * sorted.size());
    return sorted.get(Math.max(0, rank - 1));
  }

  @Override
  public String toString() {
    return String.format("%d acks, p50 %.1f ms, p99 %.1f ms", count(), percentile(50), percentile(99));
  }
}
