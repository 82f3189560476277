package io.longlink.client.driver.fault;

import io.longlink.client.reconnect.Backoff;
import io.longlink.client.reconnect.BackoffPolicy;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/** Faults in the waits before reconnect attempts, as policies around the real one. */
final class BackoffFaults {

  private BackoffFaults() {}

  /** LL-RC-2: always the ceiling delay_n: no jitter, the same wait on every run. */
  static Fault noJitter() {
    return new Fault() {
      @Override
      public BackoffPolicy backoff(BackoffPolicy real) {
        return Backoff::ceiling;
      }
    };
  }

  /** LL-RC-4: the index counts every attempt since the start and never goes back to 0 on auth_ok. */
  static Fault neverResets() {
    return new Fault() {
      @Override
      public BackoffPolicy backoff(BackoffPolicy real) {
        AtomicInteger attempts = new AtomicInteger();
        return (params, n) -> real.draw(params, attempts.getAndIncrement());
      }
    };
  }

  /**
   * LL-RC-10: the attempt a platform event brought forward is not counted: the wait after it is
   * drawn for the same n again.
   */
  static Fault earlyAttemptsNotCounted() {
    AtomicBoolean event = new AtomicBoolean();
    return new Fault() {
      @Override
      public BackoffPolicy backoff(BackoffPolicy real) {
        return (params, n) -> real.draw(params, event.getAndSet(false) && n > 0 ? n - 1 : n);
      }

      @Override
      public Runnable platformBack(Runnable real) {
        return () -> {
          event.set(true);
          real.run();
        };
      }
    };
  }
}
