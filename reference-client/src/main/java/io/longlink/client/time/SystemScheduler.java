package io.longlink.client.time;

import java.time.Clock;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The real scheduler: one daemon thread per client (not per socket; the sockets run on the HTTP
 * client's own pool). A task that throws is reported and does not stop the thread.
 */
public final class SystemScheduler implements ClientScheduler, AutoCloseable {

  private final Clock clock;
  private final ScheduledThreadPoolExecutor executor;
  private final Consumer<Throwable> onFailure;

  /** A scheduler on {@code clock}, reporting tasks that throw to {@code onFailure}. */
  public SystemScheduler(Clock clock, String threadName, Consumer<Throwable> onFailure) {
    this.clock = clock;
    this.onFailure = onFailure;
    this.executor = new ScheduledThreadPoolExecutor(1, runnable -> {
      Thread thread = new Thread(runnable, threadName);
      thread.setDaemon(true);
      return thread;
    });
    executor.setRemoveOnCancelPolicy(true);
  }

  @Override
  public long now() {
    return clock.millis();
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
    ScheduledFuture<?> future = executor.schedule(guarded(task), Math.max(0, delayMs), TimeUnit.MILLISECONDS);
    return () -> future.cancel(false);
  }

  private Runnable guarded(Runnable task) {
    return () -> {
      try {
        task.run();
      } catch (RuntimeException | Error e) {
        onFailure.accept(e);
      }
    };
  }

  /** Stops the thread; tasks not yet run are dropped. */
  @Override
  public void close() {
    executor.shutdownNow();
  }
}
