package io.longlink.client.heartbeat;

import io.longlink.client.time.ClientScheduler;
import io.longlink.client.time.Countdown;
import java.util.function.LongConsumer;

/**
 * The client side of PROTOCOL.md §8. Two clocks: in a session, one counts from the later of
 * auth_ok and the last frame sent and pings when it reaches {@code heartbeat.interval_ms}
 * (LL-HB-1); the other counts from the later of auth_ok and the last frame received and declares
 * the link dead at {@code heartbeat.timeout_ms} (LL-HB-5, LL-HB-7). Before auth_ok the second
 * clock is the connect deadline of LL-HB-8: {@code heartbeat.timeout_ms} from the start of the
 * attempt, not extended by anything but auth_ok, so a server that accepts the TCP connection and
 * then says nothing is given up too.
 */
public final class Heartbeat {

  private final ClientScheduler scheduler;
  private final Countdown quiet;
  private final Countdown silence;
  private boolean inSession;

  /**
   * @param ping sends one ping (the sender counts it through {@link #sent()})
   * @param dead called with the silence in ms when the link is declared dead
   */
  public Heartbeat(ClientScheduler scheduler, Runnable ping, LongConsumer dead) {
    this.scheduler = scheduler;
    this.quiet = new Countdown(scheduler, ping, true);
    this.silence = new Countdown(scheduler, () -> dead.accept(scheduler.now() - silenceSince()), false);
  }

  /** A connection attempt starts: the link has {@code timeoutMs} to show life. */
  public void attemptStarted(long timeoutMs) {
    inSession = false;
    quiet.stop();
    silence.start(timeoutMs);
  }

  /** auth_ok arrived: ping on the session's interval, watch silence on its timeout (LL-PAR-2). */
  public void sessionStarted(long intervalMs, long timeoutMs) {
    // auth_ok itself was the last frame received, so counting the new timeout from now is exact.
    inSession = true;
    silence.start(timeoutMs);
    quiet.start(intervalMs);
  }

  /** Any frame was sent. */
  public void sent() {
    quiet.touch();
  }

  /** Any frame was received. */
  public void received() {
    if (inSession) {
      silence.touch();
    }
  }

  /** The link ended: nothing to watch until the next attempt. */
  public void stop() {
    inSession = false;
    quiet.stop();
    silence.stop();
  }

  private long silenceSince() {
    return silence.lastTouch();
  }
}
