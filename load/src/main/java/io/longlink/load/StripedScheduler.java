package io.longlink.load;

import io.longlink.client.time.Cancellable;
import io.longlink.client.time.ClientScheduler;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A few threads for many clients: client {@code i} runs on thread {@code i % threads}, so each
 * client's tasks stay serial (what {@link ClientScheduler} promises) while 10,000 clients need
 * no 10,000 threads. The reference client's own scheduler has a thread per client.
 */
final class StripedScheduler implements AutoCloseable {

  private final ScheduledThreadPoolExecutor[] stripes;
  private final AtomicLong failures = new AtomicLong();

  StripedScheduler(int threads) {
    stripes = new ScheduledThreadPoolExecutor[threads];
    for (int i = 0; i < threads; i++) {
      String name = "load-client-" + i;
      ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, r -> {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
      });
      executor.setRemoveOnCancelPolicy(true);
      stripes[i] = executor;
    }
  }

  /** The scheduler of client {@code i}. */
  ClientScheduler forClient(int i) {
    ScheduledThreadPoolExecutor executor = stripes[i % stripes.length];
    return new ClientScheduler() {
      @Override
      public long now() {
        return System.currentTimeMillis();
      }

      @Override
      public void execute(Runnable task) {
        if (!executor.isShutdown()) {
          executor.execute(guarded(task));
        }
      }

      @Override
      public Cancellable schedule(long delayMs, Runnable task) {
        if (executor.isShutdown()) {
          return Cancellable.NONE;
        }
        ScheduledFuture<?> f = executor.schedule(guarded(task), Math.max(0, delayMs), TimeUnit.MILLISECONDS);
        return () -> f.cancel(false);
      }
    };
  }

  /** Tasks that threw: a bug in the client, which a load run reports rather than hides. */
  long failures() {
    return failures.get();
  }

  private Runnable guarded(Runnable task) {
    return () -> {
      try {
        task.run();
      } catch (RuntimeException | Error e) {
        failures.incrementAndGet();
      }
    };
  }

  @Override
  public void close() {
    for (ScheduledThreadPoolExecutor e : stripes) {
      e.shutdownNow();
    }
  }
}
