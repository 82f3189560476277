package io.longlink.client.reconnect;

import io.longlink.client.ConnectionState;
import io.longlink.client.connection.SessionParams;
import io.longlink.client.time.Cancellable;
import io.longlink.client.time.ClientScheduler;
import java.util.function.IntConsumer;

/**
 * Counts attempts and times the next one (PROTOCOL.md §13). Attempt 0 is the first connection,
 * made at once; attempt k >= 1 is the k-th since the last auth_ok (or since the start) and waits
 * a draw for backoff index n = k - 1, so the first reconnect after a session waits
 * {@code delay_0} as in §13's diagram. The count resets on auth_ok only, never when a socket
 * merely opens (LL-RC-4). A goaway hint stretches the next wait to at least its
 * {@code retry_after_ms} and the attempt still counts (LL-RC-7). A platform event can end a wait
 * early, never before the hint, and the early attempt counts like any other (LL-RC-10).
 */
public final class ReconnectPlan {

  private final ClientScheduler scheduler;
  private final BackoffPolicy backoff;
  private int attempt;
  private long hintMs;
  private long hintEndsAt;
  private Runnable pending;
  private Cancellable timer = Cancellable.NONE;

  public ReconnectPlan(ClientScheduler scheduler, BackoffPolicy backoff) {
    this.scheduler = scheduler;
    this.backoff = backoff;
  }

  /** The attempt under way (or last made). */
  public int attempt() {
    return attempt;
  }

  /** A fresh start: the next connection is attempt 0, with no hint pending. */
  public void restart() {
    cancel();
    attempt = 0;
    hintMs = 0;
  }

  /** auth_ok arrived. */
  public void sessionStarted() {
    attempt = 0;
  }

  /** The server asked, in goaway, for at least {@code retryAfterMs} before the next attempt. */
  public void hint(long retryAfterMs) {
    hintMs = retryAfterMs;
  }

  /**
   * Schedules the next attempt after the link ended with {@code code}; {@code connect} gets its
   * number. Returns the state to report.
   */
  public ConnectionState.Reconnecting schedule(SessionParams params, int code, String reason, IntConsumer connect) {
    int next = attempt + 1;
    long delay = Math.max(backoff.draw(params, next - 1), hintMs);
    hintEndsAt = scheduler.now() + hintMs;
    hintMs = 0;
    pending = () -> {
      pending = null;
      attempt = next;
      connect.accept(next);
    };
    timer = scheduler.schedule(delay, pending);
    return new ConnectionState.Reconnecting(next, delay, code, reason);
  }

  /**
   * The platform reports the network or the app back (LL-RC-10): a scheduled attempt is made now,
   * or when the goaway's hint ends if that is later. Without a wait under way, nothing happens.
   */
  public void cutShort() {
    Runnable attemptNow = pending;
    if (attemptNow != null) {
      timer.cancel();
      timer = scheduler.schedule(Math.max(0, hintEndsAt - scheduler.now()), attemptNow);
    }
  }

  /** Calls off a scheduled attempt. */
  public void cancel() {
    timer.cancel();
    timer = Cancellable.NONE;
    pending = null;
  }
}
