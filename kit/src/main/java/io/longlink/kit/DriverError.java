package io.longlink.kit;

import org.opentest4j.TestAbortedException;

/**
 * The driver of a client under test broke its contract (DRIVER.md §7): a line that is not a valid
 * event, no {@code ready}, a command left unanswered, a process that died. No rule failed, and
 * nothing more can be judged with this driver: the run stops and exits with 2. It aborts its
 * scenario, so that the scenario's rules are not reported as failed.
 */
public class DriverError extends TestAbortedException {

  private static final long serialVersionUID = 1L;

  /** @param message one line, starting "driver error: " */
  public DriverError(String message) {
    super(message);
  }
}
