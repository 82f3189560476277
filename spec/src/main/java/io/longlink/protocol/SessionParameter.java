package io.longlink.protocol;

import io.longlink.model.AuthOk;
import java.util.Optional;
import java.util.function.Function;

/**
 * The session parameters a server advertises in auth_ok, with the defaults and static ranges of
 * the table in PROTOCOL.md §6 (a test keeps the two identical). Ranges that depend on another
 * parameter are checked by {@link ParameterCheck}.
 */
public enum SessionParameter {
  HEARTBEAT_INTERVAL_MS("heartbeat.interval_ms", 25_000, 100, 300_000, a -> a.heartbeat().intervalMs()),
  HEARTBEAT_TIMEOUT_MS("heartbeat.timeout_ms", 60_000, 200, 600_000, a -> a.heartbeat().timeoutMs()),
  RECONNECT_INITIAL_DELAY_MS("reconnect.initial_delay_ms", 1_000, 100, 60_000, a -> a.reconnect().initialDelayMs()),
  RECONNECT_MULTIPLIER("reconnect.multiplier", 2.0, 1.0, 10.0, a -> a.reconnect().multiplier()),
  RECONNECT_MAX_DELAY_MS("reconnect.max_delay_ms", 30_000, 100, 3_600_000, a -> a.reconnect().maxDelayMs()),
  RECONNECT_JITTER("reconnect.jitter", 0.5, 0.0, 1.0, a -> a.reconnect().jitter()),
  MAX_MESSAGE_BYTES("limits.max_message_bytes", 65_536, 1_024, 16_777_216, a -> a.limits().maxMessageBytes()),
  RATE_MESSAGES("limits.rate_messages", 20, 1, 100_000, a -> a.limits().rateMessages()),
  RATE_WINDOW_MS("limits.rate_window_ms", 1_000, 100, 3_600_000, a -> a.limits().rateWindowMs()),
  MAX_CONNECTIONS_PER_USER("limits.max_connections_per_user", 5, 1, 1_000, a -> a.limits().maxConnectionsPerUser()),
  AUTH_TIMEOUT_MS("limits.auth_timeout_ms", 10_000, 100, 120_000, a -> a.limits().authTimeoutMs()),
  ACK_TIMEOUT_MS("delivery.ack_timeout_ms", 10_000, 100, 600_000, a -> a.delivery().ackTimeoutMs()),
  MAX_PENDING("delivery.max_pending", 10_000, 1, 10_000_000, a -> a.delivery().maxPending()),
  MAX_PENDING_BYTES("delivery.max_pending_bytes", 16_777_216, 2_048, 17_179_869_184L, a -> a.delivery().maxPendingBytes()),
  DEDUP_WINDOW_MS("dedup_window_ms", 600_000, 1_000, 604_800_000, AuthOk::dedupWindowMs),
  REPLAY_WINDOW_MS("signing.replay_window_ms", 60_000, 1_000, 600_000,
      a -> a.signing() == null ? null : a.signing().replayWindowMs());

  private final String path;
  private final double defaultValue;
  private final double min;
  private final double max;
  private final Function<AuthOk, Number> reader;

  SessionParameter(String path, double defaultValue, double min, double max, Function<AuthOk, Number> reader) {
    this.path = path;
    this.defaultValue = defaultValue;
    this.min = min;
    this.max = max;
    this.reader = reader;
  }

  /** The parameter's dotted path in auth_ok, e.g. {@code heartbeat.interval_ms}. */
  public String path() {
    return path;
  }

  /** The value a server uses when its operator sets nothing. */
  public double defaultValue() {
    return defaultValue;
  }

  /** The smallest value a server can advertise. */
  public double min() {
    return min;
  }

  /** The largest value a server can advertise. */
  public double max() {
    return max;
  }

  /** The advertised value, or empty when auth_ok does not carry it (only signing is absent by design). */
  public Optional<Number> readFrom(AuthOk authOk) {
    try {
      return Optional.ofNullable(reader.apply(authOk));
    } catch (NullPointerException missingGroup) {
      return Optional.empty();
    }
  }

  /** Whether {@code value} lies in the static range. */
  public boolean allows(double value) {
    return value >= min && value <= max;
  }

  /** The parameter with this dotted path. */
  public static Optional<SessionParameter> byPath(String path) {
    for (SessionParameter p : values()) {
      if (p.path.equals(path)) {
        return Optional.of(p);
      }
    }
    return Optional.empty();
  }

  /** The range as people read it: "100-300000". */
  public String rangeText() {
    return format(min) + "-" + format(max);
  }

  static String format(double value) {
    return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
  }
}
