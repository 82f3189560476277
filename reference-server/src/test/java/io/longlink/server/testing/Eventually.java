package io.longlink.server.testing;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Waits for a condition that something else makes true, with a deadline. */
public final class Eventually {

  private Eventually() {}

  public static void within(Duration timeout, BooleanSupplier condition, String what) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("expected " + what + " within " + timeout.toMillis() + " ms; it did not happen");
      }
      Thread.sleep(10);
    }
  }
}
