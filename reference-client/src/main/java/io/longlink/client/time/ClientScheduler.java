package io.longlink.client.time;

/**
 * The client's clock and its one serial executor. Every piece of client state is touched only by
 * tasks of this scheduler, so the client needs no locks; tests swap in a fake one whose time
 * moves only when the test says, so backoff and heartbeat checks are exact and never sleep.
 */
public interface ClientScheduler {

  /** Milliseconds since the Unix epoch, by this scheduler's clock. */
  long now();

  /** Runs {@code task} soon, after every task submitted before it. */
  void execute(Runnable task);

  /** Runs {@code task} once, {@code delayMs} from now (0 or less: as soon as possible). */
  Cancellable schedule(long delayMs, Runnable task);
}
