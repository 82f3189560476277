package io.longlink.load;

import io.longlink.client.time.ClientScheduler;
import io.longlink.client.time.SystemScheduler;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A few threads for many clients: client {@code i} runs on scheduler {@code i % threads}, so each
 * client's tasks stay serial (what {@link ClientScheduler} promises) while 10,000 clients need no
 * 10,000 threads, which a client building its own {@link SystemScheduler} would start.
 */
final class StripedScheduler implements AutoCloseable {

  private final SystemScheduler[] stripes;
  private final AtomicLong failures = new AtomicLong();

  StripedScheduler(int threads) {
    stripes = new SystemScheduler[threads];
    for (int i = 0; i < threads; i++) {
      stripes[i] = new SystemScheduler(Clock.systemUTC(), "load-client-" + i, failure -> failures.incrementAndGet());
    }
  }

  /** The scheduler of client {@code i}. */
  ClientScheduler forClient(int i) {
    return stripes[i % stripes.length];
  }

  /** Tasks that threw: a bug in the client, which a load run reports rather than hides. */
  long failures() {
    return failures.get();
  }

  @Override
  public void close() {
    for (SystemScheduler s : stripes) {
      s.close();
    }
  }
}
