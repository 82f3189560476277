package io.longlink.kit.client.driver;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * Drivers started ahead of their scenarios, so that a scenario does not wait for a process to
 * start (a JVM driver takes more than half a second): each driver taken starts the next one in
 * the background, so the pool settles at as many spares as scenarios run at once. A spare is a
 * fresh, never-commanded process, as DRIVER.md §2 asks of every scenario's driver; the spares
 * left when the run ends are killed.
 */
public final class DriverPool implements AutoCloseable {

  private static final String SPARE = "a driver started ahead of its scenario";

  private final DriverLauncher launcher;
  private final Duration slack;
  private final Deque<DriverProcess> spares = new ArrayDeque<>();
  private boolean closed;

  public DriverPool(DriverLauncher launcher, Duration slack) {
    this.launcher = launcher;
    this.slack = slack;
  }

  /**
   * A started driver for this scenario: a spare when one is starting or ready, else a new one;
   * either way the next spare starts now. A spare's {@code ready} is awaited here, from now, so
   * that a driver that breaks the contract does so in the scenario that needed it.
   */
  public DriverProcess take(String scenario) {
    DriverProcess spare;
    synchronized (this) {
      if (closed) {
        throw new IllegalStateException("the run has ended: no driver is started after it");
      }
      spare = spares.pollFirst();
      spares.addLast(DriverProcess.spawn(launcher, SPARE, slack));
    }
    if (spare == null) {
      return DriverProcess.start(launcher, scenario, slack);
    }
    spare.awaitReady(scenario);
    return spare;
  }

  /** Kills the spares: the run that would have used them is over. */
  @Override
  public void close() {
    List<DriverProcess> left;
    synchronized (this) {
      closed = true;
      left = List.copyOf(spares);
      spares.clear();
    }
    left.forEach(DriverProcess::close);
  }
}
