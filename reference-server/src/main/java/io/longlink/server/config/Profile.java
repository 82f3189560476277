package io.longlink.server.config;

import io.longlink.protocol.SessionParameter;
import java.util.EnumMap;
import java.util.Map;

/** Named sets of session parameters. */
public enum Profile {
  /** The defaults of PROTOCOL.md §6. */
  DEFAULT,
  /**
   * Short intervals and small limits, so that a whole conformance run (which waits for heartbeat
   * timeouts, auth timeouts and redeliveries) takes seconds.
   */
  FAST;

  /** The session parameters of this profile. */
  public Map<SessionParameter, Number> parameters() {
    Map<SessionParameter, Number> values = new EnumMap<>(SessionParameter.class);
    for (SessionParameter p : SessionParameter.values()) {
      values.put(p, p.defaultValue() == Math.rint(p.defaultValue()) ? (Number) (long) p.defaultValue() : (Number) p.defaultValue());
    }
    if (this == FAST) {
      values.put(SessionParameter.HEARTBEAT_INTERVAL_MS, 500L);
      values.put(SessionParameter.HEARTBEAT_TIMEOUT_MS, 1_500L);
      values.put(SessionParameter.RECONNECT_INITIAL_DELAY_MS, 100L);
      values.put(SessionParameter.RECONNECT_MAX_DELAY_MS, 2_000L);
      // Since 1.1 the auth timeout also bounds the TCP and TLS handshakes and the upgrade (LL-LIM-9): 1 s
      // was too tight for a cold JVM on a busy 2-core machine.
      values.put(SessionParameter.AUTH_TIMEOUT_MS, 2_000L);
      values.put(SessionParameter.ACK_TIMEOUT_MS, 800L);
      values.put(SessionParameter.MAX_PENDING, 16L);
      // Four largest chats: the kit fills a queue by bytes with a handful of them.
      values.put(SessionParameter.MAX_PENDING_BYTES, 4 * values.get(SessionParameter.MAX_MESSAGE_BYTES).longValue());
      values.put(SessionParameter.DEDUP_WINDOW_MS, 60_000L);
      values.put(SessionParameter.REPLAY_WINDOW_MS, 30_000L);
    }
    return values;
  }
}
