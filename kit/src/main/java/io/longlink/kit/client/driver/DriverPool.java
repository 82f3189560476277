package io.longlink.kit.client.driver;

import io.longlink.kit.DriverError;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Drivers started ahead of their scenarios, so that a scenario does not wait for a process to
 * start (a JVM driver takes more than half a second): each driver taken starts the next one in
 * the background, so the pool settles at as many spares as scenarios run at once. A spare is a
 * fresh, never-commanded process, as DRIVER.md §2 asks of every scenario's driver; the spares
 * left when the run ends are killed.
 */
public final class DriverPool implements AutoCloseable {

  private static final String SPARE = "a driver started ahead of its scenario";

  private final List<String> command;
  private final Duration slack;
  private final Deque<CompletableFuture<DriverProcess>> spares = new ArrayDeque<>();
  private boolean closed;

  public DriverPool(List<String> command, Duration slack) {
    this.command = List.copyOf(command);
    this.slack = slack;
  }

  /**
   * A started driver for this scenario: a spare when one is ready or starting, else a new one;
   * either way the next spare starts now. A spare that failed to start throws its error here,
   * in the scenario that would have started it.
   */
  public DriverProcess take(String scenario) {
    CompletableFuture<DriverProcess> spare;
    synchronized (this) {
      if (closed) {
        throw new IllegalStateException("the run has ended: no driver is started after it");
      }
      spare = spares.pollFirst();
      spares.addLast(CompletableFuture.supplyAsync(() -> DriverProcess.start(command, SPARE, slack), DriverPool::onOwnThread));
    }
    if (spare == null) {
      return DriverProcess.start(command, scenario, slack);
    }
    DriverProcess driver;
    try {
      driver = spare.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof DriverError error) {
        throw new DriverError(error.getMessage().replace('"' + SPARE + '"', '"' + scenario + '"'));
      }
      throw e;
    }
    driver.assign(scenario);
    return driver;
  }

  /** A start waits for the driver's ready line: a thread of its own, so no shared pool is blocked. */
  private static void onOwnThread(Runnable start) {
    Thread thread = new Thread(start, "driver-spare");
    thread.setDaemon(true);
    thread.start();
  }

  /** Kills the spares: the run that would have used them is over. */
  @Override
  public void close() {
    List<CompletableFuture<DriverProcess>> left;
    synchronized (this) {
      closed = true;
      left = List.copyOf(spares);
      spares.clear();
    }
    for (CompletableFuture<DriverProcess> spare : left) {
      spare.thenAccept(DriverProcess::close).exceptionally(e -> null).join();
    }
  }
}
