package io.longlink.kit.wire;

import java.time.Duration;

/**
 * One deadline for a whole wait that takes several messages: a loop that gave each message its own
 * timeout would never end against a server that keeps sending something else (a pong without the
 * ping's id every few hundred milliseconds made a run hang).
 */
public final class Deadline {

  private final Duration total;
  private final long endNanos;

  private Deadline(Duration total) {
    this.total = total;
    this.endNanos = System.nanoTime() + total.toNanos();
  }

  /** A deadline {@code total} from now. */
  public static Deadline after(Duration total) {
    return new Deadline(total);
  }

  /** What is left of it; zero once it passed. */
  public Duration left() {
    return Duration.ofNanos(Math.max(0, endNanos - System.nanoTime()));
  }

  /** The whole time it allowed, for messages: "the pong within 5400 ms". */
  public Duration total() {
    return total;
  }
}
