package io.longlink.kit.client.harness;

import io.longlink.model.AuthOk;
import io.longlink.model.DeliveryPolicy;
import io.longlink.model.HeartbeatPolicy;
import io.longlink.model.Limits;
import io.longlink.model.ReconnectPolicy;
import io.longlink.model.SigningAlgorithm;
import io.longlink.model.SigningPolicy;

/**
 * The parameters the harness advertises in {@code auth_ok}, chosen by the scenario. The defaults
 * are short, so that a run is fast, and far from PROTOCOL.md §6's, so that a client that uses its
 * own values instead of the advertised ones shows it (LL-PAR-2).
 *
 * <p>{@link #authOk} is the one place that builds the harness's {@code auth_ok}: a member the
 * schema adds later is added there.
 */
public record SessionParams(
    long intervalMs,
    long timeoutMs,
    long initialDelayMs,
    double multiplier,
    long maxDelayMs,
    double jitter,
    long maxMessageBytes,
    long rateMessages,
    long rateWindowMs,
    long ackTimeoutMs,
    long dedupWindowMs,
    boolean signing,
    long serverTimeOffsetMs) {

  /** A fast, valid set: ping every 400 ms, dead after 1200 ms, reconnect after 300-600 ms. */
  public static SessionParams fast() {
    return new SessionParams(400, 1200, 600, 2.0, 2400, 0.5, 65_536, 100, 1000, 4000, 600_000, false, 0);
  }

  public SessionParams withHeartbeat(long interval, long timeout) {
    return new SessionParams(interval, timeout, initialDelayMs, multiplier, maxDelayMs, jitter, maxMessageBytes,
        rateMessages, rateWindowMs, ackTimeoutMs, dedupWindowMs, signing, serverTimeOffsetMs);
  }

  public SessionParams withReconnect(long initial, double factor, long max, double spread) {
    return new SessionParams(intervalMs, timeoutMs, initial, factor, max, spread, maxMessageBytes, rateMessages,
        rateWindowMs, ackTimeoutMs, dedupWindowMs, signing, serverTimeOffsetMs);
  }

  public SessionParams withLimits(long maxBytes, long messages, long windowMs) {
    return new SessionParams(intervalMs, timeoutMs, initialDelayMs, multiplier, maxDelayMs, jitter, maxBytes, messages,
        windowMs, ackTimeoutMs, dedupWindowMs, signing, serverTimeOffsetMs);
  }

  public SessionParams withSigning(long clockOffsetMs) {
    return new SessionParams(intervalMs, timeoutMs, initialDelayMs, multiplier, maxDelayMs, jitter, maxMessageBytes,
        rateMessages, rateWindowMs, ackTimeoutMs, dedupWindowMs, true, clockOffsetMs);
  }

  /** Deliveries unacked for {@code ackTimeout} are due again; repeats are recognised for {@code dedupWindow} (LL-DLV-1, LL-DD-7). */
  public SessionParams withDelivery(long ackTimeout, long dedupWindow) {
    return new SessionParams(intervalMs, timeoutMs, initialDelayMs, multiplier, maxDelayMs, jitter, maxMessageBytes,
        rateMessages, rateWindowMs, ackTimeout, dedupWindow, signing, serverTimeOffsetMs);
  }

  /** The upper bound {@code hi_n} of reconnect attempt {@code n} (PROTOCOL.md §13). */
  public long hi(int n) {
    return (long) Math.min(maxDelayMs, initialDelayMs * Math.pow(multiplier, n));
  }

  /** The lower bound {@code lo_n} of reconnect attempt {@code n}. */
  public long lo(int n) {
    return (long) (hi(n) * (1 - jitter));
  }

  /** The {@code signing.replay_window_ms} it advertises when it signs: within PROTOCOL.md §6's range. */
  public long replayWindowMs() {
    return Math.min(60_000L, dedupWindowMs);
  }

  /** The harness's {@code auth_ok} for one session. */
  public AuthOk authOk(String sessionId, String userId, String epoch) {
    return new AuthOk(sessionId, userId, System.currentTimeMillis() + serverTimeOffsetMs,
        new HeartbeatPolicy(intervalMs, timeoutMs),
        new ReconnectPolicy(initialDelayMs, multiplier, maxDelayMs, jitter),
        new Limits(maxMessageBytes, rateMessages, rateWindowMs, 5L, 10_000L),
        new DeliveryPolicy(ackTimeoutMs, 10_000L, 4 * maxMessageBytes),
        dedupWindowMs,
        signing ? new SigningPolicy(SigningAlgorithm.HMAC_SHA256, replayWindowMs()) : null,
        epoch);
  }
}
