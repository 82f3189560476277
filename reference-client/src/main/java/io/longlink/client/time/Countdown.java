package io.longlink.client.time;

/**
 * Fires when a period has passed since the last {@link #touch()}. Touching only records the time;
 * the one pending task re-arms itself when it finds a later touch, so a busy link does not
 * cancel and reschedule a timer for every frame.
 */
public final class Countdown {

  private final ClientScheduler scheduler;
  private final Runnable onExpiry;
  private final boolean repeating;
  private long periodMs;
  private long lastTouch;
  private Cancellable pending = Cancellable.NONE;
  private boolean running;

  /**
   * @param repeating whether to start a new period after each expiry (a heartbeat) or stop (a
   *     deadline)
   */
  public Countdown(ClientScheduler scheduler, Runnable onExpiry, boolean repeating) {
    this.scheduler = scheduler;
    this.onExpiry = onExpiry;
    this.repeating = repeating;
  }

  /** Starts (or restarts) counting {@code periodMs} from now. */
  public void start(long periodMs) {
    stop();
    this.periodMs = periodMs;
    this.lastTouch = scheduler.now();
    this.running = true;
    arm(periodMs);
  }

  /** Restarts the period from now, if running. */
  public void touch() {
    lastTouch = scheduler.now();
  }

  /** Stops counting; nothing fires until the next start. */
  public void stop() {
    running = false;
    pending.cancel();
    pending = Cancellable.NONE;
  }

  /** When the current period started. */
  public long lastTouch() {
    return lastTouch;
  }

  private void arm(long delayMs) {
    pending = scheduler.schedule(delayMs, this::check);
  }

  private void check() {
    if (!running) {
      return;
    }
    long due = lastTouch + periodMs;
    long now = scheduler.now();
    if (now < due) {
      arm(due - now);
    } else if (repeating) {
      lastTouch = now;
      arm(periodMs);
      onExpiry.run();
    } else {
      running = false;
      onExpiry.run();
    }
  }
}
