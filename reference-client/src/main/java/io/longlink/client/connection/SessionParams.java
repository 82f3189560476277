package io.longlink.client.connection;

import io.longlink.model.AuthOk;
import io.longlink.protocol.SessionParameter;

/**
 * The session parameters the client acts on: those of the latest auth_ok, or the defaults of
 * PROTOCOL.md §6 before the first one (LL-PAR-2, LL-RC-2).
 *
 * @param signing whether the session signs chats (auth_ok carried {@code signing})
 */
public record SessionParams(
    long heartbeatIntervalMs,
    long heartbeatTimeoutMs,
    long initialDelayMs,
    double multiplier,
    long maxDelayMs,
    double jitter,
    long maxMessageBytes,
    long rateMessages,
    long rateWindowMs,
    long dedupWindowMs,
    boolean signing) {

  /** The §6 defaults, taken from {@link SessionParameter} so that the two never drift apart. */
  public static SessionParams defaults() {
    return new SessionParams(
        whole(SessionParameter.HEARTBEAT_INTERVAL_MS),
        whole(SessionParameter.HEARTBEAT_TIMEOUT_MS),
        whole(SessionParameter.RECONNECT_INITIAL_DELAY_MS),
        SessionParameter.RECONNECT_MULTIPLIER.defaultValue(),
        whole(SessionParameter.RECONNECT_MAX_DELAY_MS),
        SessionParameter.RECONNECT_JITTER.defaultValue(),
        whole(SessionParameter.MAX_MESSAGE_BYTES),
        whole(SessionParameter.RATE_MESSAGES),
        whole(SessionParameter.RATE_WINDOW_MS),
        whole(SessionParameter.DEDUP_WINDOW_MS),
        false);
  }

  /** What {@code authOk} advertises (the codec has validated it against its schema). */
  public static SessionParams of(AuthOk authOk) {
    return new SessionParams(
        authOk.heartbeat().intervalMs(),
        authOk.heartbeat().timeoutMs(),
        authOk.reconnect().initialDelayMs(),
        authOk.reconnect().multiplier(),
        authOk.reconnect().maxDelayMs(),
        authOk.reconnect().jitter(),
        authOk.limits().maxMessageBytes(),
        authOk.limits().rateMessages(),
        authOk.limits().rateWindowMs(),
        authOk.dedupWindowMs(),
        authOk.signing() != null);
  }

  private static long whole(SessionParameter p) {
    return (long) p.defaultValue();
  }
}
