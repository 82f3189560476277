package io.longlink.client;

/**
 * Where the client's connection stands, as a UI shows it ("connecting", "reconnecting (2)",
 * "online as alice"). Reported to {@link ClientObserver#stateChanged(ConnectionState)}.
 */
public interface ConnectionState {

  /**
   * A connection attempt is under way. Attempt 0 is the first connection of the client (or the
   * first after new credentials); attempt k >= 1 is the k-th attempt since the last auth_ok.
   */
  record Connecting(int attempt) implements ConnectionState {}

  /** A session is open: auth_ok arrived. */
  record Open(String sessionId, String userId) implements ConnectionState {}

  /**
   * The link ended and attempt {@code attempt} starts in {@code delayMs}: the drawn backoff, or
   * the server's goaway hint when that is longer.
   *
   * @param closeCode the code that ended the link (1006 when it ended without one, 4000 when the
   *     client declared it dead)
   */
  record Reconnecting(int attempt, long delayMs, int closeCode, String reason) implements ConnectionState {}

  /** The client stopped and does not reconnect on its own. */
  record Closed(CloseCause cause, int closeCode, String reason) implements ConnectionState {}
}
