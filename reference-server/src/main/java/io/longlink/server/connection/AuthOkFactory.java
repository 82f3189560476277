package io.longlink.server.connection;

import io.longlink.model.AuthOk;
import io.longlink.model.DeliveryPolicy;
import io.longlink.model.HeartbeatPolicy;
import io.longlink.model.Limits;
import io.longlink.model.ReconnectPolicy;
import io.longlink.model.SigningAlgorithm;
import io.longlink.model.SigningPolicy;
import io.longlink.protocol.SessionParameter;
import io.longlink.server.config.ServerConfig;

/** The auth_ok a server with this configuration advertises: exactly the parameters it applies. */
public final class AuthOkFactory {

  private final ServerConfig config;

  public AuthOkFactory(ServerConfig config) {
    this.config = config;
  }

  /** The auth_ok of one session; {@code epoch} is the hub's, the same for every session (LL-DLV-12). */
  public AuthOk create(String sessionId, String userId, long serverTime, String epoch) {
    long initial = config.millis(SessionParameter.RECONNECT_INITIAL_DELAY_MS);
    long cap = config.millis(SessionParameter.RECONNECT_MAX_DELAY_MS);
    // LL-AUTH-12: server_time is this server's clock when auth_ok is made.
    return new AuthOk(sessionId, userId, serverTime,
        new HeartbeatPolicy(config.millis(SessionParameter.HEARTBEAT_INTERVAL_MS),
            config.millis(SessionParameter.HEARTBEAT_TIMEOUT_MS)),
        new ReconnectPolicy(initial, config.number(SessionParameter.RECONNECT_MULTIPLIER), cap,
            config.number(SessionParameter.RECONNECT_JITTER)),
        new Limits(config.millis(SessionParameter.MAX_MESSAGE_BYTES), config.millis(SessionParameter.RATE_MESSAGES),
            config.millis(SessionParameter.RATE_WINDOW_MS), config.millis(SessionParameter.MAX_CONNECTIONS_PER_USER),
            config.millis(SessionParameter.AUTH_TIMEOUT_MS)),
        new DeliveryPolicy(config.millis(SessionParameter.ACK_TIMEOUT_MS), config.millis(SessionParameter.MAX_PENDING),
            config.millis(SessionParameter.MAX_PENDING_BYTES)),
        config.millis(SessionParameter.DEDUP_WINDOW_MS),
        config.signing() ? new SigningPolicy(SigningAlgorithm.HMAC_SHA256, config.millis(SessionParameter.REPLAY_WINDOW_MS))
            : null,
        epoch);
  }
}
