package io.longlink.kit.report;

import java.time.Duration;
import java.util.Locale;

/** Durations for people: "180 ms", "1.6 s", "2 min 05 s". */
public final class Durations {

  private Durations() {}

  public static String human(Duration duration) {
    long ms = duration.toMillis();
    if (ms < 1000) {
      return ms + " ms";
    }
    if (ms < 60_000) {
      return String.format(Locale.ROOT, "%.1f s", ms / 1000.0);
    }
    return String.format(Locale.ROOT, "%d min %02d s", ms / 60_000, (ms / 1000) % 60);
  }

  /** Seconds with millisecond precision, as JUnit XML wants them: "1.600". */
  static String seconds(Duration duration) {
    return String.format(Locale.ROOT, "%.3f", duration.toMillis() / 1000.0);
  }
}
